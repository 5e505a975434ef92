/** The PDF's table of contents draws dot leaders from each entry to its page number, as Word does. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { leader } from '../src/lib/toc-leaders.js';
import { toPdf } from '../src/node.js';
import { doc } from './helpers.js';
import { pdfLines, writePdf } from './pdf.js';

/** Dark pixels of page 1 (72 dpi, grey) in a box given in points. */
function inkIn(file: string, box: { x0: number; x1: number; y0: number; y1: number }): number {
  const pgm = execFileSync('pdftoppm', ['-r', '72', '-gray', '-f', '1', '-l', '1', file]);
  // A binary PGM: `P5\n<width> <height>\n255\n` then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  const width = Number(header?.[1]);
  const start = header?.[0].length ?? 0;
  let dark = 0;
  for (let y = Math.floor(box.y0); y <= Math.ceil(box.y1); y++)
    for (let x = Math.floor(box.x0); x <= Math.ceil(box.x1); x++) if ((pgm[start + y * width + x] ?? 255) < 160) dark++;
  return dark;
}

describe('table of contents leaders', () => {
  it('fill the room between an entry and its number with dots on the baseline', async () => {
    const markdown = '# 报告\n\n## 一、总体情况\n\n正文。\n\n## 二、主要工作\n\n正文。';
    const file = writePdf(await toPdf(doc(markdown), { toc: true }), 'toc-leaders');
    const { lines } = pdfLines(file);
    const entry = lines.find((line) => line.page === 1 && line.text === '一、总体情况');
    const number = lines.find(
      (line) => line.page === 1 && /^\d+$/.test(line.text) && Math.abs(line.yMin - (entry?.yMin ?? 0)) < 1,
    );
    expect(entry && number).toBeTruthy();
    const between = {
      x0: (entry?.xMax ?? 0) + 6,
      x1: (number?.xMin ?? 0) - 12,
      y0: entry?.yMin ?? 0,
      y1: entry?.yMax ?? 0,
    };
    expect(between.x1 - between.x0).toBeGreaterThan(200);
    // Dots every 3 pt over that room: dozens of inked pixels where there was white before.
    expect(inkIn(file, between)).toBeGreaterThan(40);
  });

  it('leave no leader when the entry takes the line', () => {
    expect(leader(400, 380, 42, 10)).toBeNull();
    expect(leader(400, 100, 42, 10)).not.toBeNull();
  });
});
