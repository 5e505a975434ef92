/**
 * Tables. The AST gives rows of cells with `rowSpan`/`colSpan`, as HTML does; pdfmake wants every
 * row to cover the grid, a spanning cell followed by empty `{}` cells where it spans. Cells are
 * placed by `tableGrid` (@wenshu/parser), as HTML's table model does, with overlapping spans
 * clipped. Column widths, and what happens when a table is too wide for the page (a smaller font,
 * a landscape page, parts that repeat the first column), come from `planTable` (@wenshu/parser),
 * the same plan the DOCX exporter follows. Cells keep numbers, dates and Latin words on one line.
 * Header rows repeat on every page; a row is never split across pages unless it is taller than one.
 */
import {
  type AlignType,
  type PlacedCell as Placed,
  partGrid,
  planTable,
  repeatedRows,
  type Table,
  type TableCell,
  type TableGrid,
  type TableRow,
  tableFitMessage,
  tableGrid,
  withoutCoveredRows,
} from '@wenshu/parser';
import { pitchOf } from '../page.js';
import type { Cell, Content, PageBreakNode, TableLayout } from '../pdf/definition.js';
import type { Context, State } from '../state.js';

const PADDING_X = 4;
const PADDING_Y = 2;

function alignOf(table: Table, placed: Placed): 'left' | 'center' | 'right' {
  const align: AlignType | undefined = placed.cell.align ?? table.align[placed.column] ?? null;
  if (align) return align;
  return placed.cell.header ? 'center' : 'left';
}

