/**
 * Hostile and merely unusual inputs, generated at any size: the shapes that once made a conversion
 * run for minutes or take gigabytes (one very long line, deep nesting of every construct, many
 * small constructs, unclosed constructs, many warnings), and real-looking report text as the
 * yardstick. The command's test runs every case small; the bench (`bench/src/adversarial.mjs`)
 * runs them at 1, 5 and 20 MB and prints time and peak memory per format.
 *
 * Each generator returns text of about `bytes` UTF-8 bytes (never less than one unit of its shape),
 * the same text for the same size.
 */

export interface AdversarialCase {
  name: string;
  /** What the input looks like, for the bench table and test names. */
  description: string;
  /** The extension the input is written with: `.txt` takes the plain-text reader. */
  extension: 'md' | 'txt';
  make(bytes: number): string;
}

const encoder = new TextEncoder();
const utf8Length = (text: string): number => encoder.encode(text).length;

/** `unit` repeated until the text reaches `bytes` (at least once). */
function repeatTo(bytes: number, unit: string, head = '', tail = ''): string {
  const count = Math.max(1, Math.ceil((bytes - utf8Length(head) - utf8Length(tail)) / utf8Length(unit)));
  return head + unit.repeat(count) + tail;
}

/** Opening `open` and closing `close` nested as deep as the size allows around `core`. */
function nestTo(bytes: number, open: string, close: string, core: string): string {
  const depth = Math.max(1, Math.floor((bytes - utf8Length(core)) / (utf8Length(open) + utf8Length(close))));
  return `${open.repeat(depth)}${core}${close.repeat(depth)}\n`;
}

/**
 * A paragraph of a work report, the kind of text wenshu is for (written for these tests; no
 * personal data). Used alone for the yardstick case and as the filler of others.
 */
const REPORT_PARAGRAPH =
  '一年来，我们坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，全市地区生产总值增长5.2%，' +
  '城镇新增就业6.8万人，居民人均可支配收入增长6.1%，重点项目完成投资1280亿元。';

/** Lines cut in the middle of sentences, as text copied out of a PDF arrives. */
function brokenLines(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const line = `${REPORT_PARAGRAPH.slice(n % 7, 30 + (n % 7))}`;
    lines.push(line);
    size += utf8Length(line) + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** Nested list items, each indented two spaces more than its parent, until the size is reached. */
function deepList(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let depth = 0; size < bytes; depth++) {
    const line = `${'  '.repeat(depth)}- 第${depth + 1}层`;
    lines.push(line);
    size += utf8Length(line) + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** A GFM table this many columns wide, with one header row, one delimiter row and one body row. */
function wideTable(bytes: number): string {
  const columns = Math.max(1, Math.floor(bytes / 24));
  const header = Array.from({ length: columns }, (_, n) => `列${n + 1}`);
  const body = Array.from({ length: columns }, (_, n) => `${(n * 0.37).toFixed(2)}%`);
  return `| ${header.join(' | ')} |\n|${' --- |'.repeat(columns)}\n| ${body.join(' | ')} |\n`;
}

/** Tables inside table cells, in HTML, as deep as the size allows. */
function nestedTables(bytes: number): string {
  const open = '<table><tr><td>格';
  const close = '</td></tr></table>';
  return nestTo(bytes, open, close, '内容');
}

export const adversarialCases: readonly AdversarialCase[] = [
  {
    name: 'report-text',
    description: 'ordinary report paragraphs (the yardstick)',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, `${REPORT_PARAGRAPH}\n\n`, '# 政府工作报告\n\n'),
  },
  {
    name: 'long-line-md',
    description: 'one line with no line break (.md)',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, REPORT_PARAGRAPH, '', '\n'),
  },
  {
    name: 'long-line-txt',
    description: 'one line with no line break (.txt)',
    extension: 'txt',
    make: (bytes) => repeatTo(bytes, REPORT_PARAGRAPH, '', '\n'),
  },
  {
    name: 'broken-lines-txt',
    description: 'lines cut mid-sentence that the join pass mends (.txt)',
    extension: 'txt',
    make: brokenLines,
  },
  {
    name: 'flat-paragraphs',
    description: 'one-line paragraphs, blank line between',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '短段落。\n\n'),
  },
  {
    name: 'numbered-items',
    description: 'numbered items with run-in titles',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '（一）加快项目建设。全年完成投资120亿元。\n\n'),
  },
  {
    name: 'many-headings',
    description: 'headings one after another',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '## 第一章 总则\n\n'),
  },
  { name: 'deep-list', description: 'list items indented deeper and deeper', extension: 'md', make: deepList },
  {
    name: 'deep-quote',
    description: '`>` nested as deep as the size allows',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '>', '', ' 引文\n'),
  },
  {
    name: 'lazy-quote',
    description: 'a block quote followed by lazy continuation lines',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '续行\n', '> 引文\n'),
  },
  {
    name: 'list-quote-lines',
    description: 'a list item holding a block quote on every line',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '- > 引文\n'),
  },
  {
    name: 'link-brackets',
    description: 'unclosed `[` brackets',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '[', '', '\n'),
  },
  {
    name: 'links-nested',
    description: 'links nested in link text',
    extension: 'md',
    make: (bytes) => nestTo(bytes, '[', '](/a)', '文字'),
  },
  {
    name: 'links-reference',
    description: 'many reference links to one definition',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '[参见][定义] ', '[定义]: https://example.org/\n\n', '\n'),
  },
  {
    name: 'link-image-nest',
    description: 'links around images, nested',
    extension: 'md',
    make: (bytes) => nestTo(bytes, '[![', '](a.png)](/b)', '图'),
  },
  {
    name: 'emphasis-runs',
    description: '`*a **b` runs that never close',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '*甲 **乙 ', '', '\n'),
  },
  {
    name: 'footnote-references',
    description: 'many references to one footnote',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '正文[^1]', '', '\n\n[^1]: 注释。\n'),
  },
  {
    name: 'entities',
    description: '`&amp;` character references',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '&amp;', '', '\n'),
  },
  {
    name: 'table-rows',
    description: 'a GFM table of many rows',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '| 项目 | 5.2% | 1280亿元 |\n', '| 指标 | 增速 | 投资 |\n| --- | --- | --- |\n'),
  },
  { name: 'table-columns', description: 'a GFM table of many columns', extension: 'md', make: wideTable },
  { name: 'tables-in-tables', description: 'HTML tables nested in cells', extension: 'md', make: nestedTables },
  {
    name: 'html-deep',
    description: '`<div>` nested as deep as the size allows',
    extension: 'md',
    make: (bytes) => nestTo(bytes, '<div>', '</div>', '内容'),
  },
  {
    name: 'unclosed-fence',
    description: 'a code fence that never closes',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, 'const 数 = 1;\n', '```js\n'),
  },
  {
    name: 'unclosed-comment',
    description: 'an HTML comment that never closes',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, `${REPORT_PARAGRAPH}\n`, '正文\n\n<!-- 注释\n'),
  },
  {
    name: 'many-warnings',
    description: 'pictures that are not there, each a warning',
    extension: 'md',
    make: (bytes) => repeatTo(bytes, '![图](missing.png)\n\n'),
  },
];
