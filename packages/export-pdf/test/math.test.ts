/** TeX formulas in the PDF: display and inline math drawn as vectors over an invisible TeX layer. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repairTex } from '@wenshu/math';
import { pdfWords, type Word } from '@wenshu/test-corpus/pdf-words';
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

/** The words of page 1 with their boxes. */
const wordsOf = (file: string): Word[] => pdfWords(file)[0]?.words ?? [];

/** The ink inside a box of page 1 (pt from the page's top left), rendered at 288 dpi. */
function inkBox(file: string, box: { xMin: number; yMin: number; xMax: number; yMax: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'wenshu-math-box-'));
  const out = join(dir, 'crop');
  const scale = 4;
  // A margin above and below the box, so that ink reaching out of it is seen.
  const [x, y] = [Math.floor(box.xMin * scale), Math.floor((box.yMin - 8) * scale)];
  const [w, h] = [Math.ceil((box.xMax - box.xMin) * scale), Math.ceil((box.yMax - box.yMin + 16) * scale)];
  const crop = ['-x', String(x), '-y', String(y), '-W', String(w), '-H', String(h)];
  run('pdftoppm', ['-f', '1', '-l', '1', '-r', '288', '-gray', '-singlefile', ...crop, file, out]);
  const pgm = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm wrote no PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  let [top, bottom, left, right] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      if ((pixels[row * width + col] as number) >= 128) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row + 1);
      left = Math.min(left, col);
      right = Math.max(right, col + 1);
    }
  }
  if (top === Infinity) throw new Error('no ink in the box');
  return { top: (y + top) / scale, bottom: (y + bottom) / scale, left: (x + left) / scale, right: (x + right) / scale };
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

  it('typesets inline math in the line, its TeX the text at the spot, in reading order', async () => {
    const tex = String.raw`P = \frac { V ^ { 2 } } { R }`;
    const { file, warnings } = await render(`上。\n\n功率 $${tex}$，信号功率。\n\n下。`);
    expect(warnings).toEqual([]);
    // Copying gives the paragraph with the formula's (repaired) TeX where the formula stands.
    expect(body(file)).toBe(compact(`上。功率${repairTex(tex)}，信号功率。下。`));
    // The TeX's words (its spaces part them) lie between the words before and after the formula.
    const words = wordsOf(file).filter((word) => word.yMax < 200);
    const [above, below] = [words[0] as Word, words.at(-1) as Word];
    const line = words.filter((word) => word.text.includes('功率'));
    const texWords = words.slice(1, -1).filter((word) => !word.text.includes('功率'));
    if (line.length !== 2 || texWords.length === 0) throw new Error('the line or the formula was not read back');
    const formula = {
      xMin: Math.min(...texWords.map((word) => word.xMin)),
      xMax: Math.max(...texWords.map((word) => word.xMax)),
      yMin: Math.min(...texWords.map((word) => word.yMin)),
      yMax: Math.max(...texWords.map((word) => word.yMax)),
    };
    // What is drawn is a built-up fraction (a numerator above a denominator), not a line of text.
    const ink = inkBox(file, formula);
    expect(ink.bottom - ink.top).toBeGreaterThan(7);
    // It stands between the words before and after it, inside the line's box.
    expect(formula.yMin).toBeGreaterThanOrEqual((line[0] as Word).yMin - 0.5);
    expect(formula.yMax).toBeLessThanOrEqual((line[0] as Word).yMax + 0.5);
    expect(formula.xMin).toBeGreaterThan((line[0] as Word).xMax - 0.5);
    expect(formula.xMax).toBeLessThan((line[1] as Word).xMin + 0.5);
    // Its ink stays off the lines above and below (short lines: only the formula's ink is in its columns).
    expect(ink.top).toBeGreaterThan(above.yMax);
    expect(ink.bottom).toBeLessThan(below.yMin);
  });

  it('sets an inline formula on the baseline of its line', async () => {
    // A formula with nothing below the baseline (a and b in MathJax's math italic; not +, which is
    // centred on the math axis and reaches below) ends where the text's letters do; one with a depth
    // (a subscript) reaches below them.
    const { file } = await render('xxx $ab$ xxx $x_{i}$ xxx');
    const words = wordsOf(file);
    const latin = words.find((word) => word.text === 'xxx') as Word;
    const flat = words.find((word) => word.text === 'ab') as Word;
    const deep = words.find((word) => word.text === 'x_{i}') as Word;
    const baseline = inkBox(file, latin).bottom;
    expect(Math.abs(inkBox(file, flat).bottom - baseline)).toBeLessThan(0.6);
    expect(inkBox(file, deep).bottom).toBeGreaterThan(baseline + 1);
  });

  it('makes a line taller only where a formula needs it', async () => {
    const filler = '文字'.repeat(60);
    const tall = String.raw`\frac{\sum_{i=1}^{n} a_i}{\prod_{j=1}^{m} b_j}`;
    const { file: plain } = await render(`开头${filler}`);
    const { file: math } = await render(`开头 $${tall}$ ${filler}`);
    const tops = (file: string) => pdfLines(file).lines.map((line) => line.yMin);
    const [a0 = 0, a1 = 0, a2 = 0] = tops(plain);
    const [b0 = 0, b1 = 0, b2 = 0] = tops(math);
    // The first line (with the formula) is taller than the text's pitch; the next keeps the pitch.
    expect(b1 - b0).toBeGreaterThan(a1 - a0 + 1);
    expect(b2 - b1).toBeCloseTo(a2 - a1, 1);
  });

  it('keeps an inline formula whole at the end of a line, never past the margin', async () => {
    const formula = 'a_{1} + a_{2} + a_{3} + a_{4}';
    // Move the formula along a line until it would end past the margin: it goes to the next line whole.
    const starts: boolean[] = [];
    for (const lead of [25, 27, 29, 31]) {
      const { file } = await render(`${'字'.repeat(lead)}$${formula}$字字字。`);
      const { lines } = pdfLines(file);
      const holder = lines.filter((line) => line.text.includes('a_{1}'));
      expect(holder).toHaveLength(1);
      starts.push((holder[0] as { text: string }).text.startsWith('a_{1}'));
      expect(compact((holder[0] as { text: string }).text)).toContain(compact(repairTex(formula)));
      const body = lines.filter((line) => line.text.includes('字'));
      const right = Math.max(...body.map((line) => line.xMax));
      const ink = inkBox(file, { ...(holder[0] as Word), xMax: right + 20 });
      expect(ink.right).toBeLessThanOrEqual(right + 0.5);
    }
    // Some of these ended the first line, and one did not fit there: it starts the second.
    expect(starts).toContain(true);
    expect(starts).toContain(false);
  });

  it('draws a formula wider than the line smaller, inside the margins, even opening an indented paragraph', async () => {
    const wide = Array.from({ length: 40 }, (_, i) => `a_{${i + 1}}`).join(' + ');
    const { file } = await render(`$${wide}$\n\n${'字'.repeat(80)}`);
    const { lines } = pdfLines(file);
    const text = lines.filter((line) => line.text.includes('字'));
    const [left, right] = [Math.min(...text.map((line) => line.xMin)), Math.max(...text.map((line) => line.xMax))];
    const holder = lines.find((line) => line.text.includes('a_{1}'));
    if (!holder) throw new Error('the formula was not read back');
    const ink = inkBox(file, { ...holder, xMin: left - 20, xMax: right + 20 });
    expect(ink.left).toBeGreaterThanOrEqual(left - 0.5);
    expect(ink.right).toBeLessThanOrEqual(right + 0.5);
    // Drawn, not dropped: it spans most of the line.
    expect(ink.right - ink.left).toBeGreaterThan((right - left) * 0.6);
  });

  it('sets a formula MathJax draws with text (a Chinese \\text) as its one-line form', async () => {
    const { file, warnings } = await render(String.raw`面积 $\text{长} \times \text{宽}$ 等。`);
    expect(warnings).toEqual([]);
    expect(body(file)).toBe('面积长×宽等。');
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

  it('draws a formula at the size of the text it stands in: a title, a heading, the body', async () => {
    const { file } = await render('# 标题 $x$\n\n## 一、小标题 $x$\n\n正文 $x$。');
    const xs = wordsOf(file).filter((word) => word.text === 'x');
    expect(xs).toHaveLength(3);
    const [title, heading, body] = xs.map((word) => inkBox(file, word));
    const height = (box: { top: number; bottom: number } | undefined) => (box ? box.bottom - box.top : 0);
    // The report theme: title 22 pt, level 1 heading 16 pt, body 12 pt (within a pixel at 288 dpi).
    expect(Math.abs(height(title) / height(body) - 22 / 12)).toBeLessThan(0.15);
    expect(Math.abs(height(heading) / height(body) - 16 / 12)).toBeLessThan(0.15);
  });

  it('stores each glyph of the formulas once, however often it is drawn', async () => {
    const forms = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').split('/Subtype /Form').length - 1;
    const once = await render('式 $x + y$。');
    const often = await render(Array.from({ length: 30 }, () => '式 $x + y$，$y + x$。').join('\n\n'));
    // x, + and y.
    expect(forms(once.bytes)).toBe(3);
    expect(forms(often.bytes)).toBe(3);
    expect(compact(pdfText(often.file))).toContain('式x+y，y+x。式x+y');
  });

  it('gives the same bytes for the same document and source date', async () => {
    const markdown = '$$\n\\int_0^1 x^2 dx = \\frac{1}{3} \\tag{2}\n$$\n\n行内 $\\alpha + \\beta$。';
    const a = await render(markdown);
    const b = await render(markdown);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});
