/**
 * Character classes the report passes decide by. Chinese text is set without spaces, so whether a
 * character is "wide" (CJK) decides what a line break or a half-width comma next to it means.
 */

/** Han, kana, Hangul, CJK symbols and punctuation, full-width forms: text set without spaces. */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2e80-\u2fdf\u3001-\u303f\u3200-\u33ff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]/u;

/** A CJK character or CJK punctuation (U+3000 itself is layout, not a wide character). */
export function isWide(char: string | undefined): boolean {
  return char !== undefined && char !== '' && WIDE.test(char);
}

/** A text without its spaces and line breaks: what tells two titles or lines apart. */
export function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A Latin letter, including accented ones. */
export function isLatinLetter(char: string | undefined): boolean {
  return char !== undefined && /^\p{Script=Latin}$/u.test(char);
}

/** An ASCII or full-width digit. */
export function isDigit(char: string | undefined): boolean {
  return char !== undefined && /^[0-9０-９]$/.test(char);
}

/** Horizontal whitespace including the ideographic space U+3000. */
export const SPACE = '[ \\t\\u00a0\\u3000]';

/**
 * The characters text is indented and padded with: space, tab, no-break space, the typographic
 * spaces U+2000–U+200A (`&emsp;` is U+2003) and the ideographic space U+3000. A regular-expression
 * class body.
 */
export const INDENT_CHARS = ' \\t\\u00a0\\u2000-\\u200a\\u3000';

/** The wide ones among them, which Markdown keeps at the start of a line (a regular-expression class body). */
export const WIDE_SPACE_CHARS = '\\u00a0\\u2000-\\u200a\\u3000';

/** Zero-width characters: never visible text in a report (U+200B–U+200D, U+2060, U+FEFF). */
export const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;

/** Ends a sentence; a run-in title ends with one of these. */
export const SENTENCE_END = new Set(['。', '！', '？']);

/** May follow a sentence end and still belong to the sentence: `……肯定。”`. */
export const CLOSING = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '〕', '］', ']']);

/**
 * A paragraph ending in one of these is finished; one ending in anything else was cut by a column
 * or page break. Colons count: they introduce what follows, which is a separate block. So does a
 * closing 》: a line ending in a book title is a reference or a date line, seldom a cut sentence.
 */
export const PARAGRAPH_END = new Set([
  '。',
  '》',
  '！',
  '？',
  '；',
  '：',
  '…',
  '”',
  '’',
  '』',
  '」',
  '）',
  '】',
  '〕',
  '］',
  '.',
  '!',
  '?',
  ';',
  ':',
  ')',
  ']',
]);

/** Punctuation that cannot open a paragraph: text starting with it continues the one before. */
export const CONTINUATION_START = new Set(['，', '、', '。', '；', '：', '！', '？', '）', '”', '’', '」', '』', '…']);

/** Code points, not UTF-16 units: a report's "60 characters" counts ideographs (some are surrogate pairs). */
export function characterCount(text: string): number {
  // As `[...text].length`, without the iterator: a surrogate pair is one, a lone surrogate one too.
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdbff) continue;
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      count--;
      i++;
    }
  }
  return count;
}

/** Whitespace (U+3000 included) or a zero-width character. */
export function isLayout(char: string | undefined): boolean {
  return char !== undefined && /^[\s\u3000\u200b-\u200d\u2060\ufeff]$/.test(char);
}

/**
 * `text` without the characters `trimmed` accepts at its end. A loop, because a `/\s+$/` regex
 * tries every start position and is quadratic on a long run of spaces.
 */
export function trimEndWhere(text: string, trimmed: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && trimmed(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

/** Whitespace and zero-width characters removed from both ends. */
export function trimLayout(text: string): string {
  let start = 0;
  while (start < text.length && isLayout(text[start])) start++;
  return trimEndWhere(text.slice(start), isLayout);
}

/** The last character (code point) of a string, or `''`. */
export function lastCharacter(text: string): string {
  const code = text.codePointAt(text.length - 1);
  if (code === undefined) return '';
  if (code >= 0xdc00 && code <= 0xdfff && text.length >= 2) return text.slice(-2);
  return text.slice(-1);
}

/** The first character (code point) of a string, or `''`. */
export function firstCharacter(text: string): string {
  const code = text.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** How wide a text is set: a CJK character takes two half-width units, anything else one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char) ? 2 : 1;
  return width;
}

/** A table's or figure's caption: `表2GMSK系统主要参数`, `图5 误码率统计`, `Fig 2 Structure`. */
export const CAPTION = /^(?:表|图|圖|Table|Fig\.?|Figure)\s*\d/i;

/**
 * A row of a table that text extraction laid out with spaces (`pdftotext -layout`): two gaps of three
 * spaces or more between its cells (`（一）予以公开      0    0      0`). Neither a heading nor an item.
 */
export function isLayoutRow(text: string): boolean {
  return /\S {3,}\S(?:.*?)\S {3,}\S/.test(text.split('\n')[0] ?? '');
}
