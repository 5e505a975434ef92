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
 * An inline formula typeset (see `handlers/math.ts`): MathJax's drawing, sized in em of the text it
 * stands in (known only when the block is set: a heading's runs are made before its size is chosen),
 * and its TeX, the text under the drawing.
 */
export interface MathRun {
  kind: 'math';
  tex: string;
  drawing: MathDrawing;
  style: RunStyle;
}

/** A formula drawn: its size in em, and its glyphs in thousandths of an em from its top left. */
export interface MathDrawing {
  width: number;
  height: number;
  /** How far it reaches below the baseline. */
  depth: number;
  glyphs: NonNullable<CanvasPath['glyphs']>;
}

/** The colour of a link's text (and of a formula in a link). */
export const LINK_COLOR = '#0563c1';

export type Run =
  | { kind: 'text'; text: string; style: RunStyle; position?: Position }
  | { kind: 'break' }
  | { kind: 'image'; node: Image }
  | MathRun;

export function textRun(text: string, style: RunStyle, position?: Position): Run {
  return position ? { kind: 'text', text, style, position } : { kind: 'text', text, style };
}
