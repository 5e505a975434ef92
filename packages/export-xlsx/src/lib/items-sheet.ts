/**
 * The items sheet: one row per numbered item (section, marker, number, run-in title, body,
 * character count), and the paragraphs outside items as rows with an empty marker, in document
 * order. This is the sheet analysts filter and sort, so it has a frozen header and an autofilter.
 */
import type { Labels } from './labels.js';
import { type Cell, lazyRows, num, type SheetModel, type SheetRow, text } from './model.js';
import { characterCount, columnWidth, rowHeight } from './text-width.js';
import type { Passage } from './walk.js';

/** The rows of the items sheet: items and paragraphs, not headings (they are the section column). */
export function itemPassages(passages: readonly Passage[]): Passage[] {
  return passages.filter((passage) => passage.kind !== 'heading');
}

export function itemsSheet(passages: readonly Passage[], labels: Labels): SheetModel {
  const rows = itemPassages(passages);
  const names = labels.items;
  const widths = [
    columnWidth(
      rows.map((row) => row.section),
      10,
      30,
    ),
    columnWidth([names.marker, ...rows.map((row) => row.marker)], 6, 10),
    columnWidth([names.number], 6, 10),
    columnWidth(
      rows.map((row) => row.title),
      16,
      40,
    ),
    // The body is long prose: a wide column that wraps.
    80,
    columnWidth([names.characters], 8, 12),
  ] as const;

  const header: SheetRow = {
    cells: [names.section, names.marker, names.number, names.title, names.body, names.characters].map((name) =>
      text(name, 'header'),
    ),
  };
  const row = (passage: Passage): SheetRow => {
    const cells: Cell[] = [
      text(passage.section),
      text(passage.marker, 'plain'),
      num(passage.number),
      text(passage.title),
      text(passage.body),
      num(characterCount(passage.title) + characterCount(passage.body)),
    ];
    const height = rowHeight([
      { text: passage.section, width: widths[0] },
      { text: passage.title, width: widths[3] },
      { text: passage.body, width: widths[4] },
    ]);
    const at = passage.line === undefined ? {} : { line: passage.line };
    return height === undefined ? { cells, ...at } : { cells, height, ...at };
  };

  return {
    name: labels.sheets.items,
    columns: [...widths],
    rows: lazyRows(function* () {
      yield header;
      for (const passage of rows) yield row(passage);
    }),
    rowCount: rows.length + 1,
    merges: [],
    frozenRows: 1,
    autoFilter: { top: 1, left: 1, bottom: rows.length + 1, right: widths.length },
  };
}
