/*
 * What no piece can hold: a block (lines without a blank line between) so dense with constructs that
 * micromark's events for it alone exceed the memory a conversion may take. Such a block is read as
 * plain text — its characters kept, its marks not read — with a warning (`too-dense`). Measured on
 * Node 20 while micromark parses such a block (the peak resident memory of a process that parses
 * one block, at two sizes, the difference divided by what was added):
 *
 * - a list item holding a quote, about 30 KB a line (71,000 such lines in 1 MB took 2.4 GB); a lazy
 *   line under a quote about 4 KB (1 MB of them, 700 MB);
 * - an unclosed `[` about 1.8 KB (1 MB of them, 1.9 GB); a footnote call about 11 KB;
 * - an emphasis or strikethrough run (`*`, `**`, `_`, `~~`) that may open or close about 2 KB
 *   (`*甲 **乙 ` repeated: 35,000 more of it, 70,000 runs, took 144 MB more);
 * - a character reference (`&amp;`) about 2.7 KB (140,000 more took 381 MB more);
 * - a GFM table cell about 8 KB, so a table's header, delimiter and one row cost 24 KB a column
 *   (6,000 more columns took 143 MB more). A long table is parsed a few rows at a time
 *   (`table-pieces.ts`), so what bounds it is the cells of one line.
 */

/**
 * Lines opening a list item or a quote, or lazy lines under a quote (each line after a `>` line), in
 * one block: 10,000 cost about 300 MB to parse (lazy lines about 4 KB each, 1 MB of them 700 MB).
 */
export const DENSE_CONTAINER_LINES = 10_000;
/** `[` in one block: 100,000 cost about 180 MB to parse. */
export const DENSE_BRACKETS = 100_000;
/** Runs of `*`, `_` or `~` in one block: 100,000 cost about 200 MB to parse. */
export const DENSE_DELIMITERS = 100_000;
/** `&` before a letter or `#` (a character reference, or what may be one) in one block: 100,000 cost about 270 MB. */
export const DENSE_ENTITIES = 100_000;
/**
 * Emphasis runs and references are also what long paragraphs of ordinary text hold (a report of
 * 20 MB on one line has a bold phrase every 300 characters or so): a block may hold more of them
 * than the limits above, up to one per this many characters of it, which keeps their cost (about
 * 3 KB each) under 25 bytes a character of the block.
 */
export const DENSE_CHARS_PER_MARK = 128;
/** `|` on one line of a table: 10,000 columns cost about 240 MB to parse (header, delimiter and a row). */
export const DENSE_TABLE_CELLS = 10_000;

export interface DenseLimits {
  containerLines: number;
  brackets: number;
  delimiters?: number;
  entities?: number;
  tableCells?: number;
}

export const DENSE_LIMITS: Required<DenseLimits> = {
  containerLines: DENSE_CONTAINER_LINES,
  brackets: DENSE_BRACKETS,
  delimiters: DENSE_DELIMITERS,
  entities: DENSE_ENTITIES,
  tableCells: DENSE_TABLE_CELLS,
};

/** A block read as plain text: from `start` (a line's start) to `end` (the next line's start). */
export interface DenseBlock {
  start: number;
  /** Where its last line's text ends (before the line ending). */
  textEnd: number;
  end: number;
  containerLines: number;
  brackets: number;
  /** Runs of `*`, `_`, `~`. In a table (cut between any two rows), those of its densest line. */
  delimiters: number;
  /** `&` before a letter or `#`. In a table, those of its densest line. */
  entities: number;
  /** The most `|` on one line, when the block is a table (its second line a delimiter row); else 0. */
  tableCells: number;
}

/**
 * A footnote call `[^` costs about six brackets (11 KB while parsed: 20,000 calls in 0.2 MB peaked
 * at 300 MB): it counts as six, so that 16,666 calls are the most one block may hold.
 */
const FOOTNOTE_CALL_WEIGHT = 6;

