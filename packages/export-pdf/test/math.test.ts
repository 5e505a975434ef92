/** TeX formulas in the PDF: display math drawn as vectors over an invisible TeX layer, inline math as text. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PdfWarning, toPdf } from '../src/node.js';
import { doc } from './helpers.js';
import { compact, pdfLines, pdfText, run, writePdf } from './pdf.js';

/** The rows of page 1 (pt from the top) that have ink, rendered at 144 dpi. */
function inkRows(file: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'wenshu-math-ink-'));
  const out = join(dir, 'page');
  run('pdftoppm', ['-f', '1', '-l', '1', '-r', '144', '-gray', '-singlefile', file, out]);
  const pgm = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm wrote no PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const rows: number[] = [];
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      if ((pixels[row * width + col] as number) < 128) {
        rows.push(row / 2);
        break;
      }
    }
  }
  return rows;
}

/** The page's text without its page number. */
const body = (file: string) => compact(pdfText(file, 1)).replace(/\d+$/, '');

async function render(markdown: string) {
  const warnings: PdfWarning[] = [];
  const bytes = await toPdf(doc(markdown), { onWarning: (w) => warnings.push(w), sourceDateEpoch: 1_700_000_000 });
  return { bytes, warnings, file: writePdf(bytes, 'math') };
}

describe('formulas in the PDF', () => {
  it('draws display math as a typeset formula, its TeX the text under it', async () => {
    const { file, warnings } = await render('$$\n\\frac{a+b}{c} = \\sum_{i=1}^{n} x_i\n$$\n');
    expect(warnings).toEqual([]);
    // Copying the formula gives its TeX (an invisible text layer) …
    expect(body(file)).toBe(compact('\\frac{a+b}{c} = \\sum_{i=1}^{n} x_i'));
    // … while what is drawn is a built-up fraction and sum, much taller than a line of the code face.
    const rows = inkRows(file).filter((row) => row < 400);
    const inkHeight = Math.max(...rows) - Math.min(...rows);
    expect(inkHeight).toBeGreaterThan(24);
  });

  it('draws the formula where it stands in the flow (the patched pdfmake moves path vectors with their canvas)', async () => {
    const { file } = await render('第一段。\n\n第二段。\n\n第三段。\n\n$$\n\\sum_{i=1}^{n} \\frac{a_i}{b_i}\n$$\n');
    const rows = inkRows(file);
    // Nothing in the top margin (unmoved paths are drawn at the page's top left), and ink below the text.
    expect(rows.filter((row) => row < 50)).toEqual([]);
    const { lines } = pdfLines(file);
    const third = lines.find((line) => line.text.includes('第三段'));
    expect(third).toBeDefined();
    const below = rows.filter((row) => row > (third?.yMax ?? 0) + 2 && row < 400);
    expect(Math.max(...below) - Math.min(...below)).toBeGreaterThan(14);
  });

  it('sets a tagged formula with its number at the right', async () => {
    const { file } = await render('$$\nE = mc^2 \\tag{3}\n$$\n');
    expect(pdfText(file)).toContain('(3)');
  });

  it('sets inline math as text with real scripts, in the line', async () => {
    const { file, warnings } = await render('功率 $P = \\frac { V ^ { 2 } } { R }$，信号 $\\mathrm { R F }$。');
    expect(warnings).toEqual([]);
    expect(body(file)).toBe('功率P=V2/R，信号RF。');
  });

  it('shows a formula that does not convert as its TeX, with a warning naming its line', async () => {
    const { file, warnings } = await render('第一段。\n\n损坏 $\\foo{x}$。\n\n$$\n\\frac{a}{\n$$\n');
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ['math-unconverted', 3],
      ['math-unconverted', 5],
    ]);
    const text = compact(pdfText(file));
    expect(text).toContain('\\foo{x}');
    expect(text).toContain('\\frac{a}{');
  });

  it('gives the same bytes for the same document and source date', async () => {
    const markdown = '$$\n\\int_0^1 x^2 dx = \\frac{1}{3} \\tag{2}\n$$\n\n行内 $\\alpha + \\beta$。';
    const a = await render(markdown);
    const b = await render(markdown);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});
