/*
 * A fenced code block is one block however long, and a fence left open runs to the end of the file:
 * micromark holds a few tokens for every line of it until the tree is built (5 MB of code lines,
 * 1.1 GB). But a line of code depends on nothing before it except the opening fence (its character,
 * length and indentation, which the closing fence and the indentation taken off each line depend
 * on), so a long fenced block is parsed a few lines at a time under its own opening line, and the
 * pieces' values joined with the line endings between them. The block is found in the text; a
 * parse of each piece confirms it (`segments.ts` parses the block whole when one does not).
 */

/** A long fenced code block at the top level, cut into pieces at line starts. */
export interface FenceBlock {
  /** Where its opening line starts. */
  start: number;
  /** Where the line after its opening line starts. */
  openerEnd: number;
  /** Where each piece after the first starts: the start of a line of its content. */
  cuts: number[];
  /** Where the line after its closing fence starts, or the end of the text when it is never closed. */
  end: number;
}

const OPENER = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * Whether `line` closes a fence of `marker` repeated `length` times: up to three spaces, at least as
 * many of the same character, nothing after them but blanks (CommonMark 4.5). Only lines that surely
 * close are taken: a line that might not is left inside, and the parse of the piece then disagrees.
 */
function closes(line: string, marker: string, length: number): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && (match[1] as string)[0] === marker && (match[1] as string).length >= length;
}

/**
 * The fenced code blocks of `text` after `from` longer than `size` characters, each cut before a
 * line of its content every `size` characters or more. A line that looks like an opening fence is
 * taken for one wherever it stands (in an HTML block, say): the piece before it is then still open
 * where it ends, and `segments.ts` reads on into the block, parsing it whole.
 */
export function longFences(text: string, size: number, from: number): FenceBlock[] {
  const found: FenceBlock[] = [];
  const ending = /\r\n|\r|\n/g;
  ending.lastIndex = from;
  let open: (FenceBlock & { marker: string; length: number; last: number }) | undefined;
  const close = (end: number) => {
    if (open && open.cuts.length > 0) {
      const { start, openerEnd, cuts } = open;
      found.push({ start, openerEnd, cuts, end });
    }
    open = undefined;
  };
  for (let start = from; start < text.length; ) {
    const match = ending.exec(text);
    const textEnd = match ? match.index : text.length;
    const next = match ? match.index + match[0].length : text.length;
    // Only the start of a line matters for an opening or closing fence: long lines are not copied whole.
    const line = text.slice(start, Math.min(textEnd, start + 1024));
    if (!open) {
      const opener = OPENER.exec(line);
      const marker = opener?.[2] as string | undefined;
      if (opener && marker && !(marker[0] === '`' && (opener[3] as string).includes('`'))) {
        open = {
          start,
          openerEnd: next,
          cuts: [],
          end: next,
          marker: marker[0] as string,
          length: marker.length,
          last: next,
        };
      }
    } else if (textEnd - start < 1024 && closes(line, open.marker, open.length)) {
      close(next);
    } else if (start - open.last >= size) {
      open.cuts.push(start);
      open.last = start;
    }
    start = next;
  }
  close(text.length);
  return found;
}

/** The line ending just before `at` (a line's start), as written. */
export function endingBefore(text: string, at: number): string {
  if (text.charCodeAt(at - 1) === 10 && text.charCodeAt(at - 2) === 13) return '\r\n';
  return text.charAt(at - 1);
}
