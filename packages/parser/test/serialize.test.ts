/**
 * The tree as data: `serialize`/`deserialize` round trips, versions, and the utilities that walk the
 * tree (`visit`, `toText`).
 */
import { describe, expect, it } from 'vitest';
import {
  AST_VERSION,
  AstVersionError,
  type Document,
  deserialize,
  EXIT,
  type Nodes,
  parse,
  SKIP,
  serialize,
  toText,
  visit,
} from '../src/index.js';
import { describeCorpus, readCorpus } from './corpus.js';

/** A document that uses every kind of node the parser makes. */
const EVERYTHING = [
  '---',
  'title: 全要素',
  'count: 3',
  'ok: true',
  'nested: { a: [1, 2.5, null] }',
  '---',
  '',
  '# 标题 *强调* **重点** ~~删除~~ `代码` $x^2$',
  '',
  '正文<u>下划线</u><mark>标记</mark>PM<sub>2.5</sub>m<sup>2</sup>[链接](https://a.cn "题")![图](a.png)脚注[^1]\\',
  '换行',
  '',
  '> 引用',
  '',
  '1. 甲',
  '   - [x] 乙',
  '   - [ ] 丙',
  '',
  '```js title="a.js"',
  'let a = 1;',
  '```',
  '',
  '$$',
  'E = mc^2',
  '$$',
  '',
  '***',
  '',
  '\\newpage',
  '',
  '| 甲 | 乙 |',
  '| :-- | --: |',
  '| 1 | 2 |',
  '',
  '<table><caption>表</caption><tr><th colspan="2">头</th></tr><tr><td rowspan="2">a</td><td>b</td></tr></table>',
  '',
  '[^1]: 注释 **粗体**。',
].join('\n');

describe('serialize / deserialize', () => {
  it('a document survives JSON unchanged', () => {
    const doc = parse(EVERYTHING);
    const types = new Set<string>();
    visit(doc, (node) => {
      types.add(node.type);
    });
    expect([...types].sort()).toEqual(
      [
        'document',
        'heading',
        'text',
        'emphasis',
        'strong',
        'delete',
        'inlineCode',
        'inlineMath',
        'paragraph',
        'underline',
        'mark',
        'subscript',
        'superscript',
        'link',
        'image',
        'footnoteReference',
        'break',
        'blockquote',
        'list',
        'listItem',
        'code',
        'math',
        'thematicBreak',
        'pageBreak',
        'table',
        'tableRow',
        'tableCell',
        'footnoteDefinition',
      ].sort(),
    );
    expect(doc.meta.frontMatter).toEqual({ title: '全要素', count: 3, ok: true, nested: { a: [1, 2.5, null] } });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(deserialize(serialize(doc))).toEqual(doc);
    expect(deserialize(serialize(doc, 2))).toEqual(doc);
    // No `undefined` fields that JSON would silently drop.
    expect(serialize(doc)).toBe(JSON.stringify(doc));
    const undefinedFields: string[] = [];
    JSON.stringify(doc, (key, value) => {
      if (value === undefined) undefinedFields.push(key);
      return value;
    });
    expect(undefinedFields).toEqual([]);
  });

  it('the document records its schema version', () => {
    const doc = parse('正文');
    expect(doc.version).toBe(AST_VERSION);
    expect(JSON.parse(serialize(doc)).version).toBe(AST_VERSION);
  });

  it('a wrong or missing version is a clear error', () => {
    const json = JSON.parse(serialize(parse('正文'))) as Record<string, unknown>;
    const attempt = (value: unknown) => () => deserialize(JSON.stringify(value));
    expect(attempt({ ...json, version: AST_VERSION + 1 })).toThrow(AstVersionError);
    expect(attempt({ ...json, version: AST_VERSION + 1 })).toThrow(
      `unsupported AST version ${AST_VERSION + 1}: this wenshu reads version ${AST_VERSION}`,
    );
    expect(attempt({ ...json, version: undefined })).toThrow(/unsupported AST version undefined/);
    expect(attempt({ ...json, version: '1' })).toThrow(AstVersionError);
  });

  it('JSON that is not a document is a clear error', () => {
    expect(() => deserialize('[]')).toThrow(/not a wenshu document/);
    expect(() => deserialize('{"type":"paragraph","children":[]}')).toThrow(/not a wenshu document/);
    expect(() => deserialize(`{"type":"document","version":${AST_VERSION}}`)).toThrow(
      /children, footnotes or meta missing/,
    );
    expect(() => deserialize('{not json')).toThrow(SyntaxError);
  });
});

