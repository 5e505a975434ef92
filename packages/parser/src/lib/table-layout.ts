/**
 * Column widths for a table on a page, shared by the PDF and DOCX exporters so that a table has
 * the same columns in both. As CSS automatic table layout (CSS 2.1 §17.5.2.2): each column's
 * narrowest setting is its widest unbreakable token (`text-extent.ts`), its widest its longest
 * line; the text width is shared out between the two.
 *
 * When the narrowest settings do not fit, in this order (issue 16): the table's font is made
 * smaller, half a point at a time, down to the theme's floor; then the table goes on a landscape
 * page at its full size again (and smaller if it must); then its columns are split into parts that
 * each repeat the first column. Each step taken is reported, so the exporter can warn. A column
 * whose one token is wider than a whole landscape page is still given no more than the page: its
 * text breaks inside the token rather than leave the text block.
 */
import type { Table } from '../ast.js';
import type { PlacedCell, TableGrid } from './table-grid.js';
import { textExtent } from './text-extent.js';
import { toText } from './to-text.js';

export interface TablePlanOptions {
  /** Width of the text block on a portrait page (pt). */
  widthPt: number;
  /** Width of the text block on a landscape page (pt); absent: no landscape step. */
  landscapeWidthPt?: number;
  /** The theme's table font size, and the smallest it may be made. */
  sizePt: number;
  floorPt: number;
  /** Left plus right padding of a cell (pt). */
  paddingPt: number;
  /** Width of a rule between columns (pt). */
  rulePt: number;
}

export type TableFallback = 'font' | 'landscape' | 'split';

export interface TablePart {
  /** Grid columns shown in this part, in order (the first column repeated in parts after the first). */
  columns: number[];
  /** Width of each shown column's text, padding and rules excluded (pt). */
  widthsPt: number[];
}

export interface TablePlan {
  sizePt: number;
  landscape: boolean;
  parts: TablePart[];
  /** The steps taken because the table did not fit as it was. */
  fallbacks: TableFallback[];
  /** Whether a column is narrower than its widest token even so (its text breaks inside it). */
  squeezed: boolean;
}

/**
 * A column is given room for this many ems of Han text (or all it holds) before other columns
 * widen: four when that fits, else three, else two — a column of one character per line reads as
 * a column of single characters.
 */
const COMFORTABLE_EM = [4, 3, 2];

/** Each column's narrowest and widest setting, in ems (spanning cells spread over their columns). */
export function columnExtents(grid: TableGrid): { min: number[]; max: number[] } {
  const min = new Array<number>(grid.columns).fill(1);
  const max = new Array<number>(grid.columns).fill(1);
  const spanning: { column: number; span: number; min: number; max: number }[] = [];
  for (const placed of grid.cells) {
    const extent = textExtent(toText(placed.cell));
    if (placed.colSpan === 1) {
      min[placed.column] = Math.max(min[placed.column] ?? 0, extent.min);
      max[placed.column] = Math.max(max[placed.column] ?? 0, extent.max);
    } else spanning.push({ column: placed.column, span: placed.colSpan, ...extent });
  }
  // Narrow spans first, as browsers do: a wide span then sees the columns the narrow ones widened.
  spanning.sort((a, b) => a.span - b.span);
  for (const cell of spanning) {
    for (const [widths, wanted] of [
      [min, cell.min],
      [max, cell.max],
    ] as const) {
      let have = 0;
      for (let c = cell.column; c < cell.column + cell.span; c++) have += widths[c] ?? 0;
      if (have >= wanted) continue;
      const add = (wanted - have) / cell.span;
      for (let c = cell.column; c < cell.column + cell.span; c++) widths[c] = (widths[c] ?? 0) + add;
    }
  }
  for (let c = 0; c < grid.columns; c++) max[c] = Math.max(max[c] ?? 0, min[c] ?? 0);
  return { min, max };
}

/**
 * Shares `available` pt between columns: each its narrowest setting (or the first of the
 * `comfortable` widths that lets all fit), then what is left in proportion to how much wider each
 * would like to be, then to all in proportion to their widest. Narrowest settings that do not fit
 * are scaled down.
 */
