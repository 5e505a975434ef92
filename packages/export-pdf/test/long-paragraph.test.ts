/**
 * A paragraph of thousands of lines reaches pdfmake as text nodes of at most `CHUNK_LINES` lines
 * (pdfmake's layout of one node grew faster than the node: 5 MB on one line ran for minutes), set at
 * the same pitch and positions as one node would be: no gap, no overlap where two nodes meet.
 */
import pdfmake from 'pdfmake';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHUNK_LINES, chunkRanges } from '../src/lib/text/chunks.js';
import { toPdf } from '../src/node.js';
import { doc } from './helpers.js';
import { writePdf } from './pdf.js';
import { textLines } from './widows.mjs';

const SENTENCE = '各单位要高度重视明确责任分工认真抓好落实执行中遇到的问题请及时报告。';

/** Lines of each text node of a definition (an inline `\n` ends a line), wherever it is nested. */
function nodeLines(definition: unknown): number[] {
  const out: number[] = [];
  const stack: unknown[] = [definition];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    const node = value as Record<string, unknown>;
    if (Array.isArray(node.text)) {
      const inlines = node.text as { text?: unknown }[];
      out.push(1 + inlines.filter((inline) => inline.text === '\n').length);
      continue;
    }
    for (const key of ['content', 'stack', 'ul', 'ol', 'columns', 'table', 'body'])
      if (key in node) stack.push(node[key]);
  }
  return out;
}

/** The definition handed to pdfmake while `render` runs (pdfmake then renders it as usual). */
async function capture(render: () => Promise<Uint8Array>): Promise<{ lines: number[]; bytes: Uint8Array }> {
  const original = pdfmake.createPdf.bind(pdfmake);
  let lines: number[] = [];
  vi.spyOn(pdfmake, 'createPdf').mockImplementation(((definition: unknown, ...rest: unknown[]) => {
    lines = nodeLines(definition);
    return (original as (...args: unknown[]) => unknown)(definition, ...rest);
  }) as typeof pdfmake.createPdf);
  const bytes = await render();
  return { lines, bytes };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a long paragraph', () => {
  it('cuts a range of lines into chunks of at most the bound, in order', () => {
    expect(chunkRanges(2, 9, 3)).toEqual([
      [2, 5],
      [5, 8],
      [8, 9],
    ]);
    expect(chunkRanges(0, 4, 4)).toEqual([[0, 4]]);
    expect(() => chunkRanges(0, 4, 0)).toThrow(RangeError);
  });

  it('reaches pdfmake in nodes of a bounded number of lines, at the pitch of one node', async () => {
    // About three times the bound in lines of the report theme.
    const markdown = `# 题目\n\n${SENTENCE.repeat(Math.ceil((3.2 * CHUNK_LINES * 36) / SENTENCE.length))}\n\n结束。\n`;
    const { lines, bytes } = await capture(() => toPdf(doc(markdown)));
    const total = lines.reduce((sum, count) => sum + count, 0);
    expect(total).toBeGreaterThan(3 * CHUNK_LINES);
    expect(Math.max(...lines)).toBeLessThanOrEqual(CHUNK_LINES);

    // Read back: on every page the paragraph's lines are evenly spaced, chunk boundaries included.
    const read = textLines(writePdf(bytes, 'long-paragraph')).filter((line) => line.text.length > 20);
    expect(read.length).toBeGreaterThan(3 * CHUNK_LINES);
    const gaps = new Set<string>();
    for (let at = 1; at < read.length; at++) {
      const line = read[at];
      const before = read[at - 1];
      if (line && before && line.page === before.page) gaps.add((line.yMin - before.yMin).toFixed(1));
    }
    expect([...gaps]).toHaveLength(1);
  });

  it('is chunked inside a list item too', async () => {
    const markdown = `- ${SENTENCE.repeat(Math.ceil((2.5 * CHUNK_LINES * 36) / SENTENCE.length))}\n`;
    const { lines } = await capture(() => toPdf(doc(markdown)));
    expect(lines.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(2 * CHUNK_LINES);
    expect(Math.max(...lines)).toBeLessThanOrEqual(CHUNK_LINES);
  });
});
