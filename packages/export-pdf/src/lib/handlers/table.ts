/**
 * Tables. The AST gives rows of cells with `rowSpan`/`colSpan`, as HTML does; pdfmake wants every
 * row to cover the grid, a spanning cell followed by empty `{}` cells where it spans. Cells are
 * placed as HTML's table model does (§4.9.12.1, "forming a table"). Column widths follow the
 * content (its narrowest and widest settings, as CSS automatic table layout) and fill the text
 * width; each cell is then set to its exact width. Header rows repeat on every page; rows may
 * break across pages.
 */
import type { AlignType, Table, TableCell, TableRow } from '@wenshu/parser';
import type { Cell, Content, TableLayout } from '../pdf/definition.js';
import type { Context, State } from '../state.js';
import { extents } from '../text/set.js';

interface Placed {
  cell: TableCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Places cells on the grid: each cell takes the first free column of its row; a row span is cut at
 * the last row, a column span where it would run into a cell spanning down from above.
 */
export function placeCells(table: Table): { columns: number; placed: Placed[]; grid: (Placed | undefined)[][] } {
  const rowCount = table.children.length;
  const grid: (Placed | undefined)[][] = table.children.map(() => []);
  const placed: Placed[] = [];
  let columns = 0;
  table.children.forEach((row, r) => {
    const occupied = grid[r] as (Placed | undefined)[];
    let col = 0;
    for (const cell of row.children) {
      while (occupied[col]) col++;
      let colSpan = 1;
      const wanted = Math.max(1, Math.floor(cell.colSpan));
      while (colSpan < wanted && !occupied[col + colSpan]) colSpan++;
      const rowSpan = Math.min(Math.max(1, Math.floor(cell.rowSpan)), rowCount - r);
      const entry: Placed = { cell, row: r, col, rowSpan, colSpan };
      placed.push(entry);
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = grid[r + dr] as (Placed | undefined)[];
        for (let dc = 0; dc < colSpan; dc++) if (!target[col + dc]) target[col + dc] = entry;
      }
      col += colSpan;
      columns = Math.max(columns, col);
    }
    columns = Math.max(columns, occupied.length);
  });
  return { columns, placed, grid };
}

const PADDING_X = 4;
const PADDING_Y = 2;

function alignOf(table: Table, placed: Placed): 'left' | 'center' | 'right' {
  const align: AlignType | undefined = placed.cell.align ?? table.align[placed.col] ?? null;
  if (align) return align;
  return placed.cell.header ? 'center' : 'left';
}

/**
 * Column widths: each column gets its narrowest setting, then what is left of the width goes to
 * the columns in proportion to how much wider they would like to be, then to all in proportion
 * to their widest setting. When even the narrowest settings do not fit, they are scaled down
 * (cells then break inside words).
 */
export function columnWidths(min: number[], max: number[], available: number): number[] {
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMin >= available) return min.map((w) => (sumMin > 0 ? (w / sumMin) * available : available / min.length));
  if (sumMax >= available) {
    const share = (available - sumMin) / (sumMax - sumMin);
    return min.map((w, i) => w + ((max[i] ?? w) - w) * share);
  }
  const extra = available - sumMax;
  return max.map((w) => w + (sumMax > 0 ? (w / sumMax) * extra : extra / max.length));
}

export function table(state: State, node: Table, context: Context): Content[] {
  const { columns, placed, grid } = placeCells(node);
  if (columns === 0) return [];
  const style = state.styles.table;
  const rule = state.theme.table.borderPt;
  const headerBold = state.theme.table.headerBold;
  const offsets = columns * 2 * PADDING_X + (columns + 1) * rule;
  const available = Math.max(columns * style.sizePt, context.width - offsets);

  const shapedOf = (entry: Placed) =>
    state.shaper.shape(state.phrasing(entry.cell.children, { ...context, run: {} }), {
      role: style.role,
      bold: entry.cell.header && headerBold,
      sizePt: style.sizePt,
    });
  const min = new Array<number>(columns).fill(style.sizePt);
  const max = new Array<number>(columns).fill(style.sizePt);
  // Han text breaks between any two characters, so its narrowest setting is one character wide;
  // a column is given room for four (or all it holds, when less) before others widen.
  const comfortable = 4 * style.sizePt;
  for (const entry of placed) {
    if (entry.colSpan !== 1) continue;
    const size = extents(shapedOf(entry), 0);
    min[entry.col] = Math.max(min[entry.col] ?? 0, size.min, Math.min(size.max, comfortable));
    max[entry.col] = Math.max(max[entry.col] ?? 0, size.max);
  }
  const widths = columnWidths(min, max, available);
  const gap = 2 * PADDING_X + rule;

  const body: Cell[][] = grid.map((occupied, r) => {
    const row: Cell[] = [];
    for (let col = 0; col < columns; col++) {
      const entry = occupied[col];
      if (!entry || entry.row !== r || entry.col !== col) {
        row.push(entry ? {} : { stack: [] });
        continue;
      }
      let width = widths[col] ?? 0;
      for (let c = col + 1; c < col + entry.colSpan; c++) width += (widths[c] ?? 0) + gap;
      const block = { ...style, bold: entry.cell.header && headerBold, align: alignOf(node, entry) };
      const content = state.text(state.phrasing(entry.cell.children, { ...context, run: {} }), {
        ...context,
        width,
        block,
        run: {},
      });
      row.push({
        stack: content,
        ...(entry.colSpan > 1 ? { colSpan: entry.colSpan } : {}),
        ...(entry.rowSpan > 1 ? { rowSpan: entry.rowSpan } : {}),
      });
    }
    return row;
  });

  const layout: TableLayout = {
    hLineWidth: () => rule,
    vLineWidth: () => rule,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => PADDING_X,
    paddingRight: () => PADDING_X,
    paddingTop: () => PADDING_Y,
    paddingBottom: () => PADDING_Y,
  };
  const tableNode: Content = {
    table: { widths, body, headerRows: Math.min(node.headerRows, node.children.length - 1) },
    layout,
    margin: [0, 3, 0, 6],
  };
  if (!node.caption || node.caption.length === 0) return [tableNode];
  const caption = state.text(state.phrasing(node.caption, { ...context, run: {} }), {
    ...context,
    block: state.styles.caption,
  });
  // The caption goes with its table onto the next page rather than end a page (tables that fill
  // most of a page excepted: pdfmake cannot keep more than a page together).
  return state.estimate(tableNode) <= state.page.bodyHeightPt * 0.6
    ? [{ stack: [...caption, tableNode], unbreakable: true }]
    : [...caption, tableNode];
}

/** Rows and cells are rendered by `table`, which places them on the grid; alone, a row is its cells' blocks. */
export function tableRow(state: State, node: TableRow, context: Context): Content[] {
  return node.children.flatMap((cell) => state.one(cell, context));
}

export function tableCell(state: State, node: TableCell, context: Context): Content[] {
  const block = { ...state.styles.table, bold: node.header && state.theme.table.headerBold };
  return state.text(state.phrasing(node.children, { ...context, run: {} }), { ...context, block, run: {} });
}