/** A pdfmake table of one part of the plan. */
function partTable(
  state: State,
  node: Table,
  shown: TableGrid,
  widths: number[],
  sizePt: number,
  repeated: number,
  bodyHeightPt: number,
  context: Context,
): Content {
  const { grid, rowOf } = withoutCoveredRows(shown);
  const headerRows = rowOf.filter((r) => r < repeated).length;
  const columns = grid.columns;
  const rule = state.theme.table.borderPt;
  const headerBold = state.theme.table.headerBold;
  const style = {
    ...state.styles.table,
    sizePt,
    pitchPt: pitchOf(sizePt, state.theme.table.lineSpacing),
    keepTokens: true,
  };
  const gap = 2 * PADDING_X + rule;
  let tallest = 0;
  const body: Cell[][] = grid.positions.map((occupied, r) => {
    const row: Cell[] = [];
    let rowHeight = 0;
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
      if (entry.rowSpan === 1) rowHeight = Math.max(rowHeight, state.estimate({ stack: content }));
      row.push({
        stack: content,
        ...(entry.colSpan > 1 ? { colSpan: entry.colSpan } : {}),
        ...(entry.rowSpan > 1 ? { rowSpan: entry.rowSpan } : {}),
      });
    }
    tallest = Math.max(tallest, rowHeight + 2 * PADDING_Y + rule);
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
  return {
    table: {
      widths,
      body,
      headerRows,
      // The header rows never end a page alone: they go with the first body row.
      ...(headerRows > 0 ? { keepWithHeaderRows: 1 } : {}),
      // A row stays on one page (a rate split over two pages reads as two rates, issue 16), unless
      // a row is taller than a page: pdfmake would then draw it past the page's foot.
      ...(tallest < bodyHeightPt * 0.8 ? { dontBreakRows: true } : {}),
    },
    layout,
    margin: [0, 3, 0, 6],
  };
}

/** The id of a tall table's caption (numbered): `captionBreakBefore` keeps it off a page's foot. */
export const CAPTION_ID = 'table-caption-';
/**
 * The tall tables' captions of each render, by number: the height the caption needs below it on its
 * page (itself, the header rows and the first body row). An id becomes a named destination in the
 * PDF, so they are numbered per document (the same document gives the same bytes).
 */
const tallCaptions = new WeakMap<State, number[]>();

/** A table's caption re-laid out at most this often per document: each break lays the whole document out again. */
const MAX_CAPTION_BREAKS = 20;

/**
 * For pdfmake's `pageBreakBefore`: a break before a tall table's caption when nothing follows it on
 * its page (its table starts on the next). Returns the hook for one render, or `undefined` when the
 * content has no such caption (no second layout then).
 */
export function captionBreakBefore(state: State): ((node: PageBreakNode) => boolean) | undefined {
  const needs = tallCaptions.get(state);
  if (!needs) return undefined;
  const top = state.page.margins[1];
  let breaks = 0;
  return (node) => {
    if (!node.id?.startsWith(CAPTION_ID) || breaks >= MAX_CAPTION_BREAKS) return false;
    // By the caption's own position: pdfmake records the rows it moves to the next page (the
    // header kept with the first row) where it first tried them, so theirs cannot tell.
    const need = needs[Number(node.id.slice(CAPTION_ID.length)) - 1] ?? 0;
    const { top: at, pageInnerHeight } = node.startPosition;
    if (top + pageInnerHeight - at >= need) return false;
    breaks++;
    return true;
  };
}

/** The height of a table node's header rows and first body row, as laid out alone. */
function firstRowsHeight(state: State, tableNode: Content): number {
  if (!('table' in tableNode)) return 0;
  const { body, headerRows = 0 } = tableNode.table;
  return state.estimate({ ...tableNode, table: { ...tableNode.table, body: body.slice(0, headerRows + 1) } });
}

export function table(state: State, node: Table, context: Context): Content[] {
  const grid = tableGrid(node);
  if (grid.columns === 0) return [];
  const { theme, page } = state;
  const landscapeWidthPt = page.heightPt - page.margins[0] - page.margins[2];
  const plan = planTable(grid, {
    widthPt: context.width,
    // A landscape page only for a table at the top level: a table in a list item or a quote stays.
    ...(context.width >= page.bodyWidthPt - 0.01 ? { landscapeWidthPt } : {}),
    sizePt: theme.table.sizePt,
    floorPt: Math.min(theme.table.minSizePt, theme.table.sizePt),
    paddingPt: 2 * PADDING_X,
    rulePt: theme.table.borderPt,
  });
  if (plan.fallbacks.length > 0 || plan.squeezed) {
    state.warn('table-fit', tableFitMessage(node, plan, grid.columns, theme.table.sizePt), node.position);
  }
  const width = plan.landscape ? landscapeWidthPt : context.width;
  // A landscape page is as tall as the portrait page's width, less the top and bottom margins.
  const bodyHeightPt = plan.landscape ? page.widthPt - page.margins[1] - page.margins[3] : page.bodyHeightPt;
  const caption = (children: NonNullable<Table['caption']>) =>
    state.text(state.phrasing(children, { ...context, run: {} }), { ...context, width, block: state.styles.caption });

  const repeated = repeatedRows(grid, node.headerRows);
  const out: Content[] = [];
  plan.parts.forEach((part, index) => {
    const partContext = { ...context, width };
    const shown = plan.parts.length === 1 ? grid : partGrid(grid, part.columns);
    const tableNode = partTable(state, node, shown, part.widthsPt, plan.sizePt, repeated, bodyHeightPt, partContext);
    // Parts after the first say they continue the table (续表), as printed Chinese tables do; in
    // the document's script (the state knows it as the word its picture placeholders use).
    const continued = state.pictureWord === '圖片' ? '續表' : '续表';
    const title = index === 0 ? node.caption : [{ type: 'text' as const, value: continued }];
    if (!title || title.length === 0) {
      out.push(tableNode);
      return;
    }
    // The caption goes with its table onto the next page rather than end a page: in one
    // unbreakable block for a table well under a page's height; for a taller one (pdfmake silently
    // drops an unbreakable block taller than the page) the caption is marked, and a caption that
    // ends its page gets a page break before it (`captionBreakBefore`, after the layout).
    if (state.estimate(tableNode) <= bodyHeightPt * 0.6) {
      out.push({ stack: [...caption(title), tableNode], unbreakable: true });
      return;
    }
    const [first, ...rest] = caption(title);
    if (!first) {
      out.push(tableNode);
      return;
    }
    const needs = tallCaptions.get(state) ?? [];
    tallCaptions.set(state, needs);
    needs.push(state.estimate({ stack: [first, ...rest] }) + firstRowsHeight(state, tableNode));
    out.push({ stack: [{ ...first, id: `${CAPTION_ID}${needs.length}` }, ...rest, tableNode] });
  });
  if (!plan.landscape) return out;
  // Landscape: the table starts a page of its own turned sideways, and what follows it starts a
  // portrait page again (pdfmake's per-node `pageOrientation`, applied with a page break).
  const first = out[0] as Content;
  out[0] = { ...first, pageBreak: 'before', pageOrientation: 'landscape' };
  const back: Content = { text: '', pageBreak: 'before', pageOrientation: 'portrait' };
  PORTRAIT_AGAIN.add(back);
  out.push(back);
  return out;
}

/** The nodes that turn the page back to portrait after a landscape table. */
const PORTRAIT_AGAIN = new WeakSet<Content>();

/**
 * Page orientation over the whole content: drops a return to portrait that would make an empty page
 * (at the end, or just before another landscape table, which starts a page of its own anyway), and
 * when the document opens with a landscape table, says so instead of breaking the page before it
 * (pdfmake would leave the first page blank): the document then starts landscape.
 */
export function orientPages(content: Content[]): { content: Content[]; landscapeFirst: boolean } {
  const kept = content.filter((node, i) => {
    if (!PORTRAIT_AGAIN.has(node)) return true;
    const next = content[i + 1];
    return next !== undefined && next.pageOrientation !== 'landscape';
  });
  // A table's space below it, when the table ends the document on the last line of a page, makes
  // pdfmake start a page with nothing on it: the last table has none.
  const last = kept.at(-1);
  if (last && 'table' in last) kept[kept.length - 1] = { ...last, margin: [0, 3, 0, 0] };
  else if (last && 'stack' in last && last.stack.length > 0 && 'table' in (last.stack.at(-1) as Content)) {
    kept[kept.length - 1] = {
      ...last,
      stack: [...last.stack.slice(0, -1), { ...(last.stack.at(-1) as Content), margin: [0, 3, 0, 0] }],
    };
  }
  const [first, ...others] = kept;
  if (first?.pageOrientation === 'landscape') {
    const { pageBreak: _break, pageOrientation: _orientation, ...rest } = first;
    return { content: [rest as Content, ...others], landscapeFirst: true };
  }
  return { content: kept, landscapeFirst: false };
}

/** Rows and cells are rendered by `table`, which places them on the grid; alone, a row is its cells' blocks. */
export function tableRow(state: State, node: TableRow, context: Context): Content[] {
  return node.children.flatMap((cell) => state.one(cell, context));
}

export function tableCell(state: State, node: TableCell, context: Context): Content[] {
  const block = { ...state.styles.table, bold: node.header && state.theme.table.headerBold, keepTokens: true };
  return state.text(state.phrasing(node.children, { ...context, run: {} }), { ...context, block, run: {} });
}
