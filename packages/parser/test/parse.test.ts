/**
 * `parse`: Markdown → wenshu AST. Inline formatting, math, front matter, references, footnotes,
 * URLs, positions; then the fixture trees (`test/fixtures/parse/<case>/{input.md,tree.json}`,
 * regenerated with `UPDATE=1`) and the seed report.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type BlockContent,
  type Document,
  linkRefusal,
  linkRefusalMessage,
  type Nodes,
  type NodeType,
  type PhrasingContent,
  parse,
  toText,
  visit,
  type Warning,
} from '../src/index.js';
import { describeCorpus, readCorpus } from './corpus.js';

function parseWithWarnings(markdown: string): { doc: Document; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const doc = parse(markdown, { onWarning: (warning) => warnings.push(warning) });
  return { doc, warnings };
}

/** The tree without positions, for comparing shapes. */
function shape<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'position' ? undefined : v)));
}

/** The children of the first block, which must be a paragraph. */
function firstLine(markdown: string): PhrasingContent[] {
  const block = parse(markdown).children[0];
  if (block?.type !== 'paragraph') throw new Error(`expected a paragraph, got ${block?.type}`);
  return shape(block.children);
}

function typesIn(root: Nodes): Set<NodeType> {
  const types = new Set<NodeType>();
  visit(root, (node) => {
    types.add(node.type);
  });
  return types;
}

describe('inline formatting', () => {
  it('PM<sub>2.5</sub> is a subscript node, m<sup>2</sup> a superscript', () => {
    expect(firstLine('PM<sub>2.5</sub>浓度')).toEqual([
      { type: 'text', value: 'PM' },
      { type: 'subscript', children: [{ type: 'text', value: '2.5' }] },
      { type: 'text', value: '浓度' },
    ]);
    expect(firstLine('136万m<sup>2</sup>')).toEqual([
      { type: 'text', value: '136万m' },
      { type: 'superscript', children: [{ type: 'text', value: '2' }] },
    ]);
  });

  it('**“重点”**工作 is strong text (CJK-friendly emphasis)', () => {
    expect(firstLine('**“重点”**工作')).toEqual([
      { type: 'strong', children: [{ type: 'text', value: '“重点”' }] },
      { type: 'text', value: '工作' },
    ]);
    expect(firstLine('这是*“强调”*的')).toEqual([
      { type: 'text', value: '这是' },
      { type: 'emphasis', children: [{ type: 'text', value: '“强调”' }] },
      { type: 'text', value: '的' },
    ]);
  });

  it('strikethrough takes two tildes; one tilde is a range', () => {
    expect(firstLine('~~删除~~')).toEqual([{ type: 'delete', children: [{ type: 'text', value: '删除' }] }]);
    expect(firstLine('增长3~5个百分点，其中6~8个')).toEqual([{ type: 'text', value: '增长3~5个百分点，其中6~8个' }]);
  });

  it('math: `_` and `*` inside $…$ and $$…$$ are TeX, not emphasis', () => {
    expect(firstLine('面积$S_1*S_2*x_3$与$a_b$')).toEqual([
      { type: 'text', value: '面积' },
      { type: 'inlineMath', value: 'S_1*S_2*x_3' },
      { type: 'text', value: '与' },
      { type: 'inlineMath', value: 'a_b' },
    ]);
    const doc = parse('$$\nx_1 * y_2 * z_3\n$$\n\n正文');
    expect(shape(doc.children)).toEqual([
      { type: 'math', value: 'x_1 * y_2 * z_3' },
      { type: 'paragraph', children: [{ type: 'text', value: '正文' }] },
    ]);
    expect(typesIn(doc).has('emphasis')).toBe(false);
  });

  it('a hard line break, inline code, and `\\newpage` as a page break', () => {
    expect(firstLine('第一行\\\n第二行 `code *x*`')).toEqual([
      { type: 'text', value: '第一行' },
      { type: 'break' },
      { type: 'text', value: '第二行 ' },
      { type: 'inlineCode', value: 'code *x*' },
    ]);
    expect(shape(parse('前\n\n\\newpage\n\n后').children).map((node) => node.type)).toEqual([
      'paragraph',
      'pageBreak',
      'paragraph',
    ]);
  });
});

