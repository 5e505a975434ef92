/**
 * One sheet per document table: the table's grid with merged cells for its spans, header rows
 * styled and frozen, and numbers as numbers. Whether a cell is a number is decided by its column:
 * a column is numeric when every body cell in it is a number or a dash; one word, one `001` or one
 * phone number keeps the whole column text, and so does a column of years or codes.
 */
import { EXIT, type Nodes, type PlacedCell, tableGrid, toText, visit } from '@wenshu/parser';
import type { Labels } from './labels.js';
import { type Cell, type CellRange, lazyRows, type SheetModel, type SheetRow } from './model.js';
import { type CellNumber, looksLikeYear, parseCellNumber } from './numbers.js';
import type { SheetNames } from './sheet-names.js';
import { displayWidth, LINE_HEIGHT, MAX_ROW_HEIGHT, rowHeight, wrappedLines } from './text-width.js';

/** A table column's width in characters, fitted to its cells between these (as `columnWidth`). */
const WIDTH_MIN = 6;
const WIDTH_MAX = 40;

import type { TableEntry } from './walk.js';

/**
 * The caption to name the table by, `null` when it has none. A caption written as a paragraph
 * above the table (`表1 …`) is the table's caption by then: the parser's `tableCaptions` pass.
 */
export function tableCaption(entry: TableEntry): string | null {
  if (!entry.table.caption || entry.table.caption.length === 0) return null;
  const caption = toText({ type: 'paragraph', children: entry.table.caption }).trim();
  return caption === '' ? null : caption;
}

/** Header words of a column whose values are labels even when they are digits: years, dates, codes, phone numbers. */
const TEXT_COLUMN =
  /年份|年度|^年$|日期|时间|月份|编码|代码|代号|编号|邮编|电话|手机|证号|身份证|账号|学号|工号|year|date|code|phone|^id$/i;

export interface TableSheet {
  sheet: SheetModel;
  /** The full caption (a sheet name is cut at 31 characters), `null` when the table has none. */
  caption: string | null;
  /** Cells whose span had to be clipped. */
  clipped: number;
}

/**
 * A cell holding a TeX formula keeps its TeX as text: `$0.98$` or `$-1$` is a formula a reader typeset, not
 * an amount to add up, and its TeX is what can be pasted back into a document.
 */
function holdsMath(node: Nodes): boolean {
  let found = false;
  visit(node, (child) => {
    if (child.type !== 'inlineMath' && child.type !== 'math') return undefined;
    found = true;
    return EXIT;
  });
  return found;
}

/** What decides a column numeric, gathered cell by cell (see {@link tableSheet}). */
interface ColumnKinds {
  /** A single body cell in it is a number. */
  number: boolean;
  /** Every single body cell in it is a number or empty. */
  allNumbers: boolean;
  /** Every number in it looks like a year (the first column of row labels). */
  allYears: boolean;
}

/**
 * The table as a sheet. Its rows are made on demand, one at a time while the sheet is written
 * (`lazyRows`): a table of 160,000 rows held as one grid of cells, each with its text, number and
 * line widths, took over a gigabyte beside its tree. What a row needs from the whole table —
 * whether a column is numeric, the column widths, the heights a merged cell adds to the rows it
 * covers — is gathered first in passes that keep only per-column and per-merged-row figures.
 */
