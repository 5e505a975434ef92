/**
 * Tables that text extraction laid out with spaces (`pdftotext -layout`): each printed row is a line
 * whose cells stand apart by runs of spaces (`规章            1          0        11`), a header cell
 * set over two lines is two lines (`商业企` / `业`), and a caption or a row label with no figure on
 * its line (`第二十条 第（五）项`, `四、结转下年度继续办理`) sits between the rows. Read line by line, such
 * a table becomes headings, items and joined paragraphs that no reader would recognise. The lines of
 * one such table are read as tables when every row of each has the same cells, each under the
 * caption line above it (`第二十条 第（一）项` / `信息内容  本年制发件数  …` / `规章  1  0  11`); a table whose
 * header is set over several lines, or whose rows differ, is kept together as laid out in one
 * preformatted block (`code`, language `text`), which every output sets in the code face with its spaces.
 *
 * Only one-line paragraphs from plain text are read (their positions say where each line starts).
 */
import type { BlockContent, Code, Position, Table, TableCell, TableRow } from '../ast.js';
import { characterCount, trimLayout } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { matchOrdinal } from './ordinal-marker.js';
import { head } from './phrasing.js';
import { plainLine } from './wrapped-lines.js';

/** Cells apart by this many spaces or more. */
const CELL_GAP = / {3,}\S/;

/** How many lines that are not rows may stand between two rows of one table (captions, label lines). */
const MAX_LINES_BETWEEN_ROWS = 3;

/** How many lines above its first row a table's caption and header lines may take. */
const MAX_LINES_ABOVE = 4;

/** Rows needed: fewer are a line or two that happen to hold wide spaces. */
const MIN_ROWS = 3;

/** A line that starts this far right is a cell set in a column (`申请人情况`), not a paragraph's first line. */
const CELL_INDENT = 12;

/** Whether a line starts far right of any paragraph indent: a cell of a column, part of the table around it. */
function inColumn(block: BlockContent): boolean {
  return (block.position?.start.column ?? 1) > CELL_INDENT + 1;
}

/** A row: a line whose text holds a run of three spaces or more between two cells. */
function isRow(block: BlockContent): boolean {
  const line = plainLine(block);
  return line !== null && CELL_GAP.test(trimLayout(line));
}

/**
 * A section heading of the text around the tables, which no table takes in: a `一、` line with its
 * words (`三、收到和处理政府信息公开申请情况`), indented as the text's paragraphs are. A bare `三、`, or one
 * set flush left (`四、结转下年度继续办理`), is a cell of the table.
 */
function isSectionHeading(block: BlockContent): boolean {
  const line = plainLine(block);
  if (line === null || (block.position?.start.column ?? 1) === 1) return false;
  const match = matchOrdinal(trimLayout(line));
  return (
    match !== null &&
    (match.ordinal.style === 'chinese-comma' || match.ordinal.style === 'formal-comma') &&
    characterCount(trimLayout(line).slice(match.end)) >= 6
  );
}

/** A line of prose: it ends a sentence. A table's caption or header line does not. */
function isProse(block: BlockContent): boolean {
  const line = plainLine(block);
  return line === null || /[。！？]$/.test(trimLayout(line));
}

/** The line as laid out: its indent (from its column) and its text. */
function laidOut(block: BlockContent): string {
  return ' '.repeat((block.position?.start.column ?? 1) - 1) + (plainLine(block) ?? '').trimEnd();
}

/** Index ranges `[from, to]` of the blocks that make up tables laid out with spaces. */
function tableRanges(blocks: readonly BlockContent[]): [number, number][] {
  const ranges: [number, number][] = [];
  let from = -1;
  let last = -1;
  let rows = 0;
  // Lines since the last row that are not cells set in a column.
  let between = 0;
  const close = () => {
    if (from !== -1 && rows >= MIN_ROWS) ranges.push([from, last]);
    from = -1;
    rows = 0;
    between = 0;
  };
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as BlockContent;
    if (isSectionHeading(block) || plainLine(block) === null) {
      close();
      continue;
    }
    if (!isRow(block)) {
      if (!inColumn(block)) between++;
      if (from !== -1 && between > MAX_LINES_BETWEEN_ROWS) close();
      continue;
    }
    if (from === -1) {
      // Take in the caption and header lines right above the first row.
      from = index;
      const floor = ranges.length > 0 ? (ranges[ranges.length - 1] as [number, number])[1] + 1 : 0;
      let above = 0;
      while (from > floor) {
        const line = blocks[from - 1] as BlockContent;
        if (isSectionHeading(line) || isProse(line)) break;
        if (!inColumn(line) && ++above > MAX_LINES_ABOVE) break;
        from--;
      }
    }
    last = index;
    between = 0;
    rows++;
  }
  close();
  return ranges;
}

