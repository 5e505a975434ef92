import type { Code, Nodes, Root, RootContent, Table } from 'mdast';
import { type DenseBlock, type DenseLimits, denseBlocks } from './dense.js';
import { endingBefore, type FenceBlock, longFences } from './fence-pieces.js';
import { type MdastOptions, markdownToMdast } from './markdown.js';
import { dropHeader, longTables, pieceTable, type TableBlock } from './table-pieces.js';

export {
  DENSE_BRACKETS,
  DENSE_CONTAINER_LINES,
  type DenseBlock,
  denseBlocks,
} from './dense.js';

type Point = NonNullable<Root['position']>['start'];

/*
 * Why this exists: micromark keeps every event of the whole document (a token with two point
 * objects each, and a tokenizer with its closures for every paragraph's text) until the tree is
 * built. That costs about 800 bytes per source character on a document of short paragraphs: 1 MB
 * of one-line paragraphs peaked at 860 MiB in the parse alone, 20 MB could not fit in memory, though
 * the finished tree holds 50 MiB. Nothing in Markdown reaches across a blank line at the top level
 * except a few constructs (below), so a long source is parsed a piece at a time, each piece's tree
 * moved to its place in the whole (positions shifted) and its events let go before the next piece.
 * The tree is the one a single parse makes: `parse.test.ts` compares the two on every fixture.
 */

/** A piece is cut at the first safe place after this many characters. */
export const SEGMENT_CHARS = 16 * 1024;

/**
 * A top-level line that opens a block which may run on past blank lines: a fenced code or math block
 * (only its closing fence ends it) or an HTML block of CommonMark kinds 1–5 (only its end mark does).
 */
const OPENERS =
  /^ {0,3}(?:`{3,}|~{3,}|\${2,}|<(?:script|pre|style|textarea)(?:[\s>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)/i;

/**
 * A line after a blank line that continues what came before it: indented (a list item's or a
 * footnote's further paragraphs, indented code), a list item or thematic break (the same list goes on,
 * loose), or a line a container could claim. Only a line starting flush with anything else begins
 * new, independent top-level content.
 */
const CONTINUES = /^(?:[\s>]|[-+*_=]|\d{1,9}[.)])/;

/**
 * Definitions (`[a]: url`, `[^1]: …`) are read before the text that refers to them, wherever they
 * are: a piece could not see those of another. A source with `]:` anywhere is parsed whole.
 */
const DEFINITION = /\]:/;

/** Where front matter ends (0 without any), `null` when it is never closed. It may hold blank lines. */
function frontMatterEnd(text: string): number | null {
  const fence = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!fence) return 0;
  const close = new RegExp(
    `(?:\\r\\n|\\r|\\n)${fence[1] === '+++' ? '\\+\\+\\+' : '---'}[ \\t]*(?:\\r\\n|\\r|\\n|$)`,
    'g',
  );
  close.lastIndex = fence[0].length - 1;
  const found = close.exec(text);
  return found ? found.index + found[0].length : null;
}

/**
 * Offsets where `text` can be cut into pieces that parse alone to the same trees: after a blank line,
 * before a line that starts new top-level content, outside front matter. A block that might still be
 * open there (`OPENERS`) is caught when its piece is parsed (it runs to the end of the piece), and the
 * cut is then dropped (see `segmentedMdast`).
 */
export function cutPoints(text: string, size: number): number[] {
  const cuts: number[] = [];
  if (text.length <= size || DEFINITION.test(text)) return cuts;
  const from = frontMatterEnd(text);
  if (from === null) return cuts;
  let last = 0;
  const blank = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/g;
  blank.lastIndex = Math.max(from, size);
  for (let match = blank.exec(text); match !== null; match = blank.exec(text)) {
    // Further blank lines belong to this gap: the cut is before the first line with text.
    let at = match.index + match[0].length;
    for (;;) {
      const next = /^[ \t]*(?:\r\n|\r|\n)/.exec(text.slice(at, at + 256));
      if (!next) break;
      at += next[0].length;
    }
    if (at >= text.length) break;
    const head = text.slice(at, at + 16);
    if (CONTINUES.test(head) || OPENERS.test(head) || head.startsWith('[^')) {
      blank.lastIndex = at;
      continue;
    }
    if (at - last >= size) {
      cuts.push(at);
      last = at;
    }
    blank.lastIndex = Math.max(at, last + size);
  }
  return cuts;
}

/** Line endings in `text` from `from` to `to`, counted as micromark counts them (CRLF is one). */
function lineEndings(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) count++;
    else if (code === 13) {
      count++;
      if (text.charCodeAt(index + 1) === 10) index++;
    }
  }
  return count;
}

/** Moves every position in `tree` by `lines` lines and `offset` characters (each node gets new points). */
function shift(tree: Nodes, lines: number, offset: number): void {
  const move = (point: Point): Point => ({
    line: point.line + lines,
    column: point.column,
    ...(point.offset === undefined ? {} : { offset: point.offset + offset }),
  });
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/** True when the last block of a piece runs to its very end: a fence or HTML block left open. */
function runsToEnd(tree: Root, length: number): boolean {
  const last = tree.children.at(-1);
  const end = last?.position?.end.offset;
  return end !== undefined && end >= length - 1;
}

/** A dense block as one paragraph of its text, at its place (`lines`: line endings before it). */
function plainParagraph(text: string, block: DenseBlock, lines: number): RootContent {
  const value = text.slice(block.start, block.textEnd);
  const lastLine = Math.max(value.lastIndexOf('\n'), value.lastIndexOf('\r')) + 1;
  const position = {
    start: { line: lines + 1, column: 1, offset: block.start },
    end: {
      line: lines + 1 + lineEndings(value, 0, value.length),
      column: value.length - lastLine + 1,
      offset: block.textEnd,
    },
  };
  return { type: 'paragraph', children: [{ type: 'text', value, position }], position: structuredClone(position) };
}

function overlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The blocks that may take in a fence line after them: a fence, math or HTML block left open. */
const OPEN_KINDS = new Set(['code', 'html', 'math']);

/**
 * Whether the last block of a piece that runs to its end may go on into the next. Before a fence
 * that starts flush (it may follow a paragraph with no blank line between), only a block left open
 * can: such a fence interrupts a paragraph, and no list item or quote holds a line that is not
 * indented or marked. An indented fence line may be a list item's (`- a` then `  ```…`).
 */
