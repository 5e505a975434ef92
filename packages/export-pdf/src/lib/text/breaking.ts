/**
 * Where a line may break, by the rules of Chinese typesetting (GB/T 15834 punctuation and the
 * kinsoku rules of JIS X 4051 / W3C clreq "行首行尾禁则"): a line never starts with closing or
 * middle punctuation (，。、；：？！）》」』” and the like) and never ends with opening punctuation
 * (（《「『“ and the like); Han characters break anywhere else; Latin words and numbers break only
 * at spaces (and after a hyphen); the two halves of —— and …… stay together. The sets follow W3C
 * clreq §3.1.7 ("Prohibition Rules for Line Start and End").
 *
 * pdfmake breaks by UAX #14 (the `linebreak` package); wenshu lays out body text itself (see
 * `set.ts`) and uses these rules, which agree with UAX #14 on Chinese text and differ where UAX #14
 * is stricter than clreq (it never breaks on either side of “ ” in Han text, rule LB19).
 */

/** Break classes. */
export enum BreakClass {
  /** Spaces: a line may break after them, and they vanish at the break. */
  Space = 0,
  /** Glue: never break on either side (no-break space, word joiner). */
  Glue = 1,
  /** Zero-width space: a break opportunity. */
  ZeroWidth = 2,
  /** Han, kana, Hangul, full-width forms, emoji: break on either side. */
  Ideographic = 3,
  /** Wide closing and middle punctuation: never at a line start; a break may follow. */
  CloseWide = 4,
  /** Narrow (Latin) closing punctuation: never at a line start; part of the word before. */
  CloseNarrow = 5,
  /** Wide opening punctuation: never at a line end; a break may come before. */
  OpenWide = 6,
  /** Narrow opening punctuation: never at a line end; part of the word after. */
  OpenNarrow = 7,
  /** Letters, digits and everything else: words. */
  Alphabetic = 8,
  /** Dashes (—— and the two- and three-em dashes): never split, may start a line. */
  Pair = 9,
  /** Hyphen: a break may follow it inside a word. */
  Hyphen = 10,
  /** Closing quotes ’ ”: never at a line start; a break may follow only before Han text or an opening mark. */
  CloseQuote = 11,
}

const CLOSE_WIDE = new Set(
  Array.from(
    '，。、；：？！）］｝〕〉》」』】〙〗〟｠〞·・‧…‥―ー々〻ゝゞヽヾ゛゜ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ〜～％‰℃°′″﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞｡｣､･',
  ).map((c) => c.codePointAt(0) as number),
);
const CLOSE_NARROW = new Set(Array.from(',.;:?!)]}%').map((c) => c.codePointAt(0) as number));
const OPEN_WIDE = new Set(
  Array.from('（［｛〔〈《「『【〘〖〝｟‘“﹙﹛﹝｢￥＄£¥€').map((c) => c.codePointAt(0) as number),
);
const OPEN_NARROW = new Set(Array.from('([{$#').map((c) => c.codePointAt(0) as number));
/** Dashes: —— is never split, and may start a line (clreq §3.1.7 lists … ‥ ― among the closing marks instead). */
const PAIR = new Set([0x2014, 0x2e3a, 0x2e3b]);

function isIdeographic(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    (cp >= 0x2ff0 && cp <= 0x303f) ||
    (cp >= 0x3040 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0x2600 && cp <= 0x27bf)
  );
}

/** Classes of the Basic Multilingual Plane, as they are asked for (255: not yet). */
const CLASSES = new Uint8Array(0x10000).fill(255);

export function breakClass(cp: number): BreakClass {
  if (cp > 0xffff) return classify(cp);
  let known = CLASSES[cp] as number;
  if (known === 255) {
    known = classify(cp);
    CLASSES[cp] = known;
  }
  return known;
}

function classify(cp: number): BreakClass {
  if (cp === 0x20 || cp === 0x09) return BreakClass.Space;
  if (cp === 0x200b) return BreakClass.ZeroWidth;
  if (cp === 0xa0 || cp === 0x2060 || cp === 0x202f || cp === 0xfeff || cp === 0x2007) return BreakClass.Glue;
  if (cp === 0x2019 || cp === 0x201d) return BreakClass.CloseQuote;
  if (CLOSE_WIDE.has(cp)) return BreakClass.CloseWide;
  if (OPEN_WIDE.has(cp)) return BreakClass.OpenWide;
  if (PAIR.has(cp)) return BreakClass.Pair;
  if (CLOSE_NARROW.has(cp)) return BreakClass.CloseNarrow;
  if (OPEN_NARROW.has(cp)) return BreakClass.OpenNarrow;
  if (cp === 0x2d || cp === 0x2010) return BreakClass.Hyphen;
  if (isIdeographic(cp)) return BreakClass.Ideographic;
  return BreakClass.Alphabetic;
}

/**
 * Combining marks, variation selectors, joiners and emoji modifiers belong to the character
 * before them: same face, same cluster, never a break before them.
 */
export function attachesToPrevious(cp: number): boolean {
  if (cp < 0x300) return false;
  // Called for every character of a report: the answer is kept (0 unknown, 1 no, 2 yes).
  const known = cp < ATTACHES.length ? (ATTACHES[cp] as number) : 0;
  if (known !== 0) return known === 2;
  const attaches =
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp === 0x200d ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    /\p{M}/u.test(String.fromCodePoint(cp));
  if (cp < ATTACHES.length) ATTACHES[cp] = attaches ? 2 : 1;
  return attaches;
}

const ATTACHES = new Uint8Array(0x10000);

function isLetter(cp: number): boolean {
  return /\p{L}/u.test(String.fromCodePoint(cp));
}

/** Whether a line may break between a character of class `a` (code point `prev`) and the next, `next`. */
export function canBreak(prev: number, a: BreakClass, next: number, b: BreakClass): boolean {
  if (b === BreakClass.Space) return false;
  if (b === BreakClass.CloseWide || b === BreakClass.CloseNarrow || b === BreakClass.CloseQuote) return false;
  if (a === BreakClass.Space) return true;
  if (a === BreakClass.OpenWide || a === BreakClass.OpenNarrow) return false;
  if (a === BreakClass.Glue || b === BreakClass.Glue) return false;
  if (a === BreakClass.ZeroWidth) return true;
  if (a === BreakClass.Pair && b === BreakClass.Pair) return prev !== next;
  if (a === BreakClass.Ideographic || b === BreakClass.Ideographic) return true;
  if (a === BreakClass.CloseWide || b === BreakClass.OpenWide) return true;
  if (a === BreakClass.Pair || b === BreakClass.Pair) return true;
  if (a === BreakClass.Hyphen) return isLetter(next);
  return false;
}
