/**
 * Plain text that keeps a PDF's printed lines (`pdftotext -layout`): one paragraph per line, each
 * line of a paragraph running to the right margin and the next starting flush left, while a
 * paragraph's first line is indented; printed page numbers (`-1-`, `— 2 —`) stand on lines of their
 * own. There the layout, not the punctuation, says where a paragraph goes on: a full line followed
 * by a flush-left line is one paragraph, even when the full line ends a sentence (`…12 月 31 日。` /
 * `如对本报告有疑问…`) or reads like a heading (a full line of 28 characters without a comma).
 *
 * The plain-text reader drops a line's indent but keeps its column in the position, so the width of
 * a line as printed is its start column plus its text's width.
 */
import type { BlockContent, Paragraph } from '../ast.js';
import { displayWidth } from './characters.js';
import { phrasingText } from './phrasing.js';

/** The lines of a layout like this run to a common right margin: this wide, in half-width units. */
export interface WrappedLayout {
  bodyWidth: number;
}

/** A body narrower than this is a list or a table, not wrapped prose. */
const MIN_BODY_WIDTH = 30;

/** How far short of the margin a full line may stop (pdftotext pads and squeezes a few columns). */
const MARGIN_SLACK = 4;

/** Lines at the margin needed, in all and as a share of the one-line paragraphs. */
const MIN_FULL_LINES = 8;
const MIN_FULL_SHARE = 0.3;

/** Indented and flush-left lines each needed: the layout marks paragraph starts by indenting them. */
const MIN_MARKED_LINES = 3;

/** A line longer than this (in UTF-16 units) is no printed line of a page: never measured. */
const MAX_PRINTED_LINE = 160;

/** The text of a one-line paragraph of plain text (one text node), or `null`; cheap for anything else. */
export function plainLine(block: BlockContent, maxLength = Number.POSITIVE_INFINITY): string | null {
  const position = block.position;
  if (block.type !== 'paragraph' || !position || position.start.line !== position.end.line) return null;
  const only = block.children.length === 1 ? block.children[0] : undefined;
  return only?.type === 'text' && only.value.length <= maxLength ? only.value : null;
}

/** The printed width of a one-line paragraph from plain text (its indent counted), or `null`. */
export function printedWidth(block: BlockContent): number | null {
  const line = plainLine(block, MAX_PRINTED_LINE);
  return line === null ? null : (block.position?.start.column ?? 1) - 1 + displayWidth(line);
}

/** Whether a one-line paragraph starts in the first column. */
function flushLeft(block: BlockContent): boolean {
  return block.position?.start.column === 1;
}

/**
 * The wrapped layout of a list of blocks, or `null`: the commonest width of its one-line paragraphs
 * (at least `MIN_BODY_WIDTH`) is reached by enough of them, and paragraph starts are indented.
 */
export function wrappedLayoutOf(blocks: readonly BlockContent[]): WrappedLayout | null {
  const counts = new Map<number, number>();
  let lines = 0;
  let indented = 0;
  for (const block of blocks) {
    const width = printedWidth(block);
    if (width === null) continue;
    lines++;
    if (!flushLeft(block)) indented++;
    if (width >= MIN_BODY_WIDTH) counts.set(width, (counts.get(width) ?? 0) + 1);
  }
  if (indented < MIN_MARKED_LINES || lines - indented < MIN_MARKED_LINES) return null;
  let bodyWidth = 0;
  let most = 0;
  for (const [width, count] of counts) {
    if (count > most || (count === most && width > bodyWidth)) [bodyWidth, most] = [width, count];
  }
  if (bodyWidth === 0) return null;
  let full = 0;
  for (const [width, count] of counts) if (Math.abs(width - bodyWidth) <= MARGIN_SLACK) full += count;
  return full >= MIN_FULL_LINES && full >= lines * MIN_FULL_SHARE ? { bodyWidth } : null;
}

/**
 * Whether `second` goes on from `first` by the layout alone: `first` is a line that runs to the
 * margin and `second` a line that starts flush left. The caller still refuses what opens a block
 * (an ordinal, a page marker, a row of a table laid out with spaces).
 */
export function wrapsOnto(first: Paragraph, second: Paragraph, layout: WrappedLayout): boolean {
  const width = printedWidth(first);
  return (
    width !== null && width >= layout.bodyWidth - MARGIN_SLACK && printedWidth(second) !== null && flushLeft(second)
  );
}

/** A printed page number on a line of its own: `-1-`, `- 12 -`, `— 3 —`, `－4－`. */
const PAGE_NUMBER = /^[-－—–―]{1,2}[ \u3000]*[0-9０-９]{1,4}[ \u3000]*[-－—–―]{1,2}$/;

/** Whether a block is a printed page number: page furniture of text extracted from a PDF. */
export function isPageNumber(block: BlockContent): block is Paragraph {
  const line =
    plainLine(block, 16) ??
    (block.type === 'paragraph' && block.children.length <= 3 ? phrasingText(block.children) : null);
  return line !== null && line.length <= 16 && PAGE_NUMBER.test(line.trim());
}