function swallows(tree: Root, text: string, fence: FenceBlock | undefined): boolean {
  if (!fence || text.charCodeAt(fence.start) === 32) return true;
  return OPEN_KINDS.has(tree.children.at(-1)?.type ?? '');
}

/**
 * A long fenced code block parsed a few lines at a time (`fence-pieces.ts`): each piece after the
 * first under the opening line, the values joined with the line endings between the pieces, every
 * position that of the whole text. `undefined` when a piece is not the one code block it should be:
 * then the block is parsed as any other.
 */
function fenceCode(
  text: string,
  block: FenceBlock,
  lines: number,
  transforms: NonNullable<MdastOptions['transforms']>,
): Root | undefined {
  const opener = text.slice(block.start, block.openerEnd);
  const openerLines = lineEndings(opener, 0, opener.length);
  const bounds = [block.start, ...block.cuts, block.end];
  const values: string[] = [];
  let code: Code | undefined;
  let rootStart: NonNullable<Root['position']>['start'] | undefined;
  let line = lines;
  for (let index = 0; index + 1 < bounds.length; index++) {
    const [from, to] = [bounds[index] as number, bounds[index + 1] as number];
    const [lineShift, offsetShift] = index === 0 ? [line, from] : [line - openerLines, from - opener.length];
    const tree = markdownToMdast(index === 0 ? text.slice(from, to) : opener + text.slice(from, to), {
      transforms: [
        (tree: Root) => {
          shift(tree, lineShift, offsetShift);
          return undefined;
        },
        ...transforms,
      ],
    });
    const [node] = tree.children;
    if (tree.children.length !== 1 || node?.type !== 'code') return undefined;
    if (!code) {
      code = node;
      rootStart = tree.position?.start;
      values.push(node.value);
    } else {
      values.push(endingBefore(text, from), node.value);
      if (code.position && node.position) code.position = { start: code.position.start, end: node.position.end };
    }
    if (index + 2 === bounds.length) {
      code.value = values.join('');
      const end = tree.position?.end;
      return { type: 'root', children: [code], ...(rootStart && end ? { position: { start: rootStart, end } } : {}) };
    }
    line += lineEndings(text, from, to);
  }
  return undefined;
}

