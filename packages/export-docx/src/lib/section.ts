/**
 * Page setup and page numbers: `w:sectPr` (page size, margins, character grid) and the footers.
 */

import { mmToTwip, ptToMm, ptToTwip, type Theme } from '@wenshu/theme';
import {
  AlignmentType,
  DocumentGridType,
  Footer,
  type ISectionOptions,
  type ISectionPropertiesOptions,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import type { ReferencePage } from './reference.js';
import type { StyleIds } from './styles.js';

/** The text width as Word sees it: page and margins each rounded to twips, in points. */
export function textWidthPt(theme: Theme): number {
  const { widthMm, margin } = theme.page;
  return (mmToTwip(widthMm) - mmToTwip(margin.leftMm) - mmToTwip(margin.rightMm)) / 20;
}

/**
 * The document grid of a theme that has one: a `lines` grid of the theme's line pitch (gov: 28.95
 * pt = 579 twips, 22 lines), without characters. A `linesAndChars` grid would draw characters at a
 * pitch of the Normal style's size plus `charSpace`/4096 pt, but even with `snapToGrid` off
 * LibreOffice lays paragraphs out in those cells: it set the seed at 27 characters a line (25
 * after the indent) and on 22 pages against the PDF's 21 (issue 15); with the `lines` grid it sets
 * 28, as the PDF does. The 28 characters come from the condensed character spacing instead: see
 * `gridCharacterSpacing` in styles.ts.
 */
export function documentGrid(theme: Theme): { type: 'lines'; linePitch: number } | undefined {
  const grid = theme.page.grid;
  if (!grid) return undefined;
  return { type: DocumentGridType.LINES, linePitch: ptToTwip(grid.linePitchPt) };
}

/**
 * How far below the top of its one-em line the ink of a dash lies, in ems: GB/T 9704 7.5 measures
 * the page number's 7 mm to the dashes (一字线上距版心下边缘7mm), as the PDF does. Measured in
 * LibreOffice (Noto Serif CJK SC standing in for 宋体: 0.5 em); SimSun's metrics (ascent 0.86 em,
 * the dash 0.43 em above the baseline) give 0.43 em, 0.3 mm away at 14 pt.
 */
const DASH_DROP_EM = 0.5;

/**
 * Where the footer goes. Word's `w:footer` is the distance from the bottom edge of the page to the
 * bottom of the footer's last line; the theme gives the distance from the body area down to the
 * page number (to its dashes' ink, when it has them), whose line is one em tall (the Footer
 * style's exact spacing). gov: 35 mm − (7 mm − 7 pt) − 14 pt (4.94 mm) = 25.53 mm.
 */
export function footerDistanceTwips(theme: Theme): number {
  const number = theme.pageNumber;
  const drop = number.format === 'dashes' ? ptToMm(DASH_DROP_EM * number.sizePt) : 0;
  return Math.max(0, mmToTwip(theme.page.margin.bottomMm - (number.belowBodyMm - drop) - ptToMm(number.sizePt)));
}

function pageNumberRun(theme: Theme): TextRun {
  const children = theme.pageNumber.format === 'dashes' ? ['— ', PageNumber.CURRENT, ' —'] : [PageNumber.CURRENT];
  return new TextRun({ children });
}

/** The footers: one centred number, or outside numbers (odd right, even left) `outsideIndentChars` in. */
export function footers(
  theme: Theme,
  ids: StyleIds,
): { footers: NonNullable<ISectionOptions['footers']>; evenAndOdd: boolean } {
  const number = theme.pageNumber;
  if (number.position === 'center') {
    return {
      footers: {
        default: new Footer({
          children: [
            new Paragraph({ style: ids.footer, alignment: AlignmentType.CENTER, children: [pageNumberRun(theme)] }),
          ],
        }),
      },
      evenAndOdd: false,
    };
  }
  const inset = ptToTwip(number.outsideIndentChars * number.sizePt);
  return {
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            style: ids.footer,
            alignment: AlignmentType.RIGHT,
            indent: { right: inset },
            children: [pageNumberRun(theme)],
          }),
        ],
      }),
      even: new Footer({
        children: [
          new Paragraph({
            style: ids.footer,
            alignment: AlignmentType.LEFT,
            indent: { left: inset },
            children: [pageNumberRun(theme)],
          }),
        ],
      }),
    },
    evenAndOdd: true,
  };
}

/** Section properties from the theme, or from a reference document's page setup where it has one. */
export function sectionProperties(theme: Theme, reference?: ReferencePage): ISectionPropertiesOptions {
  const { page } = theme;
  const grid = documentGrid(theme);
  const themed: ISectionPropertiesOptions = {
    page: {
      size: { width: mmToTwip(page.widthMm), height: mmToTwip(page.heightMm) },
      margin: {
        top: mmToTwip(page.margin.topMm),
        bottom: mmToTwip(page.margin.bottomMm),
        left: mmToTwip(page.margin.leftMm),
        right: mmToTwip(page.margin.rightMm),
        header: mmToTwip(page.headerMm),
        footer: footerDistanceTwips(theme),
        gutter: 0,
      },
    },
    ...(grid ? { grid } : {}),
  };
  if (!reference) return themed;
  const margin = reference.margin;
  return {
    page: {
      size: reference.size ?? themed.page?.size ?? {},
      margin: margin
        ? {
            top: margin.top,
            right: margin.right,
            bottom: margin.bottom,
            left: margin.left,
            header: margin.header ?? mmToTwip(page.headerMm),
            footer: margin.footer ?? footerDistanceTwips(theme),
            gutter: margin.gutter ?? 0,
          }
        : (themed.page?.margin ?? {}),
    },
    ...(reference.grid
      ? { grid: reference.grid as ISectionPropertiesOptions['grid'] }
      : grid && !reference.margin
        ? { grid }
        : {}),
  };
}

/** The text width in twips that tables and pictures must fit, for the section actually written. */
export function sectionTextWidth(properties: ISectionPropertiesOptions): number {
  const width = Number(properties.page?.size?.width ?? 11906);
  const left = Number(properties.page?.margin?.left ?? 1440);
  const right = Number(properties.page?.margin?.right ?? 1440);
  return width - left - right;
}