/** Cells of a row: text apart by two spaces or more (one space stays inside a cell: `总 计`). */
function cellsOf(line: string): string[] {
  return trimLayout(line).split(/ {2,}|\t+/);
}

/** A cell that is a figure: `447228`, `96171.6`, `100%`. Figures are set flush right. */
const FIGURE = /^[-+]?[0-9][0-9,.]*%?$/;

function cell(text: string, header: boolean): TableCell {
  return { type: 'tableCell', header, rowSpan: 1, colSpan: 1, children: [{ type: 'text', value: text }] };
}

function spanOf(lines: readonly BlockContent[]): Position | undefined {
  const first = lines[0]?.position;
  const last = lines[lines.length - 1]?.position;
  return first && last ? { start: first.start, end: last.end } : undefined;
}

/**
 * The tables of a region, or `null` when it is not made of simple tables: each a caption line (no
 * cells) or none, then rows of one number of cells, the first a header when none of its cells is a
 * figure and some cell of a later row is.
 */
function simpleTables(lines: readonly BlockContent[]): Table[] | null {
  const tables: Table[] = [];
  let caption: BlockContent | null = null;
  let rows: BlockContent[] = [];
  const close = (): boolean => {
    if (rows.length === 0) return caption === null;
    const cells = rows.map((row) => cellsOf(plainLine(row) ?? ''));
    const width = (cells[0] as string[]).length;
    if (width < 2 || cells.some((row) => row.length !== width) || rows.length < 2) return false;
    const header =
      !(cells[0] as string[]).some((text) => FIGURE.test(text)) &&
      cells.slice(1).some((row) => row.some((text) => FIGURE.test(text)));
    const body = cells.slice(header ? 1 : 0);
    const align = Array.from({ length: width }, (_, column) =>
      body.length > 0 && body.every((row) => FIGURE.test(row[column] ?? '')) ? ('right' as const) : null,
    );
    const children: TableRow[] = cells.map((row, index) => ({
      type: 'tableRow',
      children: row.map((text) => cell(text, header && index === 0)),
    }));
    const table: Table = { type: 'table', align, headerRows: header ? 1 : 0, children };
    if (caption) table.caption = [{ type: 'text', value: trimLayout(plainLine(caption) ?? '') }];
    const position = spanOf(caption ? [caption, ...rows] : rows);
    if (position) table.position = position;
    tables.push(table);
    caption = null;
    rows = [];
    return true;
  };
  for (const line of lines) {
    if (isRow(line)) {
      rows.push(line);
      continue;
    }
    // A line with no cells: the caption of the table below it; anything else is not a simple table.
    if (!close() || caption !== null) return null;
    caption = line;
  }
  return close() && tables.length > 0 ? tables : null;
}

/** The blocks with each table laid out with spaces read as tables, or kept as one preformatted block; each a fix. */
export function keepLayoutTables(blocks: BlockContent[], fixes: Fix[]): BlockContent[] {
  if (blocks.filter(isRow).length < MIN_ROWS) return blocks;
  const ranges = tableRanges(blocks);
  if (ranges.length === 0) return blocks;
  const out: BlockContent[] = [];
  let next = 0;
  for (const [from, to] of ranges) {
    out.push(...blocks.slice(next, from));
    const lines = blocks.slice(from, to + 1);
    const first = lines[0] as BlockContent;
    const tables = simpleTables(lines);
    fixes.push({
      kind: 'layout-table',
      line: startLine(first),
      before: head(trimLayout(plainLine(first) ?? ''), 12),
      after: tables
        ? `${tables.length} table${tables.length > 1 ? 's' : ''}`
        : `${lines.length} lines kept as laid out`,
    });
    if (tables) out.push(...tables);
    else {
      const table: Code = { type: 'code', lang: 'text', meta: null, value: lines.map(laidOut).join('\n') };
      const position = spanOf(lines);
      if (position) table.position = position;
      out.push(table);
    }
    next = to + 1;
  }
  out.push(...blocks.slice(next));
  return out;
}
