/**
 * Runs: what the phrasing handlers produce. A run is text in one style, before faces are chosen:
 * it names a font role, and `shape` turns runs into pieces drawn with real faces.
 */
import type { Image, Position } from '@wenshu/parser';
import type { PdfFontRole } from '../fonts/candidates.js';
import type { CanvasPath } from '../pdf/definition.js';

/** Formatting inherited from the inline wrappers around a run. */
export interface RunStyle {
  /** A face other than the block's: inline code (`mono`), emphasis (楷), run-in titles. */
  role?: PdfFontRole;
  bold?: boolean;
  sup?: boolean;
  sub?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** `<mark>`: a highlighter background. */
  mark?: boolean;
  /** An external link. */
  link?: string;
  /** A link to a destination in the document (a footnote). */
  destination?: string;
  color?: string;
  /** Code: spaces are kept as written. */
  verbatim?: boolean;
}

/**
 * An inline formula typeset: one unbreakable unit of the line, `width` wide, reaching `ascent` above
 * the baseline and `depth` below it (pt). Its paths are placed from its left end on the baseline;
 * its TeX is the text under the drawing (see `handlers/math.ts`).
 */
export interface MathRun {
  kind: 'math';
  tex: string;
  width: number;
  ascent: number;
  depth: number;
  vectors: CanvasPath[];
  style: RunStyle;
}

export type Run =
  | { kind: 'text'; text: string; style: RunStyle; position?: Position }
  | { kind: 'break' }
  | { kind: 'image'; node: Image }
  | MathRun;

export function textRun(text: string, style: RunStyle, position?: Position): Run {
  return position ? { kind: 'text', text, style, position } : { kind: 'text', text, style };
}
