/**
 * Squeezing punctuation (clreq §3.1.6, issue 15): two marks side by side take 1.5 em, a closing mark
 * that may not start a line is pushed in by squeezing the line's marks rather than pushed out with
 * the character before it, and a reader (poppler: pdftotext, copy and paste) still reads each line
 * whole and in order. Glyphs are placed here as pdfmake and PDF place them: each inline at the sum of
 * the widths pdfmake measures before it, a squeezed mark's text scaled (`Tz`) to the room it keeps
 * and its outline drawn from its origin (`placed.ts`).
 */
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { openFace } from '../src/lib/fonts/face.js';
import { bundledFile, nodeFontHost } from '../src/lib/fonts/node-host.js';
import type { Inline } from '../src/lib/pdf/definition.js';
import { setText } from '../src/lib/text/set.js';
import type { Piece } from '../src/lib/text/shape.js';
import { toPdf } from '../src/node.js';
import { doc, installedFace } from './helpers.js';
import { pdfLines, writePdf } from './pdf.js';
import { type Glyph, placeGlyphs } from './placed.js';

const face = openFace(nodeFontHost, bundledFile('serif', 'regular'));
const size = 16;
const em = size;
const ids = { id: () => 'f0' };
/** GB/T 9704's line: 28 characters of 16 pt in 156 mm, each cell a little narrower than an em. */
const spacing = (442.2 - 28 * size) / 28;
const cell = em + spacing;
const options = { width: 442.2, indent: 0, align: 'justify' as const, pitch: 28.95, spacing, verbatim: false };

const advanceOf = (f: typeof face, char: string) => (f.advance(char.codePointAt(0) as number) * size) / f.unitsPerEm;

const place = (line: readonly Inline[], f = face): Glyph[] => placeGlyphs(line, (char) => advanceOf(f, char));

const piece = (text: string, f = face): Piece => ({ kind: 'text', text, face: f, sizePt: size, style: {} });

function lines(text: string, f = face, extra: Partial<typeof options> = {}): Glyph[][] {
  return setText([piece(text, f)], { ...options, ...extra }, ids, { face: f, sizePt: size }).lines.map((line) =>
    place(line, f),
  );
}

const at = (glyphs: Glyph[], char: string, from = 0) => {
  const index = glyphs.findIndex((glyph, i) => i >= from && glyph.char === char);
  if (index < 0) throw new Error(`no ${char}`);
  return index;
};

/** From one glyph's origin to the next one's. */
const pitchAfter = (glyphs: Glyph[], i: number) => (glyphs[i + 1] as Glyph).origin - (glyphs[i] as Glyph).origin;

