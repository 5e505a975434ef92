/**
 * pdfmake is patched (patches/pdfmake@0.3.11.patch) where its layout was quadratic in the inlines of
 * one text node: `flattenTextArray` concatenated a new array per inline and `buildNextLine` copied
 * the rest of the inlines (`slice(1)`) for every inline it placed. A long paragraph is one text
 * node of many line inlines; ten times the paragraph must cost about ten times the time, not a
 * hundred, and every character must be on the pages.
 */
import { parse } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
import { pdfText, writePdf } from './pdf.js';

const SENTENCE = '全市地区生产总值增长5.2%，城镇新增就业6.8万人，居民人均可支配收入增长6.1%。';

async function timed(count: number): Promise<{ ms: number; text: string }> {
  const document = parse(`${SENTENCE.repeat(count)}\n`);
  const start = performance.now();
  const bytes = await toPdf(document, { systemFonts: false });
  const ms = performance.now() - start;
  return { ms, text: pdfText(writePdf(bytes, 'long-paragraph')) };
}

describe('pdfmake, patched: a long paragraph is laid out in linear time', () => {
  it('ten times the paragraph takes far less than a hundred times as long', { timeout: 240_000 }, async () => {
    await timed(50); // warm-up: fonts read, code compiled
    const small = await timed(400);
    const large = await timed(4_000);
    console.log(
      `paragraph of ${400 * SENTENCE.length} characters: ${Math.round(small.ms)} ms; ×10: ${Math.round(large.ms)} ms`,
    );
    // 增 three times a sentence (增长 twice, 新增 once); counted alone, as a line or page may fall inside a word.
    const characters = (text: string) => (text.match(/增/g) ?? []).length;
    expect(characters(small.text)).toBe(1_200);
    expect(characters(large.text)).toBe(12_000);
    expect(large.ms).toBeLessThan(30 * Math.max(small.ms, 100));
  });
});
