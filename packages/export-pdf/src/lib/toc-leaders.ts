/**
 * Dot leaders of the table of contents: a dotted line from the end of an entry to its page number,
 * as Word draws the TOC's tab leader (`w:leader="dot"`, which the DOCX's TOC entries carry), so the
 * two outputs look alike. pdfmake has no tab leaders: the line is a canvas in the cell between the
 * entry and the number, as long as the room the entry leaves on its line, worked out from the
 * widths of the entry's glyphs.
 */
import type { Content } from './pdf/definition.js';
import type { Shaped } from './text/shape.js';

/** The page number's column, in ems of the entry's size: room for pdfmake's five-digit placeholder. */
export const NUMBER_COLUMN_EM = 3.5;

/** Space left free at each end of a leader, in points. */
const LEADER_GAP_PT = 3;

/** Room left to the entry beyond its measured width (pdfmake's own measure may round up), in points. */
export const ENTRY_SLACK_PT = 2;

/** The width of shaped text on one line, in points (no letter-spacing: the TOC sets none). */
export function shapedWidth(shaped: readonly Shaped[]): number {
  let width = 0;
  for (const piece of shaped) {
    if (piece.kind !== 'text') continue;
    for (const char of piece.text) {
      width += (piece.face.advance(char.codePointAt(0) as number) / piece.face.unitsPerEm) * piece.sizePt;
    }
  }
  return width;
}

/**
 * The leader between an entry `entryPt` wide (its indent included) and its page number, on a line
 * `lineWidthPt` wide whose number column is `numberPt`: a dotted line on the baseline (`baselinePt`
 * under the line's top), or `null` when the entry takes the line.
 */
export function leader(lineWidthPt: number, entryPt: number, numberPt: number, baselinePt: number): Content | null {
  const length = lineWidthPt - entryPt - numberPt - 2 * LEADER_GAP_PT;
  if (length < 2 * LEADER_GAP_PT) return null;
  return {
    canvas: [
      {
        type: 'line',
        x1: LEADER_GAP_PT,
        y1: baselinePt,
        x2: LEADER_GAP_PT + length,
        y2: baselinePt,
        lineWidth: 0.8,
        lineCap: 'round',
        dash: { length: 0.01, space: 3 },
        lineColor: '#000000',
      },
    ],
  };
}
