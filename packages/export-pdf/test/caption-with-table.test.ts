/**
 * Issue 16: a table's caption stays with its table. A table well under a page's height goes with
 * its caption in one unbreakable block; a taller one cannot (pdfmake drops an unbreakable block
 * taller than the page), so a caption left at the foot of a page gets a break before it. Text of
 * every length before the table puts the caption at every height of the page, its foot included.
 */
import { parse, structure } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
import { pdfInfo, pdfText, writePdf } from './pdf.js';

const rows = Array.from({ length: 45 }, (_, n) => `| 项目${n + 1} | ${(n * 1.7).toFixed(1)}% | ${n + 100}亿元 |`);
const TABLE = ['| 指标 | 增速 | 投资 |', '| --- | --- | --- |', ...rows].join('\n');

/** The 1-based page that holds `text` first, or 0. */
function pageOf(file: string, pages: number, text: string): number {
  for (let page = 1; page <= pages; page++) if (pdfText(file, page).replace(/\s+/g, '').includes(text)) return page;
  return 0;
}

describe('a tall table keeps its caption', () => {
  it('on the page where the table starts, wherever the text before it ends', { timeout: 240_000 }, async () => {
    let captionsAtFoot = 0;
    for (let lines = 30; lines <= 44; lines++) {
      const before = Array.from({ length: lines }, (_, n) => `第${n + 1}段正文。`).join('\n\n');
      const { document } = structure(parse(`${before}\n\n表1 主要指标完成情况\n\n${TABLE}\n`));
      const file = writePdf(await toPdf(document, { systemFonts: false }), `caption-${lines}`);
      const pages = Number(pdfInfo(file).Pages);
      const caption = pageOf(file, pages, '表1主要指标完成情况');
      const header = pageOf(file, pages, '指标增速投资');
      expect(caption, `${lines} paragraphs before the table`).toBeGreaterThan(0);
      expect(header, `${lines} paragraphs before the table`).toBe(caption);
      // The case that matters happened: the caption is the first line of its page after text.
      if (caption > 1 && !pdfText(file, caption).trim().startsWith('第')) captionsAtFoot++;
    }
    expect(captionsAtFoot).toBeGreaterThan(0);
  });
});
