/**
 * What a figure is: a quantity in running text, with what it measures where the sentence says it.
 * - `value`: an amount or a level (`8万人`, `345亿元`, `99%`).
 * - `growth`: a change (`同比增长62%` → 62, `下降6.1%` → −6.1, `提高5.3个百分点`).
 * - `rank`: a place in a ranking (`居全省第二` → 2 with scope `全省`).
 */
export type FigureKind = 'value' | 'growth' | 'rank';

export interface Figure {
  kind: FigureKind;
  /** The number, signed for decreases; in the unit as written (`8万人` is 8 with unit `万人`). */
  value: number;
  /** The unit as written (`万亩`, `亿元`, `%`, `个百分点`); `''` for ranks. */
  unit: string;
  /** A bound or approximation: `以上`, `余`, `多`, `近`, `约`, `超过`, `前` (top N); `''` for none. */
  qualifier: string;
  /** Where a rank (or a figure) holds: `全省`, `全国重点城市`; `''` when the sentence does not say. */
  scope: string;
  /** What the figure measures, from the words before it (or after it): `引进青年人才`; may be `''`. */
  subject: string;
  /** The figure as written in the text: `8万人以上`, `居全省第二`. */
  text: string;
  /** The sentence it is in. */
  sentence: string;
  /** UTF-16 offsets of `text` in `sentence`. */
  start: number;
  end: number;
}
