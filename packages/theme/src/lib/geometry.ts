/** Quantities derived from a theme's page geometry. */
import type { LineSpacing, Theme } from './types.js';

/** The body area (the page less its margins), in millimetres: 156 × 225 for `gov`. */
export function bodyArea(theme: Theme): { widthMm: number; heightMm: number } {
  const { widthMm, heightMm, margin } = theme.page;
  return { widthMm: widthMm - margin.leftMm - margin.rightMm, heightMm: heightMm - margin.topMm - margin.bottomMm };
}

/** The height of one line of text of `sizePt` with `spacing`, in points (a multiple of 1.2 em for single). */
export function lineHeightPt(sizePt: number, spacing: LineSpacing): number {
  return 'exactPt' in spacing ? spacing.exactPt : sizePt * 1.2 * spacing.multiple;
}