describe('visit', () => {
  it('walks in document order (pre-order), footnotes after the body, with parent and index', () => {
    const doc = parse('# 甲\n\n乙*丙*[^n]\n\n[^n]: 丁');
    const seen: string[] = [];
    visit(doc, (node, parent, index) => {
      const label = 'value' in node ? `${node.type}:${node.value}` : node.type;
      seen.push(`${label}@${parent?.type ?? '-'}[${index ?? '-'}]`);
    });
    expect(seen).toEqual([
      'document@-[-]',
      'heading@document[0]',
      'text:甲@heading[0]',
      'paragraph@document[1]',
      'text:乙@paragraph[0]',
      'emphasis@paragraph[1]',
      'text:丙@emphasis[0]',
      'footnoteReference@paragraph[2]',
      // A footnote's index is its place in `document.footnotes`.
      'footnoteDefinition@document[0]',
      'paragraph@footnoteDefinition[0]',
      'text:丁@paragraph[0]',
    ]);
  });

  it('SKIP leaves a node’s children out, EXIT stops the walk', () => {
    const doc = parse('甲*乙*丙\n\n丁');
    const skipped: string[] = [];
    visit(doc, (node) => {
      if (node.type === 'emphasis') return SKIP;
      if (node.type === 'text') skipped.push(node.value);
    });
    expect(skipped).toEqual(['甲', '丙', '丁']);
    const stopped: string[] = [];
    visit(doc, (node) => {
      if (node.type === 'text') stopped.push(node.value);
      if (node.type === 'text' && node.value === '乙') return EXIT;
    });
    expect(stopped).toEqual(['甲', '乙']);
  });

  it('walks a tree far deeper than the stack allows', () => {
    let deep: Nodes = { type: 'text', value: '底' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'emphasis', children: [deep] } as Nodes;
    let count = 0;
    visit(deep, () => {
      count++;
    });
    expect(count).toBe(100_001);
  });
});

describe('toText', () => {
  const cases: [string, string][] = [
    ['**粗**与*斜*、~~删~~、`码`、$x$', '粗与斜、删、码、x'],
    ['图![替代文字](a.png)后', '图后'],
    ['甲\\\n乙', '甲\n乙'],
    ['# 标题\n\n段落\n\n- 一\n- 二', '标题\n段落\n一\n二'],
    ['| 甲 | 乙 |\n| - | - |\n| 1 | 2 |', '甲\t乙\n1\t2'],
    ['<table><caption>表</caption><tr><td>a</td></tr></table>', '表\na'],
    ['文[^a]\n\n[^a]: 注', '文1\n注'],
    ['前\n\n***\n\n后', '前\n\n后'],
  ];
  for (const [markdown, text] of cases) {
    it(JSON.stringify(markdown), () => {
      expect(toText(parse(markdown))).toBe(text);
    });
  }

  it('gives the text of any node', () => {
    const doc = parse('甲**乙丙**');
    const paragraph = doc.children[0];
    if (paragraph?.type !== 'paragraph') throw new Error('paragraph expected');
    expect(paragraph.children.map(toText)).toEqual(['甲', '乙丙']);
  });
});

describeCorpus('the seed report as data', () => {
  it('round-trips through JSON', () => {
    const doc: Document = parse(readCorpus('seed', 'weifang-2023-departments.md'));
    expect(deserialize(serialize(doc))).toEqual(doc);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
