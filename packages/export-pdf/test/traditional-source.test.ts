/**
 * A report written in Traditional characters, converted as written (no edition): the parser tags
 * it zh-TW, so the PDF says so, takes Traditional faces and writes its placeholders in Traditional.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
import { doc } from './helpers.js';
import { compact, pdfFonts, pdfText, writePdf } from './pdf.js';

const SOURCE = '# 臺灣地區經濟發展報告\n\n一、總體情況\n\n這一年來，國民經濟穩定發展。\n\n![缺失的圖](missing.png)\n';

describe('a Traditional source converted as written', () => {
  it('is /Lang zh-TW, set in Traditional faces, with 圖片 in its placeholder', async () => {
    const document = doc(SOURCE);
    expect(document.meta.lang).toBe('zh-TW');
    const file = writePdf(await toPdf(document, { sourceDateEpoch: 1_700_000_000 }), 'traditional-source');
    expect(readFileSync(file).toString('latin1')).toContain('/Lang (zh-TW)');
    expect(compact(pdfText(file))).toContain('[圖片：缺失的圖]');
    expect(pdfFonts(file).some((font) => /(CJKtc|TC)-/.test(font.name))).toBe(true);
  });
});
