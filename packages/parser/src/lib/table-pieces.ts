/*
 * A GFM table is one block: no blank line inside it, so `segments.ts` cannot cut it, and micromark
 * holds the events of the whole table until its tree is built — about 34 KB a row of three short
 * cells (8,000 rows, 184 KB of text, peaked at 357 MiB; 1 MB of rows at 1.2–2.2 GB). But a row of
 * a GFM table depends on nothing in the table except the header and delimiter rows (the number of
 * columns and their alignment; a pipe splits cells wherever it stands, even inside code), so the
 * table can be parsed a few rows at a time under its own header and delimiter rows, and the rows
 * joined into one table with the positions they have in the whole text.
 */
import type { Root, Table } from 'mdast';

/** A long table at the top level: its header and delimiter rows, then rows, cut into pieces. */
export interface TableBlock {
  /** Where its header row starts (a line's start, after a blank line or at a piece's start). */
  start: number;
  /** Where the line after its delimiter row starts. */
  headerEnd: number;
  /** Where each piece after the first starts: the start of a row line (`|` first). */
  cuts: number[];
  /** Where the line after the block (its first blank line, or the end) starts. */
  end: number;
}

/** A delimiter row, loosely: `|`, `:`, `-` and blanks; a parse of the first piece confirms it. */
const DELIMITER_ROW = /^\|[|:\- \t]*$/;

/**
 * The tables of `text` longer than `size` characters that start a block (flush, after a blank line,
 * after `from`), each cut before a row line every `size` characters or more. Only lines starting
 * with `|` are cut before: such a line is a row of the table wherever it stands; whatever else the
 * block holds after its run of them (a row without pipes, or a block that ends the table) stays in
 * the last piece, where it is read as it would be in the whole.
 */
export function longTables(text: string, size: number, from: number): TableBlock[] {
  const found: TableBlock[] = [];
  const ending = /\r\n|\r|\n/g;
  ending.lastIndex = from;
  let block: TableBlock | undefined;
  /** 0 outside a table; 1 after its header row; 2 after its delimiter row; 3 past its `|` rows. */
  let state = 0;
  let last = 0;
  let blankBefore = true;
  const close = () => {
    if (block && block.cuts.length > 0) found.push(block);
    block = undefined;
    state = 0;
  };
  for (let start = from; start < text.length; ) {
    const match = ending.exec(text);
    const textEnd = match ? match.index : text.length;
    const next = match ? match.index + match[0].length : text.length;
    const first = text.charCodeAt(start);
    const blank = isBlank(text, start, textEnd);
    if (blank) {
      if (block) block.end = start;
      close();
    } else if (state === 0) {
      if (blankBefore && first === 124) {
        block = { start, headerEnd: next, cuts: [], end: next };
        state = 1;
      }
    } else if (block) {
      block.end = next;
      if (state === 1) {
        if (DELIMITER_ROW.test(text.slice(start, textEnd)) && text.slice(start, textEnd).includes('-')) {
          block.headerEnd = next;
          state = 2;
          last = next;
        } else {
          block = undefined;
          state = 0;
        }
      } else if (state === 2) {
        if (first !== 124) state = 3;
        else if (start - last >= size) {
          block.cuts.push(start);
          last = start;
        }
      }
    }
    blankBefore = blank;
    start = next;
  }
  if (block) block.end = text.length;
  close();
  return found;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** The table a piece's tree must be: its only block (the last piece may have more after it). */
export function pieceTable(tree: Root, last: boolean): Table | undefined {
  const [table] = tree.children;
  if (table?.type !== 'table' || (!last && tree.children.length !== 1)) return undefined;
  return table;
}

/** The piece's header row, repeated from the first, taken out before anything else reads the tree. */
export function dropHeader(tree: Root): undefined {
  const [table] = tree.children;
  if (table?.type === 'table') table.children.shift();
  return undefined;
}