const CONTAINER_LINE = /^[ \t]*(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
/** A GFM delimiter row, loosely (only `|`, `:`, `-` and blanks, a `-` and a `|` among them). */
const DELIMITER_ROW = /^[ \t]*[|:-][|:\- \t]*$/;

const BRACKET = 91;
const CARET = 94;
const ASTERISK = 42;
const UNDERSCORE = 95;
const TILDE = 126;
const AMPERSAND = 38;
const HASH = 35;
const PIPE = 124;

/** What one line holds of each kind of mark. */
function lineMarks(line: string) {
  let brackets = 0;
  let delimiters = 0;
  let entities = 0;
  let pipes = 0;
  let previous = -1;
  for (let at = 0; at < line.length; at++) {
    const code = line.charCodeAt(at);
    if (code === BRACKET) brackets += line.charCodeAt(at + 1) === CARET ? FOOTNOTE_CALL_WEIGHT : 1;
    else if ((code === ASTERISK || code === UNDERSCORE || code === TILDE) && code !== previous) delimiters++;
    else if (code === AMPERSAND) {
      const next = line.charCodeAt(at + 1);
      const lower = next | 0x20;
      if (next === HASH || (lower >= 97 && lower <= 122)) entities++;
    } else if (code === PIPE) pipes++;
    previous = code;
  }
  return { brackets, delimiters, entities, pipes };
}

/** The limits for `block`: those of emphasis runs and references grow with a long block (`DENSE_CHARS_PER_MARK`). */
function limitsFor(block: DenseBlock, limits: DenseLimits): Required<DenseLimits> {
  const all = { ...DENSE_LIMITS, ...limits };
  const share = Math.floor((block.textEnd - block.start) / DENSE_CHARS_PER_MARK);
  return { ...all, delimiters: Math.max(all.delimiters, share), entities: Math.max(all.entities, share) };
}

/** Whether `block` is over any of `limits`. */
export function overLimits(block: DenseBlock, limits: DenseLimits): boolean {
  const all = limitsFor(block, limits);
  return (
    block.containerLines > all.containerLines ||
    block.brackets > all.brackets ||
    block.delimiters > all.delimiters ||
    block.entities > all.entities ||
    block.tableCells > all.tableCells
  );
}

/** The blocks of `text` over any limit, in order. */
export function denseBlocks(text: string, limits: DenseLimits = DENSE_LIMITS): DenseBlock[] {
  const all = { ...DENSE_LIMITS, ...limits };
  const found: DenseBlock[] = [];
  // Each counted line takes two characters at least (`>` and its line ending), each mark one.
  const least = Math.min(2 * all.containerLines, all.brackets, all.delimiters, 2 * all.entities, all.tableCells);
  if (text.length <= least) return found;
  let block: DenseBlock | undefined;
  let lineInBlock = 0;
  let table = false;
  let headerPipes = 0;
  const close = () => {
    if (block && overLimits(block, all)) found.push(block);
    block = undefined;
  };
  const ending = /\r\n|\r|\n/g;
  let quoted = false;
  for (let start = 0; start < text.length; ) {
    const match = ending.exec(text);
    const textEnd = match ? match.index : text.length;
    const next = match ? match.index + match[0].length : text.length;
    const line = text.slice(start, textEnd);
    if (line.trim() === '') {
      close();
      quoted = false;
    } else {
      if (!block) {
        block = {
          start,
          textEnd,
          end: next,
          containerLines: 0,
          brackets: 0,
          delimiters: 0,
          entities: 0,
          tableCells: 0,
        };
        lineInBlock = 0;
        table = false;
      }
      lineInBlock++;
      block.textEnd = textEnd;
      block.end = next;
      // Under a quote, a line without its own `>` is a lazy line of it, and costs as much.
      const container = CONTAINER_LINE.exec(line);
      if (container || quoted) block.containerLines++;
      if (container?.[0].trimStart() === '>') quoted = true;
      const marks = lineMarks(line);
      block.brackets += marks.brackets;
      if (lineInBlock === 1) headerPipes = marks.pipes;
      if (lineInBlock === 2 && DELIMITER_ROW.test(line) && line.includes('-') && line.includes('|')) {
        // A table: parsed a few rows at a time, so its densest line is what counts (the header's
        // marks were summed: take them as a line's).
        table = true;
        block.tableCells = headerPipes;
      }
      if (table) {
        block.delimiters = Math.max(block.delimiters, marks.delimiters);
        block.entities = Math.max(block.entities, marks.entities);
        block.tableCells = Math.max(block.tableCells, marks.pipes);
      } else {
        block.delimiters += marks.delimiters;
        block.entities += marks.entities;
      }
    }
    start = next;
  }
  close();
  return found;
}

/** Why a block is read as text, for the warning: the first limit it is over. */
export function denseReason(block: DenseBlock, limits: DenseLimits = DENSE_LIMITS): string {
  const all = limitsFor(block, limits);
  const count = (n: number) => n.toLocaleString('en');
  if (block.containerLines > all.containerLines) {
    return `${count(block.containerLines)} lines of list items or quotes (more than ${count(all.containerLines)})`;
  }
  if (block.brackets > all.brackets) {
    return `${count(block.brackets)} \`[\` (a footnote call counting as six; more than ${count(all.brackets)})`;
  }
  if (block.tableCells > all.tableCells) {
    return `a table line of ${count(block.tableCells)} \`|\` (more than ${count(all.tableCells)} cells)`;
  }
  if (block.delimiters > all.delimiters) {
    return `${count(block.delimiters)} runs of \`*\`, \`_\` or \`~\` (more than ${count(all.delimiters)})`;
  }
  return `${count(block.entities)} \`&\` character references (more than ${count(all.entities)})`;
}
