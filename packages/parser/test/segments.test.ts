/**
 * A long source is parsed a piece at a time (`lib/segments.ts`). The pieces must give the tree one
 * parse of the whole gives, positions and warnings included, and must bound the parser's memory.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adversarialCases } from '@wenshu/test-corpus/adversarial';
import { describe, expect, it } from 'vitest';
import { parse, type Warning } from '../src/index.js';
import { DENSE_DELIMITERS, DENSE_ENTITIES, DENSE_TABLE_CELLS } from '../src/lib/dense.js';
import { longFences } from '../src/lib/fence-pieces.js';
import { cutPoints, DENSE_BRACKETS, DENSE_CONTAINER_LINES, denseBlocks } from '../src/lib/segments.js';
import { longTables } from '../src/lib/table-pieces.js';
import { describeCorpus, readCorpus } from './corpus.js';

function decoded(made: string | Uint8Array): string {
  return typeof made === 'string' ? made : new TextDecoder().decode(made);
}

/** The document and warnings of `text`, parsed whole and cut wherever a cut is allowed. */
function both(text: string): { whole: string; cut: string } {
  const run = (segmentChars: number) => {
    const warnings: Warning[] = [];
    const document = parse(text, { segmentChars, onWarning: (warning) => warnings.push(warning) });
    return JSON.stringify({ document, warnings });
  };
  return { whole: run(Number.POSITIVE_INFINITY), cut: run(1) };
}

function fixtureInputs(): [string, string][] {
  const root = fileURLToPath(new URL('fixtures', import.meta.url));
  const inputs: [string, string][] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md') && entry.name !== 'README.md')
        inputs.push([path, readFileSync(path, 'utf8')]);
    }
  };
  walk(root);
  return inputs;
}

describe('parsing a piece at a time', () => {
  it('cuts only after a blank line, before new top-level content', () => {
    const text = '段一。\n\n- 项\n\n  续\n\n段二。\n\n    缩进\n\n> 引\n\n段三。\n';
    const cuts = cutPoints(text, 1);
    // Not before a list item (the list might go on), a quote, indented text or a fence.
    expect(cuts.map((at) => text.slice(at, at + 3))).toEqual(['段二。', '段三。']);
    const fenced = '一\n\n```\n二\n\n三\n```\n';
    expect(cutPoints(fenced, 1).map((at) => fenced.slice(at, at + 1))).toEqual(['三']);
  });

  it('never cuts front matter, nor a source with definitions', () => {
    const matter = '---\ntitle: 一\n\nnote: 二\n---\n\n正文。\n\n再一段。\n';
    expect(cutPoints(matter, 1).map((at) => matter.slice(at, at + 3))).toEqual(['再一段']);
    expect(cutPoints('见[注]。\n\n段。\n\n[注]: https://example.org\n', 1)).toEqual([]);
    expect(cutPoints('见[^1]。\n\n段。\n\n[^1]: 注。\n', 1)).toEqual([]);
  });

  it('gives the tree of one parse when a fence, math or HTML block runs across a cut', () => {
    for (const text of [
      '段。\n\n```\n代码\n\n仍是代码\n\n```\n\n后。\n',
      '段。\n\n$$\nx\n\ny\n$$\n\n后。\n',
      '段。\n\n<!--\n注释\n\n仍是注释\n-->\n\n后。\n',
      '段。\n\n<pre>\n一\n\n二\n</pre>\n\n后。\n',
      '段。\n\n```\n未闭合\n\n到结尾\n',
    ]) {
      const { whole, cut } = both(text);
      expect(cut).toBe(whole);
    }
  });

  it('gives the tree of one parse for every fixture and every adversarial shape', () => {
    const inputs = fixtureInputs();
    for (const item of adversarialCases) inputs.push([item.name, decoded(item.make(5_000))]);
    expect(inputs.length).toBeGreaterThan(20);
    for (const [name, text] of inputs) {
      const { whole, cut } = both(text);
      expect(cut, name).toBe(whole);
    }
  }, 120_000);

  it('keeps the memory of a parse of many short paragraphs bounded (a heap of 100 MB is enough for 0.5 MB)', () => {
    // Whole, 0.5 MB of one-line paragraphs (35,700) does not fit a heap of 100 MB (1 MB needed over
    // 300 MB, and 1 GB resident); a piece at a time it fits in 80 MB. Run in a child with that heap limit: a V8 abort there fails this test.
    const script = `
      const { parse } = await import(${JSON.stringify(new URL('../src/index.ts', import.meta.url).href)});
      const { adversarialCases } = await import('@wenshu/test-corpus/adversarial');
      const made = adversarialCases.find((c) => c.name === 'flat-paragraphs').make(5e5);
      const text = typeof made === 'string' ? made : new TextDecoder().decode(made);
      console.log(parse(text).children.length);`;
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=100', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) },
    );
    expect(child.stderr).not.toMatch(/heap out of memory/);
    expect(Number(child.stdout.trim())).toBeGreaterThan(35_000);
  }, 120_000);
});

