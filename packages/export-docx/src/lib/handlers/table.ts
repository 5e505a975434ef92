/**
 * Tables. The AST gives rows of cells with `rowSpan`/`colSpan`, as HTML does; Word wants every row
 * to cover the whole grid, a cell spanning columns as `w:gridSpan` and a cell spanning rows as a
 * `w:vMerge="restart"` cell followed, in each row below, by a `w:vMerge` (continue) cell of the same
 * span. `layoutTable` lays the cells placed by `tableGrid` out in those terms. Column widths, and
 * what happens to a table too wide for the page (a smaller font, a landscape section, parts that
 * repeat the first column), come from `planTable` (@wenshu/parser), the plan the PDF follows too:
 * `w:tblW` and `w:tblGrid` are the plan's widths, the layout is fixed, so Word neither widens a
 * column past the page nor narrows one below its widest number (which it would then break).
 */

import type { AlignType, PlacedCell, TableCell, TableGrid, Table as TableNode, TableRow } from '@wenshu/parser';
import { partGrid, planTable, repeatedRows, tableFitMessage, tableGrid } from '@wenshu/parser';
import {
  AlignmentType,
  TableCell as DocxCell,
  TableRow as DocxRow,
  Paragraph,
  Table,
  TableLayoutType,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { OrientationMark } from '../landscape.js';
import type { Block, Context, State } from '../state.js';

/** One grid position of a row, left to right: a cell that starts here, continues from above, or nothing. */
export type Slot =
  | { kind: 'start'; placed: PlacedCell }
  | { kind: 'continue'; placed: PlacedCell }
  | { kind: 'empty'; col: number };

export interface TableLayout {
  columns: number;
  rows: Slot[][];
}

/**
 * The grid as Word builds a table: row by row, a slot per position — a cell that starts there, one
 * that continues from the row above (a vertical merge), or nothing (a ragged row). Cells are placed
 * by `tableGrid` (@wenshu/parser), as HTML's table model does, with overlapping spans clipped (Word
 * cannot overlap merged cells).
 */
export function layoutTable(table: TableNode | TableGrid): TableLayout {
  const { columns, positions: grid } = 'type' in table ? tableGrid(table) : table;
  const rows = grid.map((occupied, r) => {
    const slots: Slot[] = [];
    let col = 0;
    while (col < columns) {
      const placed = occupied[col];
      if (!placed) {
        slots.push({ kind: 'empty', col });
        col += 1;
        continue;
      }
      slots.push({ kind: placed.row === r ? 'start' : 'continue', placed });
      col += placed.colSpan;
    }
    return slots;
  });
  return { columns, rows };
}

/** Cell padding (pt): the PDF's, so that the plan's text widths mean the same in both. */
const PADDING_X = 4;
const PADDING_Y = 2;

/**
 * Grid column widths in twips from the plan's text widths (pt): each column's text, its padding
 * and one rule, scaled to add up to `total` exactly (rounding goes to the last column).
 */
export function gridWidths(textWidthsPt: number[], rulePt: number, total: number): number[] {
  const raw = textWidthsPt.map((w) => (w + 2 * PADDING_X + rulePt) * 20);
  const sum = raw.reduce((a, b) => a + b, 0) || 1;
  const widths = raw.map((w) => Math.floor((w * total) / sum));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cellAlignment(cell: TableCell, align: AlignType | undefined) {
  const value = cell.align ?? align ?? null;
  return value ? ALIGN[value] : undefined;
}

/** A cell's content: one paragraph, its `break` nodes separating what were paragraphs in HTML. */
function cellParagraph(
  state: State,
  cell: TableCell,
  header: boolean,
  alignment: (typeof ALIGN)[keyof typeof ALIGN] | undefined,
  context: Context,
): Paragraph {
  return new Paragraph({
    style: header ? state.ids.tableHeading : state.ids.tableText,
    ...(alignment ? { alignment } : {}),
    // Formatting around the table does not reach its cells; the table's own size does.
    children: state.phrasing(cell.children, { ...context, run: context.run.size ? { size: context.run.size } : {} }),
  });
}

export function tableCell(state: State, node: TableCell, context: Context): Block[] {
  return [cellParagraph(state, node, node.header, undefined, context)];
}

/** A row outside a table (not produced by the parser): its cells' content one after another. */
export function tableRow(state: State, node: TableRow, context: Context): Block[] {
  return node.children.flatMap((cell) => state.one(cell, context));
}

/** A table in a footnote (Word allows none there): its rows as lines of tab-separated text. */
function tableAsText(state: State, node: TableNode, context: Context): Block[] {
  return node.children.map(
    (row) =>
      new Paragraph({
        style: context.paragraphStyle,
        children: row.children.flatMap((cell, i) => [
          ...(i > 0 ? state.phrasing([{ type: 'text', value: '\t' }], context) : []),
          ...state.phrasing(cell.children, context),
        ]),
      }),
  );
}

/** One part of a table (the whole of it, unless it was split) as a Word table. */
function partTable(
  state: State,
  node: TableNode,
  grid: TableGrid,
  widths: number[],
  repeated: number,
  context: Context,
): Table {
  const layout = layoutTable(grid);
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const rows = layout.rows.map((slots, r) => {
    const cells = slots.map((slot) => {
      if (slot.kind === 'empty') {
        return new DocxCell({
          width: { size: spanWidth(slot.col, 1), type: WidthType.DXA },
          children: [new Paragraph({ style: r < repeated ? state.ids.tableHeading : state.ids.tableText })],
        });
      }
      const { placed } = slot;
      const common = {
        width: { size: spanWidth(placed.column, placed.colSpan), type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        ...(placed.colSpan > 1 ? { columnSpan: placed.colSpan } : {}),
      };
      if (slot.kind === 'continue') {
        return new DocxCell({ ...common, verticalMerge: VerticalMergeType.CONTINUE, children: [new Paragraph({})] });
      }
      const alignment = cellAlignment(placed.cell, node.align[placed.column]);
      const header = placed.cell.header || r < node.headerRows;
      return new DocxCell({
        ...common,
        ...(placed.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
        children: [cellParagraph(state, placed.cell, header, alignment, context)],
      });
    });
    // Header rows repeat on each page (w:tblHeader); no row breaks across pages (w:cantSplit):
    // Word still breaks a row taller than a page, between its lines.
    return new DocxRow({ children: cells, cantSplit: true, ...(r < repeated ? { tableHeader: true } : {}) });
  });
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    rows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    style: state.ids.table,
    alignment: AlignmentType.CENTER,
    margins: {
      marginUnitType: WidthType.DXA,
      left: PADDING_X * 20,
      right: PADDING_X * 20,
      top: PADDING_Y * 20,
      bottom: PADDING_Y * 20,
    },
  });
}

export function table(state: State, node: TableNode, context: Context): Block[] {
  if (context.inNote) return tableAsText(state, node, context);
  const grid = tableGrid(node);
  if (grid.columns === 0) return [];
  const { theme } = state;
  const plan = planTable(grid, {
    widthPt: state.textWidthTwips / 20,
    // A landscape section only for a table at the top level (a section cannot start inside a list).
    ...(context.listDepth === 0 ? { landscapeWidthPt: state.landscapeTextWidthTwips / 20 } : {}),
    sizePt: theme.table.sizePt,
    floorPt: Math.min(theme.table.minSizePt, theme.table.sizePt),
    paddingPt: 2 * PADDING_X,
    rulePt: theme.table.borderPt,
  });
  if (plan.fallbacks.length > 0 || plan.squeezed) {
    state.warn('table-fit', tableFitMessage(node, plan, grid.columns, theme.table.sizePt), node.position);
  }
  const total = plan.landscape ? state.landscapeTextWidthTwips : state.textWidthTwips;
  // A smaller font for the whole table: w:sz on every run, in half-points.
  const cellContext: Context =
    plan.sizePt < theme.table.sizePt
      ? { ...context, run: { ...context.run, size: Math.round(plan.sizePt * 2) } }
      : context;
  const repeated = repeatedRows(grid, node.headerRows);

  const out: Block[] = [];
  plan.parts.forEach((part, index) => {
    const shown = plan.parts.length === 1 ? grid : partGrid(grid, part.columns);
    const widths = gridWidths(part.widthsPt, theme.table.borderPt, total);
    // Parts after the first say they continue the table (续表), as printed Chinese tables do; in
    // the document's script (the state knows it as the word its picture placeholders use).
    const continued = state.pictureWord === '圖片' ? '續表' : '续表';
    const caption = index === 0 ? node.caption : [{ type: 'text' as const, value: continued }];
    if (caption) {
      out.push(
        new Paragraph({
          style: state.ids.caption,
          keepNext: true,
          children: state.phrasing(caption, { ...context, run: {} }),
        }),
      );
    }
    out.push(partTable(state, node, shown, widths, repeated, cellContext));
    // Word joins two tables with nothing between them into one.
    if (index < plan.parts.length - 1) out.push(new Paragraph({ style: state.ids.tableText }));
  });
  return plan.landscape ? [new OrientationMark('landscape'), ...out, new OrientationMark('portrait')] : out;
}
