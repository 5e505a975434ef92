/**
 * Excel's hard limits, kept without losing content (issue 17, item 4). Excel refuses a workbook with
 * a cell of more than 32,767 characters, more than 16,384 columns or more than 1,048,576 rows
 * ("Excel specifications and limits", support.microsoft.com); exceljs throws (`16385 is out of
 * bounds`) and the whole workbook was lost. Here, before the writer sees a sheet:
 *
 * - text longer than a cell holds continues in cells to the right of the sheet's last column, on the
 *   same row (so an item stays one row for sorting and filtering), in pieces that never split a
 *   surrogate pair;
 * - a sheet wider than Excel's columns continues on other sheets, a slice of columns each;
 * - a sheet longer than Excel's rows continues on other sheets, its header rows repeated on each.
 *
 * Each of these is reported with a warning naming the sheet, the cells and the source line. Rows stay
 * lazy where they were: a large items sheet is still made row by row while it is written.
 */
import type { Cell, CellRange, SheetModel, SheetRow } from './model.js';
import type { XlsxWarning } from './options.js';
import type { SheetNames } from './sheet-names.js';

export interface ExcelLimits {
  /** Characters (UTF-16 units, as Excel counts them) in one cell. */
  cellText: number;
  columns: number;
  rows: number;
}

export const EXCEL_LIMITS: ExcelLimits = { cellText: 32_767, columns: 16_384, rows: 1_048_576 };

/** Pieces of at most `max` UTF-16 units, in order, never ending between the two halves of a surrogate pair. */
export function textPieces(text: string, max: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + max);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - start > 1 && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/** `A`, `B`… `XFD`: an Excel column name, for messages. */
function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

type Warn = (warning: XlsxWarning) => void;

/** A warning, with the source line when there is one (the shape `exportWarning` gives). */
function warning(code: XlsxWarning['code'], message: string, line: number | undefined): XlsxWarning {
  return line === undefined ? { code, message } : { code, message, line };
}

/** A row whose long texts continue in cells after column `first` (0-based), or the row itself. */
function splitTexts(
  row: SheetRow,
  rowNumber: number,
  first: number,
  room: number,
  sheet: string,
  limits: ExcelLimits,
  warn: Warn,
): SheetRow {
  const long = row.cells.some(
    (cell) => cell !== null && typeof cell.value === 'string' && cell.value.length > limits.cellText,
  );
  if (!long) return row;
  const cells: (Cell | null)[] = row.cells.slice();
  while (cells.length < first) cells.push(null);
  row.cells.forEach((cell, column) => {
    if (!cell || typeof cell.value !== 'string' || cell.value.length <= limits.cellText) return;
    const [head = '', ...rest] = textPieces(cell.value, limits.cellText);
    const from = cells.length;
    // Only where the sheet has no columns left (a string as long as V8 allows, in a sheet of
    // thousands of columns) is text lost, and then said so.
    const kept = rest.slice(0, Math.max(0, room - from));
    cells[column] = { ...cell, value: head };
    for (const piece of kept) cells.push({ ...cell, value: piece });
    const where = `${sheet}!${columnName(column + 1)}${rowNumber}`;
    const to = `${columnName(from + 1)}${rowNumber}–${columnName(from + kept.length)}${rowNumber}`;
    const lost = rest.length - kept.length;
    warn(
      warning(
        lost > 0 ? 'cell-text-cut' : 'cell-text-continued',
        `${where}: text of ${cell.value.length} characters is more than Excel's ${limits.cellText} a cell; ${
          kept.length > 0 ? `it continues in ${to}` : 'no column is left for the rest'
        }${lost > 0 ? `; ${lost} piece(s) past the sheet's last column are cut` : ''}`,
        row.line,
      ),
    );
  });
  return { ...row, cells };
}

/** Maps rows, lazily when they were lazy, eagerly when they were an array. */
function mapRows(rows: Iterable<SheetRow>, map: (row: SheetRow, index: number) => SheetRow): Iterable<SheetRow> {
  if (Array.isArray(rows)) return (rows as SheetRow[]).map(map);
  return {
    *[Symbol.iterator]() {
      let index = 0;
      for (const row of rows) yield map(row, index++);
    },
  };
}

/** The part of a range inside rows/columns [from, to) (0-based), moved by `shift`; `null` when none or a single cell is left. */
function clipRange(range: CellRange, axis: 'row' | 'column', from: number, to: number, shift: number) {
  const [low, high] = axis === 'row' ? [range.top - 1, range.bottom] : [range.left - 1, range.right];
  const start = Math.max(low, from);
  const end = Math.min(high, to);
  if (start >= end) return null;
  const clipped =
    axis === 'row'
      ? { ...range, top: start + 1 - shift, bottom: end - shift }
      : { ...range, left: start + 1 - shift, right: end - shift };
  return clipped.top === clipped.bottom && clipped.left === clipped.right ? null : clipped;
}