describe('front matter', () => {
  it('YAML front matter becomes meta, not content', () => {
    const { doc, warnings } = parseWithWarnings('---\ntitle: 工作报告\nlang: zh-CN\ntags: [甲, 乙]\n---\n\n正文');
    expect(doc.meta).toEqual({
      title: '工作报告',
      lang: 'zh-CN',
      frontMatter: { title: '工作报告', lang: 'zh-CN', tags: ['甲', '乙'] },
    });
    expect(shape(doc.children)).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: '正文' }] }]);
    expect(warnings).toEqual([]);
  });

  it('invalid YAML stays visible as a code block, with a warning at line 1', () => {
    for (const yaml of ['title: [不闭合', 'a: 1\na: 2', '- 只是\n- 列表']) {
      const { doc, warnings } = parseWithWarnings(`---\n${yaml}\n---\n\n正文`);
      expect(doc.meta.frontMatter).toBeUndefined();
      expect(shape(doc.children[0])).toEqual({ type: 'code', lang: 'yaml', meta: null, value: yaml });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.code).toBe('front-matter');
      expect(warnings[0]?.position?.start.line).toBe(1);
    }
  });

  it('empty front matter is no error', () => {
    const { doc, warnings } = parseWithWarnings('---\n---\n\n正文');
    expect(warnings).toEqual([]);
    expect(doc.children.map((node) => node.type)).toEqual(['paragraph']);
  });
});

describe('references are resolved', () => {
  it('link and image reference definitions leave no reference nodes', () => {
    const doc = parse(
      [
        '见[政府网站][gov]、[GOV][]、[gov]和![示意图][img]。',
        '',
        '[gov]: https://www.gov.cn "中国政府网"',
        '[gov]: https://example.com/second-definition-loses',
        '[img]: images/a.png',
      ].join('\n'),
    );
    expect(shape(doc.children)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: '见' },
          {
            type: 'link',
            url: 'https://www.gov.cn',
            title: '中国政府网',
            children: [{ type: 'text', value: '政府网站' }],
          },
          { type: 'text', value: '、' },
          { type: 'link', url: 'https://www.gov.cn', title: '中国政府网', children: [{ type: 'text', value: 'GOV' }] },
          { type: 'text', value: '、' },
          { type: 'link', url: 'https://www.gov.cn', title: '中国政府网', children: [{ type: 'text', value: 'gov' }] },
          { type: 'text', value: '和' },
          { type: 'image', url: 'images/a.png', title: null, alt: '示意图' },
          { type: 'text', value: '。' },
        ],
      },
    ]);
    const types = JSON.stringify(doc);
    expect(types).not.toMatch(/"(linkReference|imageReference|definition)"/);
  });

  it('a reference with no definition is text', () => {
    expect(firstLine('[未定义][nope]')).toEqual([{ type: 'text', value: '[未定义][nope]' }]);
  });
});

describe('footnotes', () => {
  const source = [
    '甲[^c]，乙[^a]，再引甲[^c]。',
    '',
    '[^a]: 注释A',
    '[^b]: 从未引用',
    '[^c]: 注释C，另见[^d]',
    '[^d]: 注释D，回指[^c]',
  ].join('\n');

  it('are numbered in order of first reference, following references inside footnotes', () => {
    const { doc } = parseWithWarnings(source);
    expect(doc.footnotes.map((note) => [note.identifier, note.number, toText(note)])).toEqual([
      ['c', 1, '注释C，另见3'],
      ['a', 2, '注释A'],
      ['d', 3, '注释D，回指1'],
    ]);
    const numbers: number[] = [];
    visit(doc, (node) => {
      if (node.type === 'footnoteReference') numbers.push(node.number);
    });
    expect(numbers).toEqual([1, 2, 1, 3, 1]);
  });

  it('an unused footnote is dropped with a warning at its line; a cycle ends', () => {
    const { doc, warnings } = parseWithWarnings(source);
    expect(doc.footnotes.some((note) => note.identifier === 'b')).toBe(false);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'footnote-unused', message: expect.stringContaining('[^b]') }),
    ]);
    expect(warnings[0]?.position?.start.line).toBe(4);
  });
});