export function tableSheet(entry: TableEntry, names: SheetNames, labels: Labels): TableSheet {
  const caption = tableCaption(entry);
  const name = names.unique(caption ?? '', labels.table(entry.index));
  const grid = tableGrid(entry.table);
  const cellText = (placed: PlacedCell) => toText(placed.cell).trim();
  const headerRows = Math.min(Math.max(0, entry.table.headerRows), grid.rows);
  const isHeader = (placed: PlacedCell) => placed.row < headerRows || placed.cell.header;
  const cellNumber = (placed: PlacedCell, written: string): CellNumber =>
    holdsMath(placed.cell) ? { kind: 'text' } : parseCellNumber(written);

  // Per column, from its single (not spanning) cells: widths from all, numeric kinds from the body.
  const kinds: ColumnKinds[] = Array.from({ length: grid.columns }, () => ({
    number: false,
    allNumbers: true,
    allYears: true,
  }));
  const widest: number[] = Array(grid.columns).fill(0);
  const headers: { placed: PlacedCell; text: string }[] = [];
  for (const placed of grid.cells) {
    const written = cellText(placed);
    if (isHeader(placed)) headers.push({ placed, text: written });
    if (placed.colSpan !== 1) continue;
    const column = placed.column;
    if ((widest[column] ?? 0) < WIDTH_MAX) {
      for (const line of written.split('\n')) widest[column] = Math.max(widest[column] ?? 0, displayWidth(line));
    }
    if (isHeader(placed)) continue;
    const kind = kinds[column] as ColumnKinds;
    const number = cellNumber(placed, written);
    if (number.kind === 'number') {
      kind.number = true;
      if (!looksLikeYear(written)) kind.allYears = false;
    } else if (number.kind !== 'empty') kind.allNumbers = false;
  }
  const widths = widest.map((width) => Math.min(WIDTH_MAX, Math.max(WIDTH_MIN, width + 2)));
  // Header words of a column whose values are labels even when they are digits; the first column of
  // row labels is text when it holds only years (2019, 2020…).
  const header = (column: number) =>
    headers
      .filter(({ placed }) => placed.column <= column && column < placed.column + placed.colSpan)
      .map(({ text }) => text)
      .join(' ');
  const numeric = kinds.map((kind, column) => {
    const labelColumn = TEXT_COLUMN.test(header(column).replace(/\s+/g, '')) || (column === 0 && kind.allYears);
    return kind.number && kind.allNumbers && !labelColumn;
  });

  // Spanning cells share their text among rows and columns: only single cells size a row.
  const singleLines = (row: number): { text: string; width: number }[] => {
    const lines: { text: string; width: number }[] = [];
    const seen = new Set<PlacedCell>();
    for (const placed of grid.positions[row] ?? []) {
      if (!placed || seen.has(placed)) continue;
      seen.add(placed);
      if (placed.row !== row || placed.rowSpan !== 1 || placed.colSpan !== 1) continue;
      lines.push({ text: cellText(placed), width: widths[placed.column] ?? 10 });
    }
    return lines;
  };
  // A merged cell's text wraps in the merged width and needs the height of the rows it covers
  // together: Excel and LibreOffice keep stored heights until the cell is edited, so a long merged
  // cell showed one clipped line (issue 16). What is missing goes evenly to the rows it covers.
  // Only the rows merged cells cover are kept here; every other row's height is made with the row.
  const merges: CellRange[] = [];
  const mergedHeights = new Map<number, number | undefined>();
  const heightOf = (row: number) => {
    if (!mergedHeights.has(row)) mergedHeights.set(row, rowHeight(singleLines(row)));
    return mergedHeights.get(row);
  };
  for (const placed of grid.cells) {
    if (placed.rowSpan === 1 && placed.colSpan === 1) continue;
    merges.push({
      top: placed.row + 1,
      left: placed.column + 1,
      bottom: placed.row + placed.rowSpan,
      right: placed.column + placed.colSpan,
    });
    const text = cellText(placed);
    if (text === '') continue;
    let width = 0;
    for (let c = placed.column; c < placed.column + placed.colSpan; c++) width += widths[c] ?? 10;
    const needed = Math.min(MAX_ROW_HEIGHT * placed.rowSpan, wrappedLines(text, width) * LINE_HEIGHT);
    let have = 0;
    for (let r = placed.row; r < placed.row + placed.rowSpan; r++) have += heightOf(r) ?? LINE_HEIGHT;
    if (needed <= have + 0.05) continue;
    const add = (needed - have) / placed.rowSpan;
    for (let r = placed.row; r < placed.row + placed.rowSpan; r++) {
      mergedHeights.set(r, Math.min(MAX_ROW_HEIGHT, Math.round(((heightOf(r) ?? LINE_HEIGHT) + add) * 10) / 10));
    }
  }

  /** Row `row` of the sheet: each position's cell, the covered positions of a merge styled as its first cell. */
  const makeRow = (row: number): SheetRow => {
    const line: (Cell | null)[] = Array(grid.columns).fill(null);
    (grid.positions[row] ?? []).forEach((placed, column) => {
      if (!placed) return;
      const style = isHeader(placed) ? 'tableHeader' : 'tableBody';
      // The covered positions get the style too, so the merged area is bordered all round.
      if (placed.row !== row || placed.column !== column) {
        line[column] = { value: null, style };
        return;
      }
      const written = cellText(placed);
      let cell: Cell = { value: written, style };
      if (!isHeader(placed) && numeric[placed.column] && placed.colSpan === 1) {
        const number = cellNumber(placed, written);
        if (number.kind === 'number') cell = { value: number.value, style, numFmt: number.numFmt };
        else if (number.kind === 'empty') cell = { value: null, style };
      }
      line[column] = cell;
    });
    const height = mergedHeights.has(row) ? mergedHeights.get(row) : rowHeight(singleLines(row));
    const start = entry.table.children[row]?.position?.start.line;
    const at = start === undefined ? {} : { line: start };
    return height === undefined ? { cells: line, ...at } : { cells: line, height, ...at };
  };
  const rows = lazyRows(function* () {
    for (let row = 0; row < grid.rows; row++) yield makeRow(row);
  });

  const sheet: SheetModel = {
    name,
    columns: widths,
    rows,
    rowCount: grid.rows,
    merges,
    frozenRows: headerRows,
  };
  if (headerRows > 0 && grid.rows > headerRows && grid.columns > 0) {
    sheet.autoFilter = { top: headerRows, left: 1, bottom: grid.rows, right: grid.columns };
  }
  return { sheet, caption, clipped: grid.clipped };
}