/**
 * A long table parsed a few rows at a time (`table-pieces.ts`): each piece after the first under the
 * header and delimiter rows (its copy of the header row dropped), the rows joined into the first
 * piece's table, every position that of the whole text. `undefined` when a piece is not the table it
 * should be (the delimiter row was not one, say, or a fence opened after the rows runs on): then the
 * block is parsed as any other.
 */
function tableRows(
  text: string,
  block: TableBlock,
  lines: number,
  transforms: NonNullable<MdastOptions['transforms']>,
): Root | undefined {
  const header = text.slice(block.start, block.headerEnd);
  const headerLines = lineEndings(header, 0, header.length);
  const bounds = [block.start, ...block.cuts, block.end];
  let table: Table | undefined;
  let line = lines;
  for (let index = 0; index + 1 < bounds.length; index++) {
    const [from, to] = [bounds[index] as number, bounds[index + 1] as number];
    const last = index + 2 === bounds.length;
    const [lineShift, offsetShift] = index === 0 ? [line, from] : [line - headerLines, from - header.length];
    const tree = markdownToMdast(index === 0 ? text.slice(from, to) : header + text.slice(from, to), {
      transforms: [
        (tree: Root) => {
          shift(tree, lineShift, offsetShift);
          return undefined;
        },
        ...(index === 0 ? [] : [dropHeader]),
        ...transforms,
      ],
    });
    const found = pieceTable(tree, last);
    if (!found) return undefined;
    if (!table) table = found;
    else {
      for (const row of found.children) table.children.push(row);
      if (table.position && found.position) table.position = { start: table.position.start, end: found.position.end };
    }
    if (last) {
      // A block opened after the rows and left open runs on past the blank line: parse it as any other.
      if (tree.children.length > 1 && runsToEnd(tree, to)) return undefined;
      const position =
        tree.position && table.position ? { start: table.position.start, end: tree.position.end } : undefined;
      return { type: 'root', children: [table, ...tree.children.slice(1)], ...(position ? { position } : {}) };
    }
    line += lineEndings(text, from, to);
  }
  return undefined;
}

export interface SegmentOptions extends MdastOptions {
  segmentChars?: number;
  /** Limits of a dense block (`denseBlocks`); the defaults above when not given. */
  dense?: DenseLimits;
  /** Told of each dense block read as plain text. */
  onDense?: (block: DenseBlock) => void;
}

interface Span {
  start: number;
  end: number;
}

/** `cuts` without those inside a dense block or long table (`dense`, sorted), with the blocks' bounds, sorted. */
function cutsAround(cuts: number[], dense: Span[], length: number): number[] {
  const all = new Set<number>();
  let blockIndex = 0;
  for (const at of cuts) {
    while (blockIndex < dense.length && (dense[blockIndex] as Span).end <= at) blockIndex++;
    const block = dense[blockIndex];
    if (!block || at <= block.start) all.add(at);
  }
  for (const block of dense) {
    if (block.start > 0) all.add(block.start);
    if (block.end < length) all.add(block.end);
  }
  return [...all].sort((a, b) => a - b);
}

/**
 * `markdownToMdast` a piece at a time (see above): the same tree, its positions those of the whole
 * text, without holding the parser's events for more than one piece. Dense blocks are read as text.
 */
