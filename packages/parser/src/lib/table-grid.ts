/**
 * Places a table's cells on a grid, as the HTML table model does: each cell goes to the first free
 * column of its row, and a cell with `rowSpan`/`colSpan` occupies the positions below and to the
 * right of it, so later rows skip them. Any mix of spans lands where a browser would draw it.
 *
 * HTML lets spans overlap (a colspan running into a rowspan from above); Word's merged cells,
 * pdfmake's spans and Excel's merged ranges must not (Excel reports such a file as corrupt). An
 * overlapping span is clipped where it meets the occupied position, and counted so the caller can
 * warn. Every exporter places cells with this one function, so a table has the same shape in each.
 */
import type { Table, TableCell } from '../ast.js';

export interface PlacedCell {
  cell: TableCell;
  /** 0-based grid row and column of the cell's top-left position. */
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

export interface TableGrid {
  /** In document order: row by row, left to right. */
  cells: PlacedCell[];
  /** `positions[row][column]`: the cell covering that position, or `undefined` (a ragged row). */
  positions: (PlacedCell | undefined)[][];
  rows: number;
  columns: number;
  /** Cells whose span was cut to avoid an overlap or the table's end. */
  clipped: number;
}

function positiveInteger(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}

export function tableGrid(table: Table): TableGrid {
  const rows = table.children.length;
  const positions: (PlacedCell | undefined)[][] = Array.from({ length: rows }, () => []);
  const isFree = (row: number, column: number) => positions[row]?.[column] === undefined;
  const cells: PlacedCell[] = [];
  let columns = 0;
  let clipped = 0;

  table.children.forEach((tableRow, row) => {
    let column = 0;
    for (const cell of tableRow.children) {
      while (!isFree(row, column)) column += 1;
      const wantedRows = positiveInteger(cell.rowSpan);
      const wantedColumns = positiveInteger(cell.colSpan);
      // A rowspan past the last row is cut at the table's end, as in HTML.
      let rowSpan = Math.min(wantedRows, rows - row);
      let colSpan = wantedColumns;
      for (let k = 1; k < colSpan; k++) {
        if (!isFree(row, column + k)) colSpan = k;
      }
      for (let r = 1; r < rowSpan; r++) {
        let free = true;
        for (let k = 0; k < colSpan; k++) free &&= isFree(row + r, column + k);
        if (!free) rowSpan = r;
      }
      if (rowSpan !== wantedRows || colSpan !== wantedColumns) clipped += 1;
      const placed: PlacedCell = { cell, row, column, rowSpan, colSpan };
      for (let r = 0; r < rowSpan; r++) {
        const line = positions[row + r] as (PlacedCell | undefined)[];
        for (let k = 0; k < colSpan; k++) line[column + k] = placed;
      }
      cells.push(placed);
      column += colSpan;
      columns = Math.max(columns, column);
    }
  });
  for (const line of positions) line.length = columns;
  return { cells, positions, rows, columns, clipped };
}