describe('URLs', () => {
  it('javascript:, vbscript: and data: links are dropped, their text kept, with a warning', () => {
    const urls = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '%20javascript:alert(1)'.replace('%20', ''),
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/png;base64,iVBORw0KGgo=',
    ];
    for (const url of urls) {
      const { doc, warnings } = parseWithWarnings(`[点这里](${url})`);
      expect(shape(doc.children)).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: '点这里' }] }]);
      expect(warnings.map((warning) => warning.code)).toEqual(['unsafe-url']);
    }
    // Entity-encoded and whitespace-obfuscated schemes are caught too.
    const { doc } = parseWithWarnings(
      '[a](javascript&#58;x) <a href="java\tscript:x">b</a> <a href=" javascript:x">c</a>',
    );
    expect(typesIn(doc).has('link')).toBe(false);
    expect(toText(doc)).toBe('a b c');
  });

  it('only http, https, mailto, tel and relative links stay links: file:, ms-msdt:, network paths become text', () => {
    const refused = [
      ['ms-msdt:/id PCWDiagnostic /skip force', 'a ms-msdt: link'],
      ['file:///etc/passwd', 'a file: link'],
      ['FILE://host/share/x.docx', 'a file: link'],
      ['\\\\host\\share\\x.exe', 'a network path'],
      ['//host/share', 'a network path'],
      ['C:\\Windows\\System32\\calc.exe', 'a local file path'],
      ['\\Windows\\System32\\calc.exe', 'a local file path'],
      ['search-ms:query=x', 'a search-ms: link'],
      ['smb://host/share', 'a smb: link'],
    ];
    for (const [url = '', reason = ''] of refused) {
      expect(linkRefusal(url), url).toBe(reason);
      // Markdown's backslash escapes: `\\\\` is one backslash.
      const markdown = url.replace(/\\/g, '\\\\');
      const { doc, warnings } = parseWithWarnings(`[点这里](<${markdown}>) <a href="${url}">那里</a>`);
      expect(typesIn(doc).has('link'), url).toBe(false);
      expect(toText(doc)).toBe('点这里 那里');
      expect(warnings.map((warning) => warning.message)).toEqual([
        linkRefusalMessage(url, reason),
        linkRefusalMessage(url, reason),
      ]);
    }
    for (const url of [
      'https://www.gov.cn',
      'HTTP://a.cn',
      'mailto:a@b.cn',
      'tel:+8610123',
      'a/b.md',
      '#第一节',
      '../x',
    ]) {
      expect(linkRefusal(url), url).toBeUndefined();
      expect(typesIn(parseWithWarnings(`[点这里](<${url}>)`).doc).has('link'), url).toBe(true);
    }
  });

  it('data:image survives for images (not SVG); other image URLs are checked the same way', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(firstLine(`![图](${png})`)).toEqual([{ type: 'image', url: png, title: null, alt: '图' }]);
    const { doc, warnings } = parseWithWarnings('![图A](data:image/svg+xml;base64,PHN2Zz4=) ![图B](javascript:x)');
    expect(typesIn(doc).has('image')).toBe(false);
    expect(toText(doc)).toBe('图A 图B');
    expect(warnings.map((warning) => warning.code)).toEqual(['unsafe-url', 'unsafe-url']);
  });

  it('ordinary links keep their URL and title', () => {
    expect(firstLine('[站](https://www.gov.cn "标题") <https://a.cn> www.b.cn')).toEqual([
      { type: 'link', url: 'https://www.gov.cn', title: '标题', children: [{ type: 'text', value: '站' }] },
      { type: 'text', value: ' ' },
      { type: 'link', url: 'https://a.cn', title: null, children: [{ type: 'text', value: 'https://a.cn' }] },
      { type: 'text', value: ' ' },
      { type: 'link', url: 'http://www.b.cn', title: null, children: [{ type: 'text', value: 'www.b.cn' }] },
    ]);
  });
});