export function segmentedMdast(text: string, options: SegmentOptions = {}): Root {
  const size = options.segmentChars ?? SEGMENT_CHARS;
  const dense = denseBlocks(text, options.dense);
  const denseAt = new Map(dense.map((block) => [block.start, block]));
  // Definitions reach into a table's cells from anywhere: a source with them is parsed whole (as
  // `cutPoints` does); a table that is also a dense block is read as text.
  const from = DEFINITION.test(text) ? null : frontMatterEnd(text);
  const long = (found: Span[]) => found.filter((span) => !dense.some((block) => overlap(block, span)));
  // A table inside a fence is code, and a fence in a table's rows ends it: of two that overlap, the
  // one that starts first is what the text holds.
  const blocks = from === null ? [] : [...long(longTables(text, size, from)), ...long(longFences(text, size, from))];
  blocks.sort((a, b) => a.start - b.start);
  const kept: Span[] = [];
  for (const span of blocks) if (!kept.some((earlier) => overlap(earlier, span))) kept.push(span);
  const tables = kept.filter((span): span is TableBlock => 'headerEnd' in span);
  const fences = kept.filter((span): span is FenceBlock => 'openerEnd' in span);
  const spans: Span[] = [...dense, ...kept].sort((a, b) => a.start - b.start);
  const cuts = cutsAround(cutPoints(text, size), spans, text.length);
  if (cuts.length === 0 && spans.length === 0) return markdownToMdast(text, options);
  cuts.push(text.length);
  const tableAt = new Map(tables.map((table) => [table.start, table]));
  const fenceAt = new Map(fences.map((fence) => [fence.start, fence]));
  const children: RootContent[] = [];
  let first: Root['position'];
  let final: Root['position'];
  let start = 0;
  let line = 0;
  let nextDense = 0;
  for (let index = 0; index < cuts.length; index++) {
    let end = cuts[index] as number;
    const block = denseAt.get(start);
    if (block) {
      options.onDense?.(block);
      const paragraph = plainParagraph(text, block, line);
      children.push(paragraph);
      first ??= { start: { line: 1, column: 1, offset: 0 }, end: paragraph.position?.end ?? { line: 1, column: 1 } };
      final = { start: first.start, end: { ...(paragraph.position?.end ?? first.start) } };
      nextDense++;
      line += lineEndings(text, start, end);
      start = end;
      continue;
    }
    const table = tableAt.get(start);
    const rows = table && end === table.end ? tableRows(text, table, line, options.transforms ?? []) : undefined;
    if (rows) {
      for (const child of rows.children) children.push(child);
      first ??= rows.position;
      final = rows.position;
      line += lineEndings(text, start, end);
      start = end;
      continue;
    }
    const fence = fenceAt.get(start);
    const code = fence && end === fence.end ? fenceCode(text, fence, line, options.transforms ?? []) : undefined;
    if (code) {
      for (const child of code.children) children.push(child);
      first ??= code.position;
      final = code.position;
      line += lineEndings(text, start, end);
      start = end;
      continue;
    }
    // A piece parsed again with more may not reach into a dense block (it may into a long table or
    // fence: then that is read with it, whole).
    const limit = nextDense < dense.length ? (dense[nextDense] as DenseBlock).start : text.length;
    let piece = text.slice(start, end);
    const lines = line;
    const offset = start;
    const transforms = [
      (tree: Root) => {
        shift(tree, lines, offset);
        return undefined;
      },
      ...(options.transforms ?? []),
    ];
    let tree = markdownToMdast(piece, { transforms });
    // A block open at the cut: parse again up to a cut at least twice as far (doubling, so that a
    // fence left open at the top costs a linear amount of work, not one parse per piece).
    while (end < limit && runsToEnd(tree, offset + piece.length) && swallows(tree, text, fenceAt.get(end))) {
      const reach = start + 2 * (end - start);
      while (index < cuts.length - 1 && (cuts[index] as number) < reach && (cuts[index] as number) < limit) index++;
      end = cuts[index] as number;
      piece = text.slice(start, end);
      tree = markdownToMdast(piece, { transforms });
    }
    for (const child of tree.children) children.push(child);
    first ??= tree.position;
    final = tree.position;
    line += lineEndings(text, start, end);
    start = end;
  }
  // The root spans the whole text, as a single parse's does.
  return {
    type: 'root',
    children,
    ...(first && final ? { position: { start: first.start, end: final.end } } : {}),
  };
}
