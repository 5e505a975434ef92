/**
 * One sheet per document table: the table's grid with merged cells for its spans, header rows
 * styled and frozen, and numbers as numbers. Whether a cell is a number is decided by its column:
 * a column is numeric when every body cell in it is a number or a dash; one word, one `001` or one
 * phone number keeps the whole column text, and so does a column of years or codes.
 */
import { EXIT, type Nodes, type PlacedCell, tableGrid, toText, visit } from '@wenshu/parser';
import type { Labels } from './labels.js';
import type { Cell, CellRange, SheetModel, SheetRow } from './model.js';
import { type CellNumber, looksLikeYear, parseCellNumber } from './numbers.js';
import type { SheetNames } from './sheet-names.js';
import { columnWidth, LINE_HEIGHT, MAX_ROW_HEIGHT, rowHeight, wrappedLines } from './text-width.js';
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

/**
 * Which columns are numeric, from each column's single (not spanning) body cells. `header(c)` is
 * the text of the header cells above column `c`. The first column of row labels is text when it
 * holds only years (`2019`, `2020`…).
 */
function numericColumns(
  bodyColumns: readonly PlacedCell[][],
  parsed: ReadonlyMap<PlacedCell, CellNumber>,
  header: (column: number) => string,
  cellText: (placed: PlacedCell) => string,
): boolean[] {
  return bodyColumns.map((cells, column) => {
    const kinds = cells.map((placed) => (parsed.get(placed) as CellNumber).kind);
    const numbers = cells.filter((_, index) => kinds[index] === 'number');
    const allNumbers = numbers.length > 0 && kinds.every((kind) => kind === 'number' || kind === 'empty');
    const labelColumn =
      TEXT_COLUMN.test(header(column).replace(/\s+/g, '')) ||
      (column === 0 && numbers.every((placed) => looksLikeYear(cellText(placed))));
    return allNumbers && !labelColumn;
  });
}

/** The cells that cover one column only, column by column. */
function singleCellsByColumn(cells: readonly PlacedCell[], columns: number): PlacedCell[][] {
  const out: PlacedCell[][] = Array.from({ length: columns }, () => []);
  for (const placed of cells) if (placed.colSpan === 1) out[placed.column]?.push(placed);
  return out;
}

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

export function tableSheet(entry: TableEntry, names: SheetNames, labels: Labels): TableSheet {
  const caption = tableCaption(entry);
  const name = names.unique(caption ?? '', labels.table(entry.index));
  const grid = tableGrid(entry.table);
  const texts = new Map(grid.cells.map((placed) => [placed, toText(placed.cell).trim()] as const));
  const cellText = (placed: PlacedCell) => texts.get(placed) ?? '';
  const headerRows = Math.min(Math.max(0, entry.table.headerRows), grid.rows);
  const isHeader = (placed: PlacedCell) => placed.row < headerRows || placed.cell.header;

  const body = grid.cells.filter((placed) => !isHeader(placed));
  const parsed = new Map(
    body.map((placed) => {
      const number: CellNumber = holdsMath(placed.cell) ? { kind: 'text' } : parseCellNumber(cellText(placed));
      return [placed, number] as const;
    }),
  );
  const headers = grid.cells.filter(isHeader);
  const header = (column: number) =>
    headers
      .filter((placed) => placed.column <= column && column < placed.column + placed.colSpan)
      .map(cellText)
      .join(' ');
  const numeric = numericColumns(singleCellsByColumn(body, grid.columns), parsed, header, cellText);
  const widths = singleCellsByColumn(grid.cells, grid.columns).map((cells) => columnWidth(cells.map(cellText), 6, 40));

  const cells: (Cell | null)[][] = Array.from({ length: grid.rows }, () => Array(grid.columns).fill(null));
  const merges: CellRange[] = [];
  for (const placed of grid.cells) {
    const style = isHeader(placed) ? 'tableHeader' : 'tableBody';
    const written = cellText(placed);
    const number = parsed.get(placed);
    let cell: Cell = { value: written, style };
    if (number && numeric[placed.column] && placed.colSpan === 1) {
      if (number.kind === 'number') cell = { value: number.value, style, numFmt: number.numFmt };
      else if (number.kind === 'empty') cell = { value: null, style };
    }
    // The covered positions get the style too, so the merged area is bordered all round.
    for (let r = 0; r < placed.rowSpan; r++) {
      for (let k = 0; k < placed.colSpan; k++) {
        (cells[placed.row + r] as (Cell | null)[])[placed.column + k] =
          r === 0 && k === 0 ? cell : { value: null, style };
      }
    }
    if (placed.rowSpan > 1 || placed.colSpan > 1) {
      merges.push({
        top: placed.row + 1,
        left: placed.column + 1,
        bottom: placed.row + placed.rowSpan,
        right: placed.column + placed.colSpan,
      });
    }
  }

  // Spanning cells share their text among rows and columns: only single cells size a row.
  const lines: { text: string; width: number }[][] = Array.from({ length: grid.rows }, () => []);
  for (const placed of grid.cells) {
    if (placed.rowSpan !== 1 || placed.colSpan !== 1) continue;
    lines[placed.row]?.push({ text: cellText(placed), width: widths[placed.column] ?? 10 });
  }
  const heights = lines.map((line) => rowHeight(line));
  // A merged cell's text wraps in the merged width and needs the height of the rows it covers
  // together: Excel and LibreOffice keep stored heights until the cell is edited, so a long merged
  // cell showed one clipped line (issue 16). What is missing goes evenly to the rows it covers.
  for (const placed of grid.cells) {
    if (placed.rowSpan === 1 && placed.colSpan === 1) continue;
    const text = cellText(placed);
    if (text === '') continue;
    let width = 0;
    for (let c = placed.column; c < placed.column + placed.colSpan; c++) width += widths[c] ?? 10;
    const needed = Math.min(MAX_ROW_HEIGHT * placed.rowSpan, wrappedLines(text, width) * LINE_HEIGHT);
    let have = 0;
    for (let r = placed.row; r < placed.row + placed.rowSpan; r++) have += heights[r] ?? LINE_HEIGHT;
    if (needed <= have + 0.05) continue;
    const add = (needed - have) / placed.rowSpan;
    for (let r = placed.row; r < placed.row + placed.rowSpan; r++) {
      heights[r] = Math.min(MAX_ROW_HEIGHT, Math.round(((heights[r] ?? LINE_HEIGHT) + add) * 10) / 10);
    }
  }
  const rows = cells.map((line, index): SheetRow => {
    const height = heights[index];
    const start = entry.table.children[index]?.position?.start.line;
    const at = start === undefined ? {} : { line: start };
    return height === undefined ? { cells: line, ...at } : { cells: line, height, ...at };
  });

  const sheet: SheetModel = { name, columns: widths, rows, merges, frozenRows: headerRows };
  if (headerRows > 0 && grid.rows > headerRows && grid.columns > 0) {
    sheet.autoFilter = { top: headerRows, left: 1, bottom: grid.rows, right: grid.columns };
  }
  return { sheet, caption, clipped: grid.clipped };
}