export function distribute(min: number[], max: number[], available: number, comfortable: number[]): number[] {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const sumMin = sum(min);
  if (sumMin >= available) return min.map((w) => (sumMin > 0 ? (w / sumMin) * available : available / min.length));
  let base = min;
  for (const width of comfortable) {
    const soft = min.map((w, i) => Math.max(w, Math.min(max[i] ?? w, width)));
    if (sum(soft) <= available) {
      base = soft;
      break;
    }
  }
  const sumBase = sum(base);
  const sumMax = sum(max);
  if (sumMax >= available) {
    const share = sumMax > sumBase ? (available - sumBase) / (sumMax - sumBase) : 0;
    return base.map((w, i) => w + Math.max(0, (max[i] ?? w) - w) * share);
  }
  const extra = available - sumMax;
  return max.map((w) => w + (sumMax > 0 ? (w / sumMax) * extra : extra / max.length));
}

export function planTable(grid: TableGrid, options: TablePlanOptions): TablePlan {
  const { min, max } = columnExtents(grid);
  const gap = (n: number) => n * options.paddingPt + (n + 1) * options.rulePt;
  const room = (width: number, n: number) => width - gap(n);
  const all = Array.from({ length: grid.columns }, (_, c) => c);
  const fits = (columns: number[], size: number, width: number) =>
    columns.reduce((s, c) => s + (min[c] ?? 0) * size, 0) <= room(width, columns.length) + 0.01;
  const sizes: number[] = [];
  for (let size = options.sizePt; size > options.floorPt + 1e-9; size -= 0.5) sizes.push(size);
  sizes.push(Math.min(options.floorPt, options.sizePt));
  const widthsFor = (columns: number[], size: number, width: number) =>
    distribute(
      columns.map((c) => (min[c] ?? 0) * size),
      columns.map((c) => (max[c] ?? 0) * size),
      Math.max(0, room(width, columns.length)),
      COMFORTABLE_EM.map((em) => em * size),
    );

  const pages: { width: number; landscape: boolean }[] = [{ width: options.widthPt, landscape: false }];
  if (options.landscapeWidthPt && options.landscapeWidthPt > options.widthPt)
    pages.push({ width: options.landscapeWidthPt, landscape: true });
  for (const page of pages) {
    for (const size of sizes) {
      if (!fits(all, size, page.width)) continue;
      const fallbacks: TableFallback[] = [];
      if (size < options.sizePt) fallbacks.push('font');
      if (page.landscape) fallbacks.push('landscape');
      return {
        sizePt: size,
        landscape: page.landscape,
        parts: [{ columns: all, widthsPt: widthsFor(all, size, page.width) }],
        fallbacks,
        squeezed: false,
      };
    }
  }

  // Still too wide: parts of the widest page at the floor size, each repeating the first column.
  const page = pages.at(-1) as { width: number; landscape: boolean };
  const size = sizes.at(-1) as number;
  const parts: number[][] = [];
  let current = [0];
  for (let c = 1; c < grid.columns; c++) {
    if (current.length > 1 && !fits([...current, c], size, page.width)) {
      parts.push(current);
      current = [0];
    }
    current.push(c);
  }
  parts.push(current);
  const fallbacks: TableFallback[] = [];
  if (size < options.sizePt) fallbacks.push('font');
  if (page.landscape) fallbacks.push('landscape');
  if (parts.length > 1) fallbacks.push('split');
  return {
    sizePt: size,
    landscape: page.landscape,
    parts: parts.map((columns) => ({ columns, widthsPt: widthsFor(columns, size, page.width) })),
    fallbacks,
    squeezed: parts.some((columns) => !fits(columns, size, page.width)),
  };
}

/**
 * The grid of one part of a split table: the cells that cover any of `columns`, each narrowed to
 * the columns of the part it covers (a heading spanning columns 1–6 spans, in a part showing 0 and
 * 4–6, the part's columns 4–6). `columns` is the first column and a run of neighbours, so what a
 * cell covers of it is always a run too.
 */
export function partGrid(grid: TableGrid, columns: number[]): TableGrid {
  const index = new Map(columns.map((c, i) => [c, i]));
  const cells: PlacedCell[] = [];
  const positions: (PlacedCell | undefined)[][] = Array.from({ length: grid.rows }, () =>
    new Array<PlacedCell | undefined>(columns.length).fill(undefined),
  );
  for (const placed of grid.cells) {
    let first = -1;
    let last = -1;
    for (let c = placed.column; c < placed.column + placed.colSpan; c++) {
      const at = index.get(c);
      if (at === undefined) continue;
      if (first < 0) first = at;
      last = at;
    }
    if (first < 0) continue;
    const part: PlacedCell = { ...placed, column: first, colSpan: last - first + 1 };
    cells.push(part);
    for (let r = placed.row; r < placed.row + placed.rowSpan; r++) {
      const line = positions[r] as (PlacedCell | undefined)[];
      for (let k = first; k <= last; k++) line[k] = part;
    }
  }
  return { cells, positions, rows: grid.rows, columns: columns.length, clipped: grid.clipped };
}

