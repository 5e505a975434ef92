/**
 * The picture policy, the same cases as export-docx/test/picture-policy.test.ts: both exporters
 * read and refuse the same pictures under `baseDir` (shared rule: @wenshu/picture/node).
 */
import { parse, structure } from '@wenshu/parser';
import { picturePolicyFixture } from '@wenshu/test-corpus/picture-policy';
import { describe, expect, it } from 'vitest';
import { type PdfWarning, toPdf } from '../src/node.js';
import { compact, pdfText, run, writePdf } from './pdf.js';

const fixture = picturePolicyFixture();

async function render(allowOutside: boolean) {
  const warnings: PdfWarning[] = [];
  const { document } = structure(parse(fixture.markdown));
  const bytes = await toPdf(document, {
    baseDir: fixture.baseDir,
    allowOutside,
    systemFonts: false,
    sourceDateEpoch: 0,
    onWarning: (w) => warnings.push(w),
  });
  const file = writePdf(bytes, 'picture-policy');
  return { text: compact(pdfText(file)), images: run('pdfimages', ['-list', file]), warnings };
}

describe.each([false, true])('toPdf with baseDir, allowOutside %s', (allowOutside) => {
  it('reads and refuses the same pictures as toDocx', async () => {
    const out = await render(allowOutside);
    const expected = fixture.cases.map((c) => (allowOutside ? c.readWhenAllowed : c.read));
    const placeholders = fixture.cases.map((_, i) => out.text.includes(`[图片：图${i}]`));
    // A picture read is drawn; one refused is its placeholder, each with one warning.
    expect(placeholders).toEqual(expected.map((read) => !read));
    expect(out.warnings).toHaveLength(expected.filter((read) => !read).length);
    const drawn = out.images.split('\n').filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line));
    expect(drawn).toHaveLength(expected.filter(Boolean).length);
    if (!allowOutside) {
      const outside = out.warnings.filter((w) => w.message.includes('outside the folder'));
      expect(outside).toHaveLength(5);
    }
  });
});