describe('a long table parsed a few rows at a time', () => {
  const rows = [
    '| 指标 | 增速 | 投资 |',
    '| :--- | :---: | ---: |',
    '| 项目 | 5.2% | 1280亿元 |',
    '| **加粗** | `a\\|b` | [链接](https://example.org) |',
    '| 少一格 |',
    '| 多 | 出 | 来 | 的格 |',
    '| 转义 \\| 竖线 | *强调 | 跨行*不成 |',
    '| https://example.org 自动链接 | ~~删~~ | $x$ |',
  ];

  it('is cut before rows, after its header and delimiter rows, never in a source with definitions', () => {
    const text = `前言。\n\n${rows.join('\n')}\n\n后记。\n`;
    const [table, ...more] = longTables(text, 1, 0);
    expect(more).toEqual([]);
    expect(text.slice(table?.start, table?.headerEnd)).toBe(`${rows[0]}\n${rows[1]}\n`);
    expect(table?.cuts.map((at) => text.slice(at, text.indexOf('\n', at)))).toEqual(rows.slice(3));
    expect(text.slice(table?.end)).toBe('\n后记。\n');
    // Not a table without a delimiter row, nor a table inside a paragraph.
    expect(longTables(`${rows[0]}\n${rows[2]}\n${rows[3]}\n`, 1, 0)).toEqual([]);
    expect(longTables(`段\n${rows.join('\n')}\n`, 1, 0)).toEqual([]);
  });

  it('gives the tree of one parse: rows joined into one table, positions and all', () => {
    const cases = [
      `前言。\n\n${rows.join('\n')}\n\n后记。\n`,
      // Rows without pipes after the run of `|` rows, then a heading that ends the table.
      `${rows.join('\n')}\n无竖线的行\n# 标题\n正文。\n`,
      // A fence opened after the rows and never closed runs on past the blank line.
      `${rows.join('\n')}\n\`\`\`\n代码\n\n仍是代码\n`,
      // A table inside an unclosed fence is code.
      `\`\`\`\n\n${rows.join('\n')}\n\n后。\n`,
      // CRLF line endings, and a delimiter row that is not one (cell counts differ): a paragraph.
      `${rows.join('\r\n')}\r\n\r\n段。\r\n`,
      `| a | b |\n| --- |\n| 1 | 2 |\n| 3 | 4 |\n`,
    ];
    for (const text of cases) {
      const { whole, cut } = both(text);
      expect(cut, text).toBe(whole);
    }
    const document = parse(cases[0] as string, { segmentChars: 1 });
    const table = document.children.find((node) => node.type === 'table');
    expect(table?.type === 'table' && table.children.length).toBe(rows.length - 1);
  });

  it('keeps the memory of a table of many rows bounded (a heap of 100 MB is enough for 0.3 MB of rows)', () => {
    // Whole, 12,000 rows (0.3 MB) peak over 400 MB in micromark; a few rows at a time they fit.
    const script = `
      const { parse } = await import(${JSON.stringify(new URL('../src/index.ts', import.meta.url).href)});
      const { adversarialCases } = await import('@wenshu/test-corpus/adversarial');
      const made = adversarialCases.find((c) => c.name === 'table-rows').make(3e5);
      const text = typeof made === 'string' ? made : new TextDecoder().decode(made);
      const table = parse(text).children.find((node) => node.type === 'table');
      console.log(table.children.length);`;
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=100', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) },
    );
    expect(child.stderr).not.toMatch(/heap out of memory/);
    expect(Number(child.stdout.trim())).toBeGreaterThan(9_000);
  }, 120_000);
});

