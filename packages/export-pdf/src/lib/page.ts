/**
 * The page: size and margins from the theme, the character grid, block styles in points, and the
 * page numbers in the footer.
 */
import { type LineSpacing, lineHeightPt, mmToPt, type TextStyle, type Theme } from '@wenshu/theme';
import type { PdfFontRole } from './fonts/candidates.js';
import type { Content, Margin } from './pdf/definition.js';

export interface Geometry {
  widthPt: number;
  heightPt: number;
  /** Left, top, right, bottom. */
  margins: Margin;
  /** The body area's width: what lines are set to. */
  bodyWidthPt: number;
  bodyHeightPt: number;
}

export function geometry(theme: Theme): Geometry {
  const { widthMm, heightMm, margin } = theme.page;
  const margins: Margin = [
    mmToPt(margin.leftMm),
    mmToPt(margin.topMm),
    mmToPt(margin.rightMm),
    mmToPt(margin.bottomMm),
  ];
  return {
    widthPt: mmToPt(widthMm),
    heightPt: mmToPt(heightMm),
    margins,
    bodyWidthPt: mmToPt(widthMm - margin.leftMm - margin.rightMm),
    bodyHeightPt: mmToPt(heightMm - margin.topMm - margin.bottomMm),
  };
}

/**
 * The spacing between characters that puts `charsPerLine` characters of body text on a line of
 * the body width, as Word's `linesAndChars` grid does, for text of the body's size (other sizes
 * are not on the grid). gov: the body is 156 mm = 442.205 pt wide; 442.205 / 28 = 15.793 pt a
 * character; 15.793 − 16 (三号) = −0.207 pt. (Word's grid for the same page: `w:charSpace` −842,
 * in 1/4096 pt of the twip-rounded width, −0.206 pt.)
 */
export function gridSpacing(theme: Theme, sizePt: number): number {
  const grid = theme.page.grid;
  if (!grid || sizePt !== theme.body.sizePt) return 0;
  return geometry(theme).bodyWidthPt / grid.charsPerLine - sizePt;
}

/** A block's look, in points. */
export interface BlockStyle {
  role: PdfFontRole;
  sizePt: number;
  bold: boolean;
  align: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent. */
  indentPt: number;
  beforePt: number;
  afterPt: number;
  /** Line pitch. */
  pitchPt: number;
  /** Character spacing of unjustified lines: the grid's, or 0. */
  spacingPt: number;
  /** A right indent (a signature stands two characters from the right margin), 0 when absent. */
  rightPt?: number;
  /** Keep numbers with their units, dates and Latin words on one line (table cells). */
  keepTokens?: boolean;
  /** A left indent of every line (the first line's `indentPt` is counted from it), 0 when absent. */
  leftPt?: number;
}

/** The line pitch of text of `sizePt` with `spacing` (the theme's rule: 1.2 em a single line). */
export function pitchOf(sizePt: number, spacing: LineSpacing): number {
  return lineHeightPt(sizePt, spacing);
}

export function blockStyle(theme: Theme, style: TextStyle, overrides: Partial<BlockStyle> = {}): BlockStyle {
  const spacingPt = gridSpacing(theme, style.sizePt);
  return {
    role: style.font,
    sizePt: style.sizePt,
    bold: style.bold,
    align: style.align,
    // On the grid an indent of two characters is two grid cells.
    indentPt: style.indentChars * (style.sizePt + spacingPt),
    beforePt: style.spaceBeforePt,
    afterPt: style.spaceAfterPt,
    pitchPt: pitchOf(style.sizePt, style.lineSpacing ?? theme.body.lineSpacing),
    spacingPt,
    ...overrides,
  };
}

/**
 * The page number in the bottom margin, `belowBodyMm` under the body area (to its dashes, when it
 * has them): centred (`report`), or
 * GB/T 9704's `— 1 —` on the outside (odd pages right, even pages left, `outsideIndentChars` in
 * from the body area's edge). pdfmake lays the footer out in a box as wide as the page from the
 * bottom margin's top edge down (LayoutBuilder.addDynamicRepeatable), so the margins here are
 * from the page edges.
 */
export function footerFor(
  theme: Theme,
  page: Geometry,
  number: (text: string, align: 'left' | 'center' | 'right') => Content,
  dashDropPt = 0,
): (currentPage: number) => Content {
  const style = theme.pageNumber;
  const [left, , right] = page.margins;
  // GB/T 9704 7.5 measures the 7 mm to the dashes (一字线上距版心下边缘7mm), not to the top of the
  // line box: `dashDropPt` is how far the dash's ink lies below the top of its line.
  const top = mmToPt(style.belowBodyMm) - (style.format === 'dashes' ? dashDropPt : 0);
  const inset = style.outsideIndentChars * style.sizePt;
  return (currentPage) => {
    const text = style.format === 'dashes' ? `— ${currentPage} —` : String(currentPage);
    if (style.position === 'center') return { stack: [number(text, 'center')], margin: [left, top, right, 0] };
    return currentPage % 2 === 1
      ? { stack: [number(text, 'right')], margin: [left, top, right + inset, 0] }
      : { stack: [number(text, 'left')], margin: [left + inset, top, right, 0] };
  };
}
