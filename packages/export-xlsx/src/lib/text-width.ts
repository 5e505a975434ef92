/**
 * How wide text is in a spreadsheet cell. Excel has no autofit in the file format: a column's
 * width is stored in "characters" (the width of `0` in the default font), and a row's height in
 * points. A CJK character is drawn about twice as wide as `0`, so widths count it as two, and a
 * row holding wrapped text needs a height for every line it wraps to, or it opens as one clipped line.
 */

/**
 * Whether a code point is drawn wide: Han (with the extension planes), kana, Hangul, CJK symbols
 * and punctuation, full-width forms, and the general punctuation Chinese fonts draw full width
 * (“ ” ‘ ’ — …). Numeric ranges, not a Unicode-property regex: this runs for every character of
 * every cell, and a large report has millions.
 */
function isWide(code: number): boolean {
  if (code < 0x1100) return false;
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x20000 && code <= 0x3ffff) ||
    code === 0x2014 ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2026
  );
}

/** Display width of one line of text, a wide character counting two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    // A surrogate pair is one character (the CJK extension planes are all wide).
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      code = ((code - 0xd800) << 10) + (text.charCodeAt(index + 1) - 0xdc00) + 0x10000;
      index += 1;
    }
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** Characters that are not whitespace: what a Chinese reader calls the length of a text (字数). */
export function characterCount(text: string): number {
  const visible = text.replace(/\s+/g, '');
  // Code points, not UTF-16 units: a character of CJK Extension B is one character.
  const pairs = visible.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0;
  return visible.length - pairs;
}

/**
 * How many lines `text` takes in a column `width` characters wide with wrapping on. Each explicit
 * line break starts a line; a line wraps at the column width less one character of cell padding.
 * Excel breaks Chinese text between any two characters, so a plain division is close enough.
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  if (!text.includes('\n')) return Math.max(1, Math.ceil(displayWidth(text) / usable));
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil(displayWidth(line) / usable));
  return lines;
}

/**
 * Points per wrapped line. Excel's default row is 15 pt for one line of 11 pt Calibri; the CJK
 * fallback fonts (DengXian, Microsoft YaHei, Noto Sans CJK) have taller line boxes, so a little more.
 */
export const LINE_HEIGHT = 15.5;
/** Excel's largest row height. */
export const MAX_ROW_HEIGHT = 409;

/** A row height (points) that shows every wrapped line of the tallest cell; `undefined` for one line. */
export function rowHeight(cells: readonly { text: string; width: number }[]): number | undefined {
  let lines = 1;
  for (const { text, width } of cells) if (text !== '') lines = Math.max(lines, wrappedLines(text, width));
  if (lines <= 1) return undefined;
  return Math.min(MAX_ROW_HEIGHT, Math.round(lines * LINE_HEIGHT * 10) / 10);
}

/** A column width that fits the widest line of its cells, between `min` and `max`, plus padding. */
export function columnWidth(texts: Iterable<string>, min: number, max: number): number {
  let widest = 0;
  for (const text of texts) {
    for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
    // Past the cap the exact width no longer matters.
    if (widest >= max) return max;
  }
  return Math.min(max, Math.max(min, widest + 2));
}
