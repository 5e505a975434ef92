/**
 * Tables. The AST gives rows of cells with `rowSpan`/`colSpan`, as HTML does; pdfmake wants every
 * row to cover the grid, a spanning cell followed by empty `{}` cells where it spans. Cells are
 * placed by `tableGrid` (@wenshu/parser), as HTML's table model does, with overlapping spans
 * clipped. Column widths follow the content (its narrowest and widest settings, as CSS automatic
 * table layout) and fill the text width; each cell is then set to its exact width. Header rows
 * repeat on every page; rows may break across pages.
 */
import {
  type AlignType,
  type PlacedCell as Placed,
  type Table,
  type TableCell,
  type TableRow,
  tableGrid,
} from '@wenshu/parser';
import type { Cell, Content, TableLayout } from '../pdf/definition.js';
import type { Context, State } from '../state.js';
import { extents } from '../text/set.js';

const PADDING_X = 4;
const PADDING_Y = 2;

function alignOf(table: Table, placed: Placed): 'left' | 'center' | 'right' {
  const align: AlignType | undefined = placed.cell.align ?? table.align[placed.column] ?? null;
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
  const { columns, cells: placed, positions: grid } = tableGrid(node);
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
    min[entry.column] = Math.max(min[entry.column] ?? 0, size.min, Math.min(size.max, comfortable));
    max[entry.column] = Math.max(max[entry.column] ?? 0, size.max);
  }
  const widths = columnWidths(min, max, available);
  const gap = 2 * PADDING_X + rule;

  const body: Cell[][] = grid.map((occupied, r) => {
    const row: Cell[] = [];
    for (let col = 0; col < columns; col++) {
      const entry = occupied[col];
      if (!entry || entry.row !== r || entry.column !== col) {
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