/**
 * How many rows repeat at the top of each page: the header rows the source marked (`<th>`, a GFM
 * header), else the first row with whatever its cells span down. OCR tools (MinerU) write every
 * cell as `<td>`, but a printed table's first row is its header, and a reader on the third page of
 * a 30-row table of rates needs it. Tables of three rows or fewer repeat nothing (they rarely
 * cross a page, and their first row may well be data); neither does a "header" of half the table.
 */
export function repeatedRows(grid: TableGrid, headerRows: number): number {
  if (headerRows > 0) return Math.min(headerRows, Math.max(0, grid.rows - 1));
  if (grid.rows <= 3) return 0;
  // A first row that is one cell across the table is its title (MinerU puts the caption there):
  // the header is the row under it, repeated with it.
  const first = grid.positions[0] ?? [];
  const title = grid.columns > 1 && first.every((placed) => placed !== undefined && placed === first[0]);
  let end = title ? 2 : 1;
  for (let r = 0; r < end; r++) {
    for (const placed of grid.positions[r] ?? []) {
      if (placed && placed.row === r) end = Math.max(end, placed.row + placed.rowSpan);
    }
  }
  return end * 2 <= grid.rows ? end : 0;
}

/**
 * The grid without rows in which no cell starts (every position covered by a cell from a row
 * above): the covering cells span one row fewer. A part of a split table has such rows where the
 * cells that started them are in another part, and MinerU writes them too; pdfmake loses the rest
 * of a table after one (the rows after it were not drawn, in the `gov` theme, on a real table).
 * `rowOf[r]` is the source row of row `r`.
 */
export function withoutCoveredRows(grid: TableGrid): { grid: TableGrid; rowOf: number[] } {
  const starts = grid.positions.map((line, r) => line.some((placed) => placed?.row === r));
  if (starts.every(Boolean)) return { grid, rowOf: grid.positions.map((_, r) => r) };
  const rowOf: number[] = [];
  const newRow: number[] = [];
  starts.forEach((start, r) => {
    newRow[r] = rowOf.length;
    if (start) rowOf.push(r);
  });
  const moved = new Map<PlacedCell, PlacedCell>();
  const cells = grid.cells.map((placed) => {
    let kept = 0;
    for (let r = placed.row; r < placed.row + placed.rowSpan; r++) if (starts[r]) kept += 1;
    const next = { ...placed, row: newRow[placed.row] ?? 0, rowSpan: Math.max(1, kept) };
    moved.set(placed, next);
    return next;
  });
  const positions = rowOf.map((r) =>
    (grid.positions[r] ?? []).map((placed) => (placed ? moved.get(placed) : undefined)),
  );
  return { grid: { ...grid, cells, positions, rows: rowOf.length }, rowOf };
}

/** How a warning names a table: its caption or first cell, and its source line. */
export function tableName(node: Table): string {
  const caption = node.caption ? node.caption.map((n) => toText(n)).join('') : '';
  const first = caption || toText(node.children[0]?.children[0] ?? { type: 'text', value: '' });
  const label = first.replace(/\s+/g, ' ').trim().slice(0, 20);
  const line = node.position ? ` (line ${node.position.start.line})` : '';
  return `table “${label}”${line}`;
}

/** What the warning says about the steps a plan took. */
export function tableFitMessage(node: Table, plan: TablePlan, columns: number, sizePt: number): string {
  const steps: string[] = [];
  if (plan.fallbacks.includes('font')) steps.push(`its font made ${plan.sizePt} pt (from ${sizePt} pt)`);
  if (plan.fallbacks.includes('landscape')) steps.push('set on a landscape page');
  if (plan.fallbacks.includes('split'))
    steps.push(`split into ${plan.parts.length} parts that repeat the first column`);
  const squeezed = plan.squeezed ? '; some cells are still narrower than a number they hold and break inside it' : '';
  return `${tableName(node)}: ${columns} columns do not fit the text width; ${steps.join(', ')}${squeezed}`;
}
