/**
 * Glyphs placed as pdfmake and PDF place them, for the line-setting suites: pdfmake puts each inline
 * at the sum of the widths it measures before it (`advances + Tc × (units − 1)`, unscaled), PDF adds
 * `Tc` after every glyph, and a glyph drawn as a path (a squeezed mark, ——) keeps its text invisible,
 * scaled (PDF `Tz`) to the room it takes, its outline drawn from the path's origin.
 */
import type { Inline } from '../src/lib/pdf/definition.js';

export interface Glyph {
  char: string;
  /** The box a reader gives the glyph (its text), from `x` to `x + width`. */
  x: number;
  width: number;
  /** Where the glyph's ink is drawn from (its origin). */
  origin: number;
}

/** The glyphs of a line's inlines, with `advance(char)` the width of a character at its size (pt). */
export function placeGlyphs(line: readonly Inline[], advance: (char: string) => number): Glyph[] {
  const glyphs: Glyph[] = [];
  let x = 0;
  for (const inline of line) {
    const tc = inline.characterSpacing ?? 0;
    const scale = (inline.horizontalScaling ?? 100) / 100;
    const chars = Array.from(inline.text);
    let at = x;
    for (const char of chars) {
      const width = advance(char) * scale;
      const origin = inline.vectors ? at + (inline.vectors[0]?.x ?? 0) : at;
      glyphs.push({ char, x: at, width, origin });
      at += width + tc;
    }
    x += chars.reduce((sum, char) => sum + advance(char), 0) + tc * (inline.text.length - 1);
  }
  return glyphs;
}
