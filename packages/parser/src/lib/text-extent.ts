/**
 * How wide a cell's text is, in ems, without a font: Han, kana, Hangul and full-width forms are
 * 1 em; ASCII takes the widest advance among the faces a table is set in — Noto Serif SC regular
 * and bold and Noto Sans SC bold (the PDF), and DejaVu Serif regular and bold, which LibreOffice on
 * Linux sets for Word's Times New Roman (its digits are 0.70 em wide where Times New Roman's are
 * 0.50 em), measured with fontkit; anything else counts 1 em. Over-estimating costs a little
 * width; under-estimating breaks a number, so the estimate leans wide.
 *
 * The PDF and the DOCX size their columns from this one estimate, so that the two outputs have the
 * same column widths (Word has no fonts to measure with at conversion time anyway).
 */
import { unbreakableSpans } from './tokens.js';

/** Advances of U+0020–U+007E in hundredths of an em. */
const ASCII = [
  35, 44, 58, 84, 70, 97, 91, 33, 48, 48, 53, 84, 35, 42, 35, 40, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 37, 37, 84,
  84, 84, 59, 101, 78, 85, 80, 87, 77, 71, 86, 95, 47, 57, 87, 71, 111, 92, 88, 76, 88, 84, 73, 75, 88, 78, 113, 78, 72,
  73, 48, 40, 48, 84, 60, 63, 65, 70, 61, 70, 64, 44, 70, 73, 38, 37, 70, 38, 106, 73, 67, 70, 70, 53, 57, 47, 73, 59,
  88, 60, 59, 57, 65, 37, 65, 84,
];

export function charEm(cp: number): number {
  if (cp >= 0x20 && cp <= 0x7e) return (ASCII[cp - 0x20] as number) / 100;
  // Combining marks and zero-width characters take no room.
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff) return 0;
  return 1;
}

function isHan(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

/** Marks that never start a line (clreq §3.1.7): they stay with the character before them. */
const NO_START = new Set(Array.from('，。、；：？！）］｝〕〉》」』】”’…·%％‰,.;:?!)]}'));
/** Marks that never end a line: they stay with the character after them. */
const NO_END = new Set(Array.from('（［｛〔〈《「『【“‘([{'));

/**
 * The narrowest a text can be set (its widest unbreakable unit: a token, a Han character with the
 * punctuation that clings to it, a Latin word) and its widest line (lines end at `\n`), in ems.
 */
export function textExtent(text: string): { min: number; max: number } {
  const glued = new Uint8Array(text.length);
  for (const [start, end] of unbreakableSpans(text)) glued.fill(1, start + 1, end);
  let min = 0;
  let max = 0;
  let unit = 0;
  let line = 0;
  let prev = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    if (cp === 0x0a) {
      max = Math.max(max, line);
      line = 0;
      unit = 0;
      prev = -1;
      i += size;
      continue;
    }
    const em = charEm(cp);
    const space = cp === 0x20 || cp === 0x09 || cp === 0x3000;
    const breakBefore =
      prev >= 0 &&
      glued[i] !== 1 &&
      !NO_START.has(String.fromCodePoint(cp)) &&
      !NO_END.has(String.fromCodePoint(prev)) &&
      (prev === 0x20 || prev === 0x09 || prev === 0x3000 || isHan(prev) || isHan(cp));
    if (breakBefore || space) unit = 0;
    line += em;
    if (!space) unit += em;
    min = Math.max(min, unit);
    prev = cp;
    i += size;
  }
  return { min, max: Math.max(max, line) };
}

/**
 * The widest line of verbatim text (code, a table laid out with spaces), in columns as a terminal
 * or `pdftotext -layout` counts them: Han and full-width forms take two, tabs run to the next
 * multiple of four, anything else one.
 */
export function verbatimColumns(value: string): number {
  let widest = 0;
  for (const line of value.split('\n')) {
    let columns = 0;
    for (const char of line) {
      const cp = char.codePointAt(0) as number;
      if (char === '\t') columns += 4 - (columns % 4);
      else columns += isHan(cp) ? 2 : 1;
    }
    widest = Math.max(widest, columns);
  }
  return widest;
}

/** The smallest size verbatim text is set in to fit its widest line, in points. */
export const MIN_VERBATIM_SIZE_PT = 6;

/**
 * The size that fits the widest line of verbatim text in `widthPt` (a monospaced face whose column
 * is `emPerColumn` wide: 0.5 em in the CJK monospaced faces), never larger than `sizePt` nor smaller
 * than `MIN_VERBATIM_SIZE_PT` (lines still too wide wrap). A layout that wraps loses its columns, so
 * both outputs shrink it first, as they do a wide table.
 */
export function fitVerbatimSizePt(value: string, widthPt: number, sizePt: number, emPerColumn: number): number {
  const columns = verbatimColumns(value);
  if (columns === 0 || columns * emPerColumn * sizePt <= widthPt) return sizePt;
  // Half points, as Word stores sizes, rounded down so the line fits.
  const fitting = Math.floor((2 * widthPt) / (columns * emPerColumn)) / 2;
  return Math.max(MIN_VERBATIM_SIZE_PT, Math.min(sizePt, fitting));
}