/** The slices of a sheet wider than Excel allows: columns [k × limit, (k + 1) × limit) each. */
function columnParts(
  sheet: SheetModel,
  width: number,
  names: SheetNames,
  limits: ExcelLimits,
  warn: Warn,
  line?: number,
) {
  if (width <= limits.columns) return [sheet];
  const parts: SheetModel[] = [];
  for (let from = 0; from < width; from += limits.columns) {
    const to = Math.min(width, from + limits.columns);
    const name = from === 0 ? sheet.name : names.unique(sheet.name, sheet.name);
    const part: SheetModel = {
      name,
      columns: sheet.columns.slice(from, to),
      rows: mapRows(sheet.rows, (row) => ({ ...row, cells: row.cells.slice(from, to) })),
      merges: sheet.merges.flatMap((range) => clipRange(range, 'column', from, to, from) ?? []),
      frozenRows: sheet.frozenRows,
    };
    const filter = sheet.autoFilter && clipRange(sheet.autoFilter, 'column', from, to, from);
    if (filter) part.autoFilter = filter;
    if (sheet.rowCount !== undefined) part.rowCount = sheet.rowCount;
    parts.push(part);
  }
  warn(
    warning(
      'sheet-continued',
      `${sheet.name}: ${width} columns are more than Excel's ${limits.columns}; columns ${columnName(limits.columns + 1)} on continue on sheet(s) ${parts
        .slice(1)
        .map((part) => `"${part.name}"`)
        .join(', ')}`,
      line,
    ),
  );
  return parts;
}

/** How many rows a sheet has: its `rowCount` when known, else counted by making them once. */
function countRows(sheet: SheetModel): number {
  if (sheet.rowCount !== undefined) return sheet.rowCount;
  if (Array.isArray(sheet.rows)) return sheet.rows.length;
  let count = 0;
  for (const _ of sheet.rows) count++;
  return count;
}

/** Rows [from, to) of the body after the `header` leading rows, the header first. */
function rowSlice(rows: Iterable<SheetRow>, header: number, from: number, to: number): Iterable<SheetRow> {
  if (Array.isArray(rows)) return [...rows.slice(0, header), ...rows.slice(header + from, header + to)];
  return {
    *[Symbol.iterator]() {
      let index = 0;
      for (const row of rows) {
        const body = index - header;
        index++;
        if (body < 0 || (body >= from && body < to)) yield row;
        if (body >= to - 1) return;
      }
    },
  };
}

/** The slices of a sheet longer than Excel allows, each with the sheet's header rows. */
function rowParts(sheet: SheetModel, names: SheetNames, limits: ExcelLimits, warn: Warn, line?: number) {
  const count = countRows(sheet);
  if (count <= limits.rows) return [sheet];
  // Header rows that fill the sheet leave no room for a body: then no row repeats.
  const header = sheet.frozenRows < limits.rows ? sheet.frozenRows : 0;
  const room = limits.rows - header;
  const parts: SheetModel[] = [];
  for (let from = 0; header + from < count; from += room) {
    const to = Math.min(count - header, from + room);
    const shift = from; // a body row's number drops by the rows of the earlier parts
    const name = from === 0 ? sheet.name : names.unique(sheet.name, sheet.name);
    const merges = sheet.merges.flatMap((range) => {
      if (range.bottom <= header) return [range];
      return clipRange(range, 'row', header + from, header + to, shift) ?? [];
    });
    const part: SheetModel = {
      name,
      columns: sheet.columns,
      rows: rowSlice(sheet.rows, header, from, to),
      merges,
      frozenRows: header,
      rowCount: header + to - from,
    };
    if (sheet.autoFilter) part.autoFilter = { ...sheet.autoFilter, bottom: header + to - from };
    parts.push(part);
  }
  warn(
    warning(
      'sheet-continued',
      `${sheet.name}: ${count} rows are more than Excel's ${limits.rows}; rows from ${limits.rows + 1} on continue on sheet(s) ${parts
        .slice(1)
        .map((part) => `"${part.name}"`)
        .join(', ')}${header > 0 ? `, under the same ${header} header row(s)` : ''}`,
      line,
    ),
  );
  return parts;
}

/**
 * The sheet as one or more sheets within Excel's limits (the first keeps the name; the others take
 * unique names from `names`). `line` is the source line of what the sheet shows, for the warnings
 * about the sheet as a whole (a table's first line).
 */
export function withinExcelLimits(
  sheet: SheetModel,
  names: SheetNames,
  warn: Warn,
  options: { line?: number; limits?: ExcelLimits } = {},
): SheetModel[] {
  const limits = options.limits ?? EXCEL_LIMITS;
  // The sheet has its name already; taken here too, so a continuation never gets it.
  names.reserve(sheet.name);
  const texts = (part: SheetModel, first: number, room: number): SheetModel => ({
    ...part,
    rows: mapRows(part.rows, (row, index) => splitTexts(row, index + 1, first, room, part.name, limits, warn)),
  });
  if (!Array.isArray(sheet.rows)) {
    // Lazy rows are made while the sheet is written: cut into sheets first (counting makes no
    // warnings), then each sheet's long texts continue within its own width.
    const first = sheet.columns.length;
    return columnParts(sheet, first, names, limits, warn, options.line)
      .flatMap((part) => rowParts(part, names, limits, warn, options.line))
      .map((part) => texts(part, part.columns.length, limits.columns));
  }
  // An array of rows (a table) is split at once: its continuation cells may widen it past the limit.
  let width = sheet.columns.length;
  for (const row of sheet.rows as SheetRow[]) width = Math.max(width, row.cells.length);
  const split = texts(sheet, width, Number.POSITIVE_INFINITY);
  for (const row of split.rows as SheetRow[]) width = Math.max(width, row.cells.length);
  return columnParts(split, width, names, limits, warn, options.line).flatMap((part) =>
    rowParts(part, names, limits, warn, options.line),
  );
}
