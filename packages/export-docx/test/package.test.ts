import type { Document, Nodes, PhrasingContent, TableCell, Text } from '@wenshu/parser';
import { loadTheme } from '@wenshu/theme';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toDocx } from '../src/index.js';
import { handlers } from '../src/lib/handlers/index.js';
import { parseXml } from '../src/lib/xml.js';
import { descendants, doc, element, md, must, render, textOf, unpack } from './docx.js';

const t = (value: string): Text => ({ type: 'text', value });

/** A document with every node type of the AST, built by hand. */
function everything(): Document {
  const inline: PhrasingContent[] = [
    t('正文'),
    { type: 'emphasis', children: [t('强调')] },
    { type: 'strong', children: [t('加粗')] },
    { type: 'delete', children: [t('删除')] },
    { type: 'underline', children: [t('下划线')] },
    { type: 'mark', children: [t('标记')] },
    t('H'),
    { type: 'subscript', children: [t('2')] },
    t('O m'),
    { type: 'superscript', children: [t('2')] },
    { type: 'inlineCode', value: 'a < b && c' },
    { type: 'inlineMath', value: 'x^2' },
    { type: 'link', url: 'https://example.com/?a=1&b=2', title: null, children: [t('链接')] },
    { type: 'break' },
    { type: 'image', url: 'missing.png', alt: '图', title: null },
    { type: 'footnoteReference', identifier: 'n', number: 1 },
  ];
  const cell = (value: string, header = false): TableCell => ({
    type: 'tableCell',
    header,
    rowSpan: 1,
    colSpan: 1,
    children: [t(value)],
  });
  return doc(
    [
      { type: 'heading', depth: 1, children: [t('全部节点')] },
      {
        type: 'heading',
        depth: 2,
        ordinal: { level: 1, number: 1, marker: '一、', style: 'chinese-comma' },
        children: [t('一、标题')],
      },
      {
        type: 'item',
        ordinal: { level: 3, number: 1, marker: '1.', style: 'arabic-dot' },
        title: [t('小标题。')],
        children: inline,
      },
      { type: 'blockquote', children: [{ type: 'paragraph', children: [t('引用')] }] },
      {
        type: 'list',
        ordered: false,
        start: null,
        spread: false,
        children: [
          {
            type: 'listItem',
            checked: true,
            spread: false,
            children: [
              { type: 'paragraph', children: [t('任务')] },
              {
                type: 'list',
                ordered: true,
                start: 1,
                spread: false,
                children: [
                  {
                    type: 'listItem',
                    checked: null,
                    spread: false,
                    children: [{ type: 'paragraph', children: [t('嵌套')] }],
                  },
                ],
              },
            ],
          },
        ],
      },
      { type: 'code', lang: null, meta: null, value: 'code & <tags>' },
      { type: 'math', value: 'a < b' },
      { type: 'thematicBreak' },
      {
        type: 'table',
        align: [null, 'right'],
        headerRows: 1,
        children: [
          { type: 'tableRow', children: [cell('a', true), cell('b', true)] },
          { type: 'tableRow', children: [cell('1'), cell('2')] },
        ],
      },
      { type: 'pageBreak' },
      { type: 'paragraph', children: [t('完。')] },
    ],
    { title: '全部节点' },
    [
      {
        type: 'footnoteDefinition',
        identifier: 'n',
        label: 'n',
        number: 1,
        children: [{ type: 'paragraph', children: [t('脚注 & 注释。')] }],
      },
    ],
  );
}

describe('reproducible packages', () => {
  it('gives identical bytes for identical input and source date', async () => {
    const input = everything();
    const options = { theme: loadTheme('gov'), sourceDateEpoch: 1_700_000_000, toc: true };
    const [a, b] = [await toDocx(input, options), await toDocx(structuredClone(input), options)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('takes created/modified from sourceDateEpoch, now by default, and writes wenshu as creator', async () => {
    const dates = (bytes: Uint8Array) => {
      const core = unpack(bytes).xml('docProps/core.xml');
      return ['dcterms:created', 'dcterms:modified', 'dc:creator', 'cp:lastModifiedBy', 'dc:language'].map((n) =>
        textOf(must(element(core, n))),
      );
    };
    const input = doc([{ type: 'paragraph', children: [{ type: 'text', value: '正文' }] }]);
    const before = Math.floor(Date.now() / 1000) * 1000;
    const undated = dates(await toDocx(input));
    const after = Date.now();
    // Without a source date, the time of the conversion, to the second (as the PDF and XLSX say).
    const created = Date.parse(undated[0] ?? '');
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThanOrEqual(after);
    expect(undated).toEqual([undated[0], undated[0], 'wenshu', 'wenshu', 'zh-CN']);
    expect(dates(await toDocx(input, { sourceDateEpoch: 1_700_000_000 })).slice(0, 2)).toEqual([
      '2023-11-14T22:13:20Z',
      '2023-11-14T22:13:20Z',
    ]);
  });

  it('writes every zip entry with the source date and [Content_Types].xml first', async () => {
    const bytes = await toDocx(everything(), { sourceDateEpoch: 1_700_000_000 });
    // The central directory (APPNOTE.txt 4.3.12): each entry's DOS time and date at offsets 12 and 14.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    const names: string[] = [];
    const stamps = new Set<string>();
    for (let i = 0, at = view.getUint32(end + 16, true); i < view.getUint16(end + 10, true); i++) {
      expect(view.getUint32(at, true)).toBe(0x02014b50);
      const time = view.getUint16(at + 12, true);
      const date = view.getUint16(at + 14, true);
      const nameLength = view.getUint16(at + 28, true);
      names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
      stamps.add(`${(date >> 9) + 1980}-${(date >> 5) & 15}-${date & 31} ${time >> 11}:${(time >> 5) & 63}`);
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.length).toBe(Object.keys(unzipSync(bytes)).length);
    expect([...stamps]).toEqual(['2023-11-14 22:13']);
  });
});

describe('well-formed parts', () => {
  it('renders every node type, and every XML part of the package parses', async () => {
    const input = everything();
    const seen = new Set<string>();
    const walk = (node: Nodes) => {
      seen.add(node.type);
      if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
      if (node.type === 'item') for (const child of node.title ?? []) walk(child);
    };
    walk(input);
    for (const note of input.footnotes) walk(note);
    expect(Object.keys(handlers).filter((type) => !seen.has(type))).toEqual([]);

    for (const theme of ['report', 'gov'] as const) {
      const out = await render(input, { theme: loadTheme(theme), toc: true });
      const parts = Object.keys(out.files).filter((name) => /\.(xml|rels)$/.test(name));
      expect(parts).toEqual(
        expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/footnotes.xml', '[Content_Types].xml']),
      );
      for (const name of parts) expect(() => parseXml(out.text(name)), name).not.toThrow();
      expect(out.warnings.map((w) => w.code)).toEqual(['image-missing']);
    }
  });

  it('escapes text that looks like markup', async () => {
    const out = await render(md('a < b & c > d "e"'));
    expect(descendants(out.xml('word/document.xml'), 'w:t').map(textOf).join('')).toBe('a < b & c > d "e"');
  });
});