describe('positions', () => {
  it('nodes carry 1-based line and column and 0-based offsets into the source', () => {
    const source = '# 标题\n\n正文**重点**\n\n- 项目\n';
    const doc = parse(source);
    const heading = doc.children[0] as BlockContent;
    expect(heading.position).toEqual({
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 5, offset: 4 },
    });
    const paragraph = doc.children[1];
    if (paragraph?.type !== 'paragraph') throw new Error('paragraph expected');
    const strong = paragraph.children[1];
    expect(strong?.position).toEqual({
      start: { line: 3, column: 3, offset: 8 },
      end: { line: 3, column: 9, offset: 14 },
    });
    expect(source.slice(strong?.position?.start.offset, strong?.position?.end.offset)).toBe('**重点**');
    const list = doc.children[2];
    if (list?.type !== 'list') throw new Error('list expected');
    expect(list.children[0]?.position?.start).toEqual({ line: 5, column: 1, offset: 16 });
    expect(doc.position?.end).toEqual({ line: 6, column: 1, offset: source.length });
  });

  it('every text node points at its own source text', () => {
    const source = '> 引用里的<sub>下标</sub>\n> <span>跨行\n> 内容</span>\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n';
    let checked = 0;
    visit(parse(source), (node) => {
      const position = node.position;
      if (!position || node.type !== 'text') return;
      // A text node merged across a <span> spans its tags; a block quote's lines have their `> `.
      const slice = source.slice(position.start.offset, position.end.offset);
      expect(slice.replace(/<[^>]*>/g, '').replace(/\n> /g, '\n')).toBe(node.value);
      checked++;
    });
    expect(checked).toBe(7);
  });

  it('CRLF and CR line endings count as one line break each', () => {
    for (const newline of ['\r\n', '\r']) {
      const doc = parse(['甲', '', '乙', '', '<!-- 注释 -->', '', '丙'].join(newline), {});
      const last = doc.children[doc.children.length - 1];
      expect(last?.position?.start.line).toBe(7);
      const { warnings } = parseWithWarnings(['甲', '', '<div>', '<!-- 注释 -->', '</div>'].join(newline));
      expect(warnings[0]?.position?.start.line).toBe(4);
      // Inside a block quote the HTML lost each line's `> `; the position still finds its column.
      const quoted = parseWithWarnings(
        ['甲', '', '> <div>', '>   <p>乙</p>', '> <!-- 注 -->', '> </div>'].join(newline),
      );
      expect(quoted.warnings.map((warning) => warning.position?.start)).toEqual([
        { line: 5, column: 3, offset: 4 * newline.length + 22 },
      ]);
    }
  });

  it('positions still point into the source when nesting markers were cut', () => {
    const source = `开头\n\n${'> '.repeat(1_000)}最深处\n\n结尾\n`;
    const texts = new Map<string, Nodes>();
    visit(parse(source), (node) => {
      if (node.type === 'text') texts.set(node.value, node);
    });
    // The flattened text carries the position of the subtree it replaced, which ends with it.
    const deepest = texts.get('最深处')?.position;
    expect(deepest?.start.line).toBe(3);
    expect(deepest?.end.offset).toBe(source.indexOf('最深处') + 3);
    expect(texts.get('结尾')?.position?.start).toEqual({ line: 5, column: 1, offset: source.indexOf('结尾') });
  });
});

/* ------------------------------------------------------------------------------------------------
 * Fixtures
 * --------------------------------------------------------------------------------------------- */

const fixtures = fileURLToPath(new URL('./fixtures/parse', import.meta.url));

describe('fixtures (UPDATE=1 rewrites tree.json)', () => {
  const cases = existsSync(fixtures) ? readdirSync(fixtures) : [];
  it('there are fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const name of cases) {
    it(name, () => {
      const input = readFileSync(join(fixtures, name, 'input.md'), 'utf8');
      const warnings: Warning[] = [];
      const doc = parse(input, { onWarning: (warning) => warnings.push(warning) });
      const actual = { document: doc, warnings };
      const treePath = join(fixtures, name, 'tree.json');
      if (process.env.UPDATE === '1') writeFileSync(treePath, `${JSON.stringify(actual, null, 2)}\n`);
      if (!existsSync(treePath)) throw new Error(`${treePath} is missing: run the tests with UPDATE=1`);
      expect(actual).toEqual(JSON.parse(readFileSync(treePath, 'utf8')));
    });
  }
});

/* ------------------------------------------------------------------------------------------------
 * The seed report
 * --------------------------------------------------------------------------------------------- */

describeCorpus('the seed report (corpus/seed/weifang-2023-departments.md)', () => {
  it('has 14 headings and PM2.5 as a subscript, with no warnings', () => {
    const { doc, warnings } = parseWithWarnings(readCorpus('seed', 'weifang-2023-departments.md'));
    let headings = 0;
    const subscripts: string[] = [];
    visit(doc, (node) => {
      if (node.type === 'heading') headings++;
      if (node.type === 'subscript') subscripts.push(toText(node));
    });
    expect(headings).toBe(14);
    expect(subscripts).toEqual(['2.5']);
    expect(warnings).toEqual([]);
    expect(toText(doc)).toContain('PM2.5');
  });

  it('reads the same with a UTF-8 byte order mark', () => {
    const plain = parse(readCorpus('seed', 'weifang-2023-departments.md'));
    const withBom = parse(readCorpus('encodings', 'weifang.utf8-bom.md'));
    expect(shape(withBom)).toEqual(shape(plain));
  });
});