describe('squeezing punctuation', () => {
  it('sets two marks side by side in 1.5 em, the closing mark giving up its blank right half', () => {
    const [line = []] = lines('他说：“我们要坚持学习。”大家（都）同意。');
    const text = line.map((glyph) => glyph.char).join('');
    expect(text).toBe('他说：“我们要坚持学习。”大家（都）同意。');
    const colon = at(line, '：');
    const stop = at(line, '。');
    // A lone line: no stretching, so each pitch is the glyph's advance plus the grid's spacing.
    expect(pitchAfter(line, colon)).toBeCloseTo(em / 2 + spacing, 3);
    expect(pitchAfter(line, stop)).toBeCloseTo(em / 2 + spacing, 3);
    // Marks beside Han characters keep their full cell.
    expect(pitchAfter(line, at(line, '”'))).toBeCloseTo(cell, 3);
    expect(pitchAfter(line, at(line, '（'))).toBeCloseTo(cell, 3);
  });

  it('squeezes an opening mark after a mark on its blank left side', () => {
    const [line = []] = lines('见（“甲”）乙');
    const paren = at(line, '（');
    const quote = at(line, '“');
    // `（“`: the quote's left blank goes (its ink moves left), the parenthesis keeps its cell.
    expect(pitchAfter(line, paren)).toBeCloseTo(em / 2 + spacing, 3);
    expect((line[quote] as Glyph).x - (line[paren] as Glyph).x).toBeCloseTo(cell, 3);
    // `”）`: the closing quote gives up its right half.
    expect(pitchAfter(line, at(line, '”'))).toBeCloseTo(em / 2 + spacing, 3);
  });

  it('never lets a reader box overlap the next one, so the line is read whole', () => {
    const [line = []] = lines('他说：“我们要坚持学习。”（这是注释）。大家都同意，“好的”，然后继续。');
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [line[i - 1] as Glyph, line[i] as Glyph];
      // poppler starts a new word when a glyph starts more than 0.2 em inside the box before it.
      expect(b.x - (a.x + a.width), `${a.char}${b.char}`).toBeGreaterThan(-0.2 * em);
    }
  });

  it('pushes a closing mark in by squeezing the marks of the line rather than pushing it out', () => {
    // 26 characters with a comma among them, then a comma: 27 cells on a line of 28 less a 2-cell indent.
    const text = `一二三四五六七八九十，一二三四五六七八九十一二三四五，七八九十一二三四五六七八九十`;
    const indented = { indent: 2 * cell };
    const [first = [], second = []] = lines(text, face, indented);
    expect(first.map((glyph) => glyph.char).join('')).toBe('一二三四五六七八九十，一二三四五六七八九十一二三四五，');
    expect(second[0]?.char).toBe('七');
    // The line ends at the margin: the last comma's kept half ends there.
    const last = first.at(-1) as Glyph;
    expect(indented.indent + last.x + last.width).toBeCloseTo(442.2, 1);
    // Both commas gave up about half their cell; the Han characters were not squeezed.
    expect(pitchAfter(first, at(first, '，'))).toBeLessThan(em * 0.55);
    for (let i = 0; i + 1 < 9; i++) expect(pitchAfter(first, i)).toBeCloseTo(pitchAfter(first, 0), 6);
    expect(pitchAfter(first, 0)).toBeCloseTo(cell, 2);
  });

  it('pushes out, as before, when the marks cannot make room', () => {
    // 26 Han characters and a comma: no mark to squeeze but the comma itself (half a cell, a whole one needed).
    const text = `${'一二三四五六七八九十'.repeat(2)}一二三四五六，七八九十`;
    const [first = [], second = []] = lines(text, face, { indent: 2 * cell });
    expect(first).toHaveLength(25);
    expect(second.slice(0, 2).map((glyph) => glyph.char)).toEqual(['六', '，']);
  });

  it('lets an opening mark that starts a line give up its blank left half, its ink at the margin', () => {
    const text = `${'一二三四五六七八九十'.repeat(2)}一二三四五六“好的”，${'七八九十'.repeat(8)}`;
    const [first = [], second = []] = lines(text, face, { indent: 2 * cell });
    expect(first).toHaveLength(26);
    const quote = second[0] as Glyph;
    expect(quote.char).toBe('“');
    // Its box starts at the margin and is half a cell wide; the glyph is drawn from half an em left of it.
    expect(quote.x).toBeCloseTo(0, 6);
    expect(quote.origin).toBeCloseTo(-em / 2, 6);
    expect(quote.width).toBeCloseTo(em / 2, 6);
    // The line is still justified to the margin, and its first line (indented) keeps its marks whole.
    const last = second.at(-1) as Glyph;
    expect(last.x + last.width).toBeCloseTo(442.2, 1);
    const [opening = []] = lines(`“${'一二三四五六七八九十'.repeat(3)}`, face, { indent: 2 * cell });
    expect(opening[0]?.origin).toBeCloseTo(0, 6);
  });

  it('does not squeeze marks a Traditional face centres, and still squeezes its brackets', () => {
    const installed = installedFace('NotoSerifCJKtc-Regular');
    const tc = openFace(nodeFontHost, installed.file, installed.postscriptName);
    const [line = []] = lines('他說：「我們」，好。」（甲）', tc);
    // ：「 — the TC colon is centred (nothing to give); the corner bracket gives up its blank left half.
    expect(pitchAfter(line, at(line, '：'))).toBeCloseTo(em / 2 + spacing, 3);
    expect((line[at(line, '「')] as Glyph).x - (line[at(line, '：')] as Glyph).x).toBeCloseTo(cell, 3);
    // 」， — the closing bracket gives up its right half; 。」 — the centred full stop keeps its cell and the bracket its own.
    expect(pitchAfter(line, at(line, '」'))).toBeCloseTo(em / 2 + spacing, 3);
    expect(pitchAfter(line, at(line, '。'))).toBeCloseTo(cell, 3);
  });

  it('leaves code as written', () => {
    const [line = []] = lines('a。”（b', face, { verbatim: true, spacing: 0 });
    expect(line.every((glyph) => glyph.width === advanceOf(face, glyph.char))).toBe(true);
  });

  it('reads back from the PDF line by line, whole and in order, with no line past the margin', async () => {
    const paragraphs = [
      '他说：“我们要坚持学习。”（这是注释）。大家都同意，“好的”，然后继续工作，会议于下午三时结束（见附件）。',
      '一二三四五六七八九十，一二三四五六七八九十一二三四五，七八九十一二三四五六七八九十一二三四五六七八九十。',
      '分别获评“全国模范人民调解员”“齐鲁最美退役军人”“齐鲁最美家庭”等称号，《关于印发〈实施方案〉的通知》（鲁政发〔2023〕1号）。',
    ];
    const theme = presetTheme('gov');
    const file = writePdf(await toPdf(doc(paragraphs.join('\n\n')), { theme }), 'squeeze');
    const { lines: read, pageWidth } = pdfLines(file);
    const body = read.filter((line) => line.yMin > 90 && line.yMin < 750);
    expect(body.map((line) => line.text).join('')).toBe(paragraphs.join(''));
    const right = pageWidth - (theme.page.margin.rightMm * 72) / 25.4;
    for (const line of body) expect(line.xMax, line.text).toBeLessThanOrEqual(right + 0.01);
    // The pushed-in line: both commas on it, its end at the margin.
    const pushed = body.find((line) => line.text.endsWith('一二三四五，'));
    expect(pushed?.xMax).toBeCloseTo(right, 1);
  });
});