describe('a long fenced code block parsed a few lines at a time', () => {
  const body = ['const 数 = 1;', '', '  缩进', '``` 不是结束', '~~~', '', '', '末行'];

  it('is found with its closing fence, and cut before lines of its content', () => {
    const text = `段。\n\n\`\`\`js\n${body.join('\n')}\n\`\`\`\n\n后。\n`;
    const [fence, ...more] = longFences(text, 1, 0);
    expect(more).toEqual([]);
    expect(text.slice(fence?.start, fence?.openerEnd)).toBe('```js\n');
    expect(text.slice(fence?.end)).toBe('\n后。\n');
    expect(fence?.cuts).toHaveLength(body.length - 1);
    // A backtick in the info string: not a fence.
    expect(longFences('``` a`b\nx\ny\n', 1, 0)).toEqual([]);
  });

  it('gives the tree of one parse, value and positions, wherever the fence stands', () => {
    const lines = body.join('\n');
    const cases = [
      `\`\`\`js\n${lines}\n`,
      `段。\n\n\`\`\`js\n${lines}\n\`\`\`\n\n后。\n`,
      // After a paragraph line, a list item or a quote with no blank line: the fence interrupts them.
      `段落\n\`\`\`\n${lines}\n\`\`\`\n`,
      `- 项\n\`\`\`\n${lines}\n\`\`\`\n`,
      `> 引\n\`\`\`\n${lines}\n\`\`\`\n`,
      // An indented fence line under a list item is the item's.
      `1. \`\`\`\n   foo\n   \`\`\`\n${body.map((l) => `   ${l}`).join('\n')}\n\n   bar\n`,
      // Indented, tildes, CRLF, a longer closing fence, and text straight after it.
      `  ~~~~ py\n${lines}\n   ~~~~~\n后。\n`,
      `\`\`\`\r\n${body.join('\r\n')}\r\n\`\`\`\r\n`,
      // Inside an HTML comment, an open <div> or another fence, a fence line is not one.
      `<!--\n\n\`\`\`\n${lines}\n-->\n\n后。\n`,
      `<div>\n\`\`\`\n${lines}\n\n后。\n`,
      `~~~\n\n\`\`\`\n${lines}\n\`\`\`\n~~~\n`,
      // A table inside a fence is code; a fence after a table's rows ends the table.
      `\`\`\`\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n\`\`\`\n`,
      `| a | b |\n| --- | --- |\n| 1 | 2 |\n\`\`\`\n${lines}\n`,
    ];
    for (const text of cases) {
      const { whole, cut } = both(text);
      expect(cut, text).toBe(whole);
    }
  });

  it('keeps the memory of a fence left open bounded (a heap of 100 MB is enough for 2 MB of code)', () => {
    // Whole, 2 MB of code lines (133,000) do not fit a heap of 100 MB; a few lines at a time they do.
    const script = `
      const { parse } = await import(${JSON.stringify(new URL('../src/index.ts', import.meta.url).href)});
      const { adversarialCases } = await import('@wenshu/test-corpus/adversarial');
      const made = adversarialCases.find((c) => c.name === 'unclosed-fence').make(2e6);
      const text = typeof made === 'string' ? made : new TextDecoder().decode(made);
      const [code] = parse(text).children;
      console.log(code.type, code.value.split('\\n').length);`;
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=100', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) },
    );
    expect(child.stderr).not.toMatch(/heap out of memory/);
    const [type, count] = child.stdout.trim().split(' ');
    expect(type).toBe('code');
    expect(Number(count)).toBeGreaterThan(130_000);
  }, 120_000);
});

describe('a block too dense to parse', () => {
  it('is found by its lines opening list items or quotes, or by its brackets', () => {
    const text = '段。\n\n- > 一\n- > 二\n- > 三\n\n[[[[\n\n- 项\n\n> 引\n续\n续\n\n续\n续\n续\n';
    const found = denseBlocks(text, { containerLines: 2, brackets: 3 });
    expect(found.map((block) => text.slice(block.start, block.textEnd))).toEqual([
      '- > 一\n- > 二\n- > 三',
      '[[[[',
      '> 引\n续\n续',
    ]);
    expect(found.map((block) => [block.containerLines, block.brackets])).toEqual([
      [3, 0],
      [0, 4],
      [3, 0],
    ]);
  });

  it('is read as plain text with a warning naming its lines, and what is around it is parsed as ever', () => {
    const lines = DENSE_CONTAINER_LINES + 1;
    const block = '- > 引文\n'.repeat(lines);
    const text = `# 标题\n\n${block}\n正文**加粗**。\n`;
    const warnings: Warning[] = [];
    const document = parse(text, { onWarning: (warning) => warnings.push(warning) });
    expect(document.children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'paragraph']);
    const paragraph = document.children[1];
    expect(paragraph?.type === 'paragraph' && paragraph.children).toEqual([
      expect.objectContaining({ type: 'text', value: block.trimEnd() }),
    ]);
    expect(paragraph?.position?.start).toMatchObject({ line: 3, column: 1 });
    expect(paragraph?.position?.end).toMatchObject({ line: lines + 2 });
    const dense = warnings.filter((warning) => warning.code === 'too-dense');
    expect(dense).toHaveLength(1);
    expect(dense[0]?.message).toContain(
      `lines 3–${(lines + 2).toLocaleString('en')} hold ${lines.toLocaleString('en')} lines of list items or quotes`,
    );
    // After it, Markdown is read again.
    expect(JSON.stringify(document.children[2])).toContain('strong');
  });

  it('counts brackets: a line of unclosed `[` over the limit is text, at the limit it is parsed', () => {
    const warnings: Warning[] = [];
    const over = '['.repeat(DENSE_BRACKETS + 1);
    const document = parse(`${over}\n`, { onWarning: (warning) => warnings.push(warning) });
    expect(warnings.map((warning) => warning.code)).toEqual(['too-dense']);
    expect(warnings[0]?.message).toMatch(/^line 1 holds 100,001 `\[`/);
    expect(JSON.stringify(document.children)).toContain(over);
    expect(denseBlocks('['.repeat(DENSE_BRACKETS))).toEqual([]);
    // A footnote call counts as six brackets.
    const calls = Math.floor(DENSE_BRACKETS / 6) + 1;
    expect(denseBlocks(`${'正文[^1]'.repeat(calls)}\n`).map((block) => block.brackets)).toEqual([calls * 6]);
    expect(denseBlocks(`${'正文[^1]'.repeat(calls - 1)}\n`)).toEqual([]);
  });
});

