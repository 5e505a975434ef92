/**
 * The body written a slice at a time (`body-slices.ts`) must give the bytes docx gives when it
 * writes the whole body at once: every kind of block, lists (their numbering instances), links
 * (relationships), pictures (media), footnotes, math, a wide table in a landscape section, and
 * slices of every size down to one block.
 */
import { goodPng } from '@wenshu/test-corpus/pictures';
import { Table } from 'docx';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as slices from '../src/lib/body-slices.js';
import { toDocx } from '../src/node.js';
import { describeCorpus, readCorpus } from './corpus.js';
import { md } from './docx.js';

/** How the body is written in the next render: in slices of this many blocks, or whole (`0`). */
let sliceBlocks = slices.SLICE_BLOCKS;

vi.mock('../src/lib/body-slices.js', async (original) => {
  const real = await original<typeof import('../src/lib/body-slices.js')>();
  return {
    ...real,
    writeBodyInSlices: (docx: Parameters<typeof real.writeBodyInSlices>[0]) => {
      if (sliceBlocks > 0) real.writeBodyInSlices(docx, sliceBlocks);
    },
  };
});

beforeEach(() => {
  sliceBlocks = slices.SLICE_BLOCKS;
});

const wide = `| ${Array.from({ length: 14 }, (_, i) => `第${i + 1}列标题`).join(' | ')} |\n|${' --- |'.repeat(14)}\n| ${Array.from({ length: 14 }, (_, i) => `数值${i}`).join(' | ')} |`;

const everything = [
  '# 报告标题',
  '一、总体情况',
  '1.社保工作获全国全省现场观摩推广。强化数字赋能，见[官网](https://example.org/a)与<https://example.org/b>。',
  '（一）重点任务',
  '- 第一项\n  - 嵌套**加粗**项\n- 第二项[^1]',
  '1. 有序一\n2. 有序二\n   1. 内层',
  '5. 另一个列表\n6. 继续',
  '> 引文段落，含`代码`与~~删除~~。',
  '```js\nconst 数 = 1;\n```',
  '$$\nE = mc^2\n$$',
  '行内公式 $a^2+b^2$ 与 PM<sub>2.5</sub>、m<sup>2</sup>。',
  '![图一](pic.png)',
  '| 指标 | 数值 |\n| --- | ---: |\n| 收入 | 1,200.5 |\n| [链接](https://example.org/c) | 3 |',
  wide,
  '之后的正文。',
  '---',
  '- [ ] 待办\n- [x] 已办',
  '<table><tr><td rowspan="2">合并</td><td>一</td></tr><tr><td>二</td></tr></table>',
  '[^1]: 注释内容，含[链接](https://example.org/d)。',
].join('\n\n');

async function bytesOf(markdown: string, blocks: number): Promise<Uint8Array> {
  sliceBlocks = blocks;
  return toDocx(md(markdown), {
    sourceDateEpoch: 1_700_000_000,
    loadPicture: async () => ({ ok: true, bytes: goodPng(40, 20) }),
  });
}

describe('the body written a slice at a time', () => {
  it('gives the bytes of the body written whole, for every kind of block and any slice size', async () => {
    const whole = await bytesOf(everything, 0);
    for (const blocks of [1, 2, 7, slices.SLICE_BLOCKS]) {
      const sliced = await bytesOf(everything, blocks);
      expect(Buffer.from(sliced).equals(Buffer.from(whole)), `slices of ${blocks}`).toBe(true);
    }
  });

  it('gives the same bytes for a document of many slices', async () => {
    const markdown = Array.from(
      { length: 1_500 },
      (_, i) => `${(i % 9) + 1}.第${i}项工作。完成[任务](https://example.org/${i % 7})。`,
    ).join('\n\n');
    const whole = await bytesOf(markdown, 0);
    const sliced = await bytesOf(markdown, slices.SLICE_BLOCKS);
    expect(sliced.length).toBe(whole.length);
    expect(Buffer.from(sliced).equals(Buffer.from(whole))).toBe(true);
  }, 60_000);
});

describe('a paragraph of many runs or a table of many rows written a few at a time', () => {
  it('gives the bytes of the element written whole: a long code block, a line of links, bold and pictures, long tables', async () => {
    const code = `\`\`\`\n${Array.from({ length: 1_200 }, (_, i) => `const 数${i} = ${i};`).join('\n')}\n\`\`\``;
    const line = Array.from(
      { length: 400 },
      (_, i) => `**重点${i}**工作[链接${i}](https://example.org/${i % 5})${i % 100 === 0 ? '![图](pic.png)' : ''}，`,
    ).join('');
    const rows = Array.from(
      { length: 700 },
      (_, i) => `| 项目${i} | ${i * 1.5} | [链接](https://example.org/t${i % 3}) |`,
    );
    const table = `| 指标 | 数值 | 来源 |\n| :-- | --: | :-: |\n${rows.join('\n')}`;
    const spans = `<table>${Array.from({ length: 40 }, (_, i) => `<tr><td rowspan="2">合${i}</td><td colspan="2">横</td></tr><tr><td>一</td><td>二</td></tr>`).join('')}</table>`;
    const markdown = `1.标题。正文。\n\n${code}\n\n${line}[^1]\n\n${table}\n\n${spans}\n\n- 列表\n\n[^1]: 注。`;
    const whole = await bytesOf(markdown, 0);
    for (const blocks of [3, slices.SLICE_BLOCKS]) {
      const sliced = await bytesOf(markdown, blocks);
      expect(Buffer.from(sliced).equals(Buffer.from(whole)), `slices of ${blocks}`).toBe(true);
    }
  }, 60_000);
});

describe('a table of many rows', () => {
  it("has its cells' widths given once, not once a slice (slices × rows: minutes for 160,000 rows)", async () => {
    // docx's Table.prepForXml sets every cell's width over all the rows each time it is called.
    const setCellWidths = vi.spyOn(
      Table.prototype as unknown as { setCellWidths(width: unknown): void },
      'setCellWidths',
    );
    const rows = Array.from({ length: 300 }, (_, i) => `| 项目${i} | ${i} |`).join('\n');
    const markdown = `| 指标 | 数值 |\n| --- | --: |\n${rows}\n\n正文。\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |`;
    const whole = await bytesOf(markdown, 0);
    const calls = setCellWidths.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    setCellWidths.mockClear();
    // 100 slices of three rows: as many calls as when the body is written whole.
    const sliced = await bytesOf(markdown, 3);
    expect(setCellWidths).toHaveBeenCalledTimes(calls);
    expect(Buffer.from(sliced).equals(Buffer.from(whole))).toBe(true);
    setCellWidths.mockRestore();
  }, 60_000);
});

describeCorpus('seed', () => {
  it('gives the bytes of the body written whole for the seed repeated', async () => {
    const seed = readCorpus('seed', 'weifang-2023-departments.md');
    const markdown = Array.from({ length: 3 }, () => seed).join('\n\n');
    const whole = await bytesOf(markdown, 0);
    const sliced = await bytesOf(markdown, 64);
    expect(Buffer.from(sliced).equals(Buffer.from(whole))).toBe(true);
  }, 60_000);
});
