import { describe, expect, it } from 'vitest';
import type { Table, TableCell } from '../src/ast.js';
import { tableGrid } from '../src/lib/table-grid.js';
import { partGrid, planTable, repeatedRows, withoutCoveredRows } from '../src/lib/table-layout.js';
import { textExtent } from '../src/lib/text-extent.js';
import { unbreakableSpans } from '../src/lib/tokens.js';

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

const tokens = (text: string) => unbreakableSpans(text).map(([a, b]) => text.slice(a, b));
const report = { widthPt: 415, landscapeWidthPt: 662, sizePt: 10.5, floorPt: 9, paddingPt: 8, rulePt: 0.5 };

describe('unbreakable tokens', () => {
  it('keeps numbers with their sign, currency and unit, dates and Latin words whole', () => {
    expect(tokens('每月費用率0.195%，71歲~90歲≥102%')).toEqual(['0.195%', '71歲', '~90歲', '≥102%']);
    expect(tokens('收入12.5亿元，增长−3.2个百分点')).toEqual(['12.5亿元', '−3.2个百分点']);
    expect(tokens('2023年5月1日起，¥1,200万元')).toEqual(['2023年5月1日', '¥1,200万元']);
    expect(tokens('PM2.5 浓度 35μg/m³，GDP 2023-05-01')).toEqual(['PM2.5', '35μg/m³', 'GDP', '2023-05-01']);
  });

  it('leaves Han text breakable between characters', () => {
    expect(tokens('城镇调查失业率平均值')).toEqual([]);
  });
});

describe('text extent', () => {
  it('takes the narrowest setting from the widest token, the widest from the longest line', () => {
    const { min, max } = textExtent('费用率 0.216%\n合计');
    // The percentage is one unit, wider than any of the Han characters around it.
    expect(min).toBe(textExtent('0.216%').min);
    expect(min).toBeGreaterThan(3);
    expect(max).toBeGreaterThan(min + 3);
  });

  it('keeps a closing mark with the character before it', () => {
    expect(textExtent('增长。').min).toBe(2);
  });
});

describe('table plan', () => {
  const rates = ['每月費用率', '0.195%', '0.190%', '0.180%', '0.154%', '0%'];

  it('fits a small table on the portrait page at the theme size', () => {
    const plan = planTable(tableGrid(table([rates.map((t) => cell(t))])), report);
    expect(plan).toMatchObject({ sizePt: 10.5, landscape: false, fallbacks: [], squeezed: false });
    const [part] = plan.parts;
    expect(part?.columns).toEqual([0, 1, 2, 3, 4, 5]);
    const total = (part?.widthsPt ?? []).reduce((a, b) => a + b, 0);
    expect(total + 6 * 8 + 7 * 0.5).toBeCloseTo(415, 3);
  });

  it('makes the font smaller, then turns the page, then splits, each step reported', () => {
    const row = (n: number) => Array.from({ length: n }, (_, i) => cell(`${10000 + i}.25%`));
    const font = planTable(tableGrid(table([row(6)])), report);
    expect(font.fallbacks).toEqual(['font']);
    expect(font.sizePt).toBeLessThan(10.5);
    const landscape = planTable(tableGrid(table([row(9)])), report);
    expect(landscape.fallbacks).toContain('landscape');
    expect(landscape.parts).toHaveLength(1);
    const split = planTable(tableGrid(table([row(30)])), report);
    expect(split.fallbacks).toEqual(['font', 'landscape', 'split']);
    expect(split.sizePt).toBe(9);
    expect(split.parts.length).toBeGreaterThan(1);
    for (const part of split.parts) expect(part.columns[0]).toBe(0);
    expect(split.parts.flatMap((p) => p.columns.slice(1))).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
  });

  it('never gives a column less than its widest token when the table fits', () => {
    const grid = tableGrid(table([[cell('项目'), cell('2023年12月31日'), cell('一段很长的说明文字'.repeat(8))]]));
    const plan = planTable(grid, report);
    const widths = plan.parts[0]?.widthsPt ?? [];
    expect(widths[1]).toBeGreaterThanOrEqual(textExtent('2023年12月31日').min * 10.5);
  });
});

describe('part grid', () => {
  it('narrows a spanning heading to the columns of the part it covers', () => {
    const grid = tableGrid(
      table([
        [cell('a', 2), cell('b', 1, 4)],
        [cell('c'), cell('d'), cell('e'), cell('f')],
      ]),
    );
    const part = partGrid(grid, [0, 3, 4]);
    expect(part.columns).toBe(3);
    expect(part.cells.map((p) => [p.cell.children[0], p.column, p.colSpan, p.rowSpan])).toEqual([
      [{ type: 'text', value: 'a' }, 0, 1, 2],
      [{ type: 'text', value: 'b' }, 1, 2, 1],
      [{ type: 'text', value: 'e' }, 1, 1, 1],
      [{ type: 'text', value: 'f' }, 2, 1, 1],
    ]);
  });
});

describe('repeated rows', () => {
  const rows = (n: number, first: TableCell[]) =>
    table([first, ...Array.from({ length: n - 1 }, () => [cell('x'), cell('y'), cell('z')])]);

  it('repeats marked header rows, else the first row with what it spans', () => {
    expect(repeatedRows(tableGrid({ ...rows(6, [cell('a'), cell('b'), cell('c')]), headerRows: 2 }), 2)).toBe(2);
    expect(repeatedRows(tableGrid(rows(6, [cell('a'), cell('b'), cell('c')])), 0)).toBe(1);
    const spanning = table([
      [cell('项目', 2), cell('2023年', 1, 2)],
      [cell('上半年'), cell('下半年')],
      ...Array.from({ length: 5 }, () => [cell('x'), cell('1'), cell('2')]),
    ]);
    expect(repeatedRows(tableGrid(spanning), 0)).toBe(2);
  });

  it('repeats a title row across the table with the header row under it', () => {
    const titled = table([
      [cell('投资估算总表', 1, 3)],
      [cell('序号'), cell('项目'), cell('金额')],
      ...Array.from({ length: 6 }, () => [cell('1'), cell('土方工程'), cell('110.40')]),
    ]);
    expect(repeatedRows(tableGrid(titled), 0)).toBe(2);
  });

  it('repeats nothing in a short table', () => {
    expect(repeatedRows(tableGrid(rows(3, [cell('a'), cell('b'), cell('c')])), 0)).toBe(0);
  });
});

describe('rows without a cell of their own', () => {
  it('are dropped, and the cells that covered them span one row fewer', () => {
    const grid = tableGrid(table([[cell('a', 2), cell('b', 2)], [], [cell('c'), cell('d')]]));
    const { grid: compacted, rowOf } = withoutCoveredRows(grid);
    expect(rowOf).toEqual([0, 2]);
    expect(compacted.cells.map((p) => [p.row, p.rowSpan])).toEqual([
      [0, 1],
      [0, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(compacted.positions.map((line) => line.map((p) => p?.row))).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});