describe('a block too dense to parse: emphasis runs, character references, table cells', () => {
  const dense = (text: string) => {
    const warnings: Warning[] = [];
    const document = parse(text, { onWarning: (warning) => warnings.push(warning) });
    return { document, messages: warnings.filter((w) => w.code === 'too-dense').map((w) => w.message) };
  };

  it('reads a line of more emphasis runs than the limit as text, and parses one at the limit', () => {
    // `*甲 **乙 ` holds two runs.
    const over = `${'*甲 **乙 '.repeat(DENSE_DELIMITERS / 2 + 1)}\n`;
    const { document, messages } = dense(over);
    expect(messages).toEqual([
      `line 1 holds ${(DENSE_DELIMITERS + 2).toLocaleString('en')} runs of \`*\`, \`_\` or \`~\` (more than ${DENSE_DELIMITERS.toLocaleString('en')}) with no blank line between: read as plain text, the marks as written`,
    ]);
    expect(JSON.stringify(document.children)).toContain(over.trimEnd());
    expect(denseBlocks(`${'*甲 **乙 '.repeat(DENSE_DELIMITERS / 2)}\n`)).toEqual([]);
  });

  it('reads a block of more character references than the limit as text', () => {
    const over = `${'&amp;'.repeat(DENSE_ENTITIES + 1)}\n`;
    const { document, messages } = dense(over);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^line 1 holds 100,001 `&` character references/);
    // As written: the references are not decoded.
    expect(JSON.stringify(document.children)).toContain('&amp;&amp;');
    expect(denseBlocks(`${'&amp;'.repeat(DENSE_ENTITIES)}\n`)).toEqual([]);
    // An `&` that cannot start a reference costs nothing and is not counted.
    expect(denseBlocks(`${'& '.repeat(DENSE_ENTITIES + 1)}\n`)).toEqual([]);
  });

  it('reads a table with a line of more cells than the limit as text; a long table counts its densest line', () => {
    const columns = DENSE_TABLE_CELLS;
    const wide = `|${' 列 |'.repeat(columns)}\n|${' --- |'.repeat(columns)}\n`;
    const { messages } = dense(wide);
    expect(messages).toEqual([
      expect.stringMatching(/^lines 1–2 hold a table line of 10,001 `\|` \(more than 10,000 cells\)/),
    ]);
    // Many rows, each with a few runs and references: cut between rows, so no block is too dense.
    const rows = '| **甲** | &amp; | *乙* |\n'.repeat(DENSE_DELIMITERS / 4 + 1);
    const long = `| a | b | c |\n| --- | --- | --- |\n${rows}`;
    expect(denseBlocks(long)).toEqual([]);
    // The same rows as a paragraph are too dense.
    expect(denseBlocks(rows).map((block) => block.delimiters)).toEqual([(DENSE_DELIMITERS / 4 + 1) * 4]);
  });
});

describeCorpus('commonmark', () => {
  it('gives the tree of one parse for the CommonMark and GFM examples, cut between every two', () => {
    for (const file of ['spec.json', 'gfm/gfm-spec.json']) {
      const examples = (JSON.parse(readCorpus('commonmark', file)) as { markdown: string }[])
        .map((example) => example.markdown)
        .filter((markdown) => !markdown.includes(']:'));
      const joined = examples.join('\n\n');
      expect(cutPoints(joined, 1).length).toBeGreaterThan(200);
      const { whole, cut } = both(joined);
      expect(cut, file).toBe(whole);
    }
  }, 60_000);
});
