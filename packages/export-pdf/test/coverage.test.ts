/**
 * Glyph coverage: a character the face lacks is drawn with a face that has it, and one no face
 * has is reported with its code point and source line, never left as a silent empty box.
 */
import { describe, expect, it } from 'vitest';
import { bundledFile } from '../src/lib/fonts/node-host.js';
import { type PdfWarning, toPdf } from '../src/node.js';
import { doc, installedFace } from './helpers.js';
import { compact, pdfFonts, pdfText, writePdf } from './pdf.js';

const markdown = '# 生僻字\n\n第一段。\n\n吉祥的𠮷字不在常用字里。\n';

describe('characters the face lacks', () => {
  it('are reported with their code point and line when no face has them', async () => {
    const warnings: PdfWarning[] = [];
    await toPdf(doc(markdown), { systemFonts: false, onWarning: (w) => warnings.push(w) });
    const missing = warnings.filter((w) => w.message.includes('U+20BB7'));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ line: 5 });
    expect(missing[0]?.message).toMatch(/U\+20BB7 𠮷: no glyph/);
  });

  it('are drawn with an installed face that has them', async () => {
    // fonts-noto-cjk: Noto Sans CJK has U+20BB7, the bundled Noto Serif SC does not.
    installedFace('NotoSansCJKsc-Regular');
    const warnings: PdfWarning[] = [];
    const bytes = await toPdf(doc(markdown), {
      fonts: { song: bundledFile('serif', 'regular') },
      onWarning: (w) => warnings.push(w),
    });
    expect(warnings.filter((w) => /no glyph/.test(w.message))).toEqual([]);
    const file = writePdf(bytes, 'coverage');
    expect(compact(pdfText(file))).toContain('吉祥的𠮷字不在常用字里。');
    // The body face, and an installed Noto CJK face for 𠮷 (the first in the fallback chain that has it).
    const faces = pdfFonts(file).map((font) => font.name.slice(7));
    expect(faces).toContain('NotoSerifSC-Regular');
    expect(faces.some((face) => /^Noto(Sans|Serif)CJK/.test(face))).toBe(true);
  });

  it('report one warning per character and line, for every character missing', async () => {
    const warnings: PdfWarning[] = [];
    await toPdf(doc('𠮷𠮷𠀀\n\n𠮷\n'), { systemFonts: false, onWarning: (w) => warnings.push(w) });
    const missing = warnings.filter((w) => /no glyph/.test(w.message)).map((w) => `${w.line} ${w.message.slice(0, 7)}`);
    expect(missing).toEqual(['1 U+20BB7', '1 U+20000', '3 U+20BB7']);
  });
});
