import { describe, expect, it } from 'vitest';
import type { Table, TableCell } from '../src/ast.js';
import { tableGrid } from '../src/lib/table-grid.js';

function cell(text: string, rowSpan = 1, colSpan = 1): TableCell {
  return { type: 'tableCell', header: false, rowSpan, colSpan, children: [{ type: 'text', value: text }] };
}

function table(cells: TableCell[][]): Table {
  return {
    type: 'table',
    align: [],
    headerRows: 1,
    children: cells.map((children) => ({ type: 'tableRow', children })),
  };
}

const name = (placed: { cell: TableCell } | undefined) =>
  placed ? (placed.cell.children[0] as { value: string }).value : '·';

describe('table grid', () => {
  it('places cells under rowspans from rows above, as HTML does', () => {
    const grid = tableGrid(table([[cell('a', 3), cell('b', 1, 2)], [cell('c', 2, 1), cell('d')], [cell('e')]]));
    expect(
      grid.cells.map(({ cell: c, row, column, rowSpan, colSpan }) => [c.children[0], row, column, rowSpan, colSpan]),
    ).toEqual([
      [{ type: 'text', value: 'a' }, 0, 0, 3, 1],
      [{ type: 'text', value: 'b' }, 0, 1, 1, 2],
      [{ type: 'text', value: 'c' }, 1, 1, 2, 1],
      [{ type: 'text', value: 'd' }, 1, 2, 1, 1],
      [{ type: 'text', value: 'e' }, 2, 2, 1, 1],
    ]);
    expect(grid).toMatchObject({ rows: 3, columns: 3, clipped: 0 });
  });

  it('clips spans that would overlap or run past the table, and counts them', () => {
    const grid = tableGrid(table([[cell('a', 2), cell('b')], [cell('c', 5, 3)]]));
    // `c` starts at column 1 (column 0 is under `a`) and may not run past the last row.
    expect(grid.cells[2]).toMatchObject({ row: 1, column: 1, rowSpan: 1, colSpan: 3 });
    expect(grid.clipped).toBe(1);
    const overlap = tableGrid(table([[cell('a'), cell('b', 2)], [cell('c', 1, 3)]]));
    expect(overlap.cells[2]).toMatchObject({ row: 1, column: 0, rowSpan: 1, colSpan: 1 });
    expect(overlap.clipped).toBe(1);
  });
});

describe('table grid positions', () => {
  it('give the cell covering each position, and nothing where a row is short', () => {
    const grid = tableGrid(table([[cell('a', 2), cell('b', 1, 2)], [cell('c')], [cell('d')]]));
    expect(grid.positions.map((line) => Array.from({ length: grid.columns }, (_, k) => name(line[k])))).toEqual([
      ['a', 'b', 'b'],
      ['a', 'c', '·'],
      ['d', '·', '·'],
    ]);
  });

  it('treat spans that are not whole numbers of at least 1 as 1', () => {
    const grid = tableGrid(table([[cell('a', 0, Number.NaN), cell('b', 1.7, -2)]]));
    expect(grid.cells.map(({ rowSpan, colSpan }) => [rowSpan, colSpan])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});
