/**
 * Tables. The AST gives rows of cells with `rowSpan`/`colSpan`, as HTML does; Word wants every row
 * to cover the whole grid, a cell spanning columns as `w:gridSpan` and a cell spanning rows as a
 * `w:vMerge="restart"` cell followed, in each row below, by a `w:vMerge` (continue) cell of the same
 * span. `layoutTable` lays the cells placed by `tableGrid` out in those terms; column widths follow
 * the content and fill the text width.
 */

import type { AlignType, PlacedCell, TableCell, Table as TableNode, TableRow } from '@wenshu/parser';
import { tableGrid, toText } from '@wenshu/parser';
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
export function layoutTable(table: TableNode): TableLayout {
  const { columns, positions: grid } = tableGrid(table);
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

/** Display width of text in half-ems: CJK and full-width characters 2, others 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/**
 * Column widths in twips that add up to `total`, proportional to each column's longest line of
 * text (cells spanning one column), kept between 4 and 40 half-ems so that neither a long cell nor
 * an empty column takes over.
 */
export function columnWidths(layout: TableLayout, total: number): number[] {
  const weights = new Array<number>(layout.columns).fill(0);
  for (const row of layout.rows) {
    for (const slot of row) {
      if (slot.kind !== 'start' || slot.placed.colSpan !== 1) continue;
      const longest = Math.max(0, ...toText(slot.placed.cell).split('\n').map(displayWidth));
      weights[slot.placed.column] = Math.max(weights[slot.placed.column] ?? 0, longest);
    }
  }
  const clamped = weights.map((w) => Math.min(40, Math.max(4, w)));
  const sum = clamped.reduce((a, b) => a + b, 0) || 1;
  const widths = clamped.map((w) => Math.floor((total * w) / sum));
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
    children: state.phrasing(cell.children, { ...context, run: {} }),
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

export function table(state: State, node: TableNode, context: Context): Block[] {
  if (context.inNote) return tableAsText(state, node, context);
  const layout = layoutTable(node);
  if (layout.columns === 0) return [];
  const widths = columnWidths(layout, state.textWidthTwips);
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const headerRows = Math.min(node.headerRows, node.children.length);

  const rows = layout.rows.map((slots, r) => {
    const cells = slots.map((slot) => {
      if (slot.kind === 'empty') {
        return new DocxCell({
          width: { size: spanWidth(slot.col, 1), type: WidthType.DXA },
          children: [new Paragraph({ style: r < headerRows ? state.ids.tableHeading : state.ids.tableText })],
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
      const header = placed.cell.header || r < headerRows;
      return new DocxCell({
        ...common,
        ...(placed.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
        children: [cellParagraph(state, placed.cell, header, alignment, context)],
      });
    });
    return new DocxRow({ children: cells, ...(r < headerRows ? { tableHeader: true } : {}) });
  });

  const out: Block[] = [];
  if (node.caption) {
    out.push(
      new Paragraph({
        style: state.ids.caption,
        keepNext: true,
        children: state.phrasing(node.caption, { ...context, run: {} }),
      }),
    );
  }
  out.push(
    new Table({
      rows,
      width: { size: state.textWidthTwips, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      style: state.ids.table,
      alignment: AlignmentType.CENTER,
    }),
  );
  return out;
}
