/**
 * The workbook as plain data, before it is written. Each sheet module builds a `SheetModel` from
 * the document (a pure function, tested without writing a file); `write.ts` is the only code that
 * writes SpreadsheetML. A string value is always text: nothing here can become a formula.
 */

/** The named cell styles `write.ts` knows how to draw. */
export type CellStyle =
  /** A column header of a data sheet: bold, filled, wrapped. */
  | 'header'
  /** Running text: wrapped, top-aligned. */
  | 'text'
  /** A short value (marker, count, unit): top-aligned, not wrapped. */
  | 'plain'
  /** A header cell of a document table: bold, filled, centred, bordered. */
  | 'tableHeader'
  /** A body cell of a document table: wrapped, bordered. */
  | 'tableBody'
  /** A label in the about sheet: bold. */
  | 'label';

export interface Cell {
  /** Text stays text (never a formula); numbers are numbers. `null` is an empty but styled cell. */
  value: string | number | null;
  /** An Excel number format for numeric values (`#,##0.0`, `0.0%`). */
  numFmt?: string;
  style: CellStyle;
}

/** A rectangle of cells, 1-based and inclusive, as Excel addresses them. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetRow {
  /** One entry per column; `null` leaves the cell out. */
  cells: (Cell | null)[];
  /** Points; absent for the default single-line height. */
  height?: number;
  /** The source line the row shows, for warnings about it. */
  line?: number;
}

export interface SheetModel {
  name: string;
  /** Column widths in Excel's character units. */
  columns: number[];
  /**
   * The rows in order. Large sheets make them on demand (see {@link lazyRows}), so each row is
   * garbage once written instead of living, with every other row, until the whole sheet is done.
   */
  rows: Iterable<SheetRow>;
  /** How many rows `rows` makes, when that is known without making them (a lazy sheet). */
  rowCount?: number;
  merges: CellRange[];
  /** Leading rows kept in view when scrolling. */
  frozenRows: number;
  autoFilter?: CellRange;
}

/** A text cell. */
export function text(value: string, style: CellStyle = 'text'): Cell {
  return { value, style };
}

/** A numeric cell, or an empty one for `null`. */
export function num(value: number | null, style: CellStyle = 'plain', numFmt?: string): Cell {
  return numFmt === undefined ? { value, style } : { value, style, numFmt };
}

/** A re-iterable sequence whose items are made by `make` each time it is iterated. */
export function lazyRows(make: () => Generator<SheetRow>): Iterable<SheetRow> {
  return { [Symbol.iterator]: make };
}
