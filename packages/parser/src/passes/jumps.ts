/**
 * Joins across a page jump, part of the `brokenParagraphs` pass. OCR of a journal issue reads the
 * columns of a page in the wrong order and puts the end of a neighbouring article (its reference
 * list, a figure) between the two parts of a cut paragraph, with the page-jump marker that says so:
 *
 * - a paragraph cut mid-sentence, then `（上接第65页）` (another article continues here), its
 *   reference entries or figures, then the rest of the paragraph: `…所能覆` / marker / `[4] …` /
 *   `盖到的有效角度…`;
 * - a paragraph cut mid-sentence, then `（下转第83页）` (this text goes on elsewhere), another
 *   article's text, and after the next `（上接…）` the rest of the paragraph.
 *
 * - a reference entry cut mid-way (`[8]… through-wafer trench-isolated`), then a heading and another
 *   list, then a paragraph that starts with no number and runs on into entry `[9]`
 *   (`interconnects with a supporting frame[J]…` / `[9]…`): the numbering says whose rest it is.
 *
 * The parts are joined where the first stands; what stood between them stays, after the joined
 * paragraph, so no text is lost or reordered except the continuation. Nothing is joined across a
 * section heading of the text itself in the first case; in the second the markers themselves are
 * the evidence that the text in between is another article's.
 */
import type { BlockContent, Paragraph } from '../ast.js';
import { trimLayout } from './characters.js';
import { wholeMarker } from './page-markers.js';
import { phrasingText } from './phrasing.js';

/** An entry of a reference list: `[8]`. */
export const REFERENCE = /^\[\d{1,3}\]/;

/** How many blocks of another article a jump may pass over (a few pages of a journal). */
const MAX_JUMP = 80;

/** How many moved blocks (reference entries, figures) may stand between the marker and the rest. */
const MAX_MOVED = 12;

/** The page-jump marker a block is (a whole paragraph or heading), or `null`. */
function markerDirection(block: BlockContent | undefined): 'from' | 'to' | null {
  if (!block || (block.type !== 'paragraph' && block.type !== 'heading')) return null;
  return wholeMarker(phrasingText(block.children))?.direction ?? null;
}

/** A block OCR moves as a whole: a paragraph of reference entries, or a float (figure, caption, table). */
function isMoved(block: BlockContent, isFloat: (block: BlockContent) => boolean): boolean {
  if (isFloat(block)) return true;
  return block.type === 'paragraph' && REFERENCE.test(trimLayout(phrasingText(block.children)));
}

export interface JumpRules {
  /** Whether `second` goes on from `first` (the pass's own test for a cut paragraph). */
  continues: (first: Paragraph, second: Paragraph) => boolean;
  /** A figure, caption or table. */
  isFloat: (block: BlockContent) => boolean;
  /** `first` and `second` as one paragraph, and the record of the join. */
  join: (first: Paragraph, second: Paragraph) => Paragraph;
}

/** Where the rest of the paragraph at `at` stands after a jump, or -1. */
function restAfterJump(blocks: readonly BlockContent[], at: number, rules: JumpRules): number {
  const first = blocks[at];
  const marker = markerDirection(blocks[at + 1]);
  if (first?.type !== 'paragraph' || marker === null) return -1;
  let candidate = -1;
  if (marker === 'from') {
    // Another article's end (its references, figures) between the parts.
    let index = at + 2;
    while (
      index < blocks.length &&
      index - at - 2 < MAX_MOVED &&
      isMoved(blocks[index] as BlockContent, rules.isFloat)
    ) {
      index++;
    }
    if (index > at + 2) candidate = index;
  } else {
    // Another article between the parts: the rest follows the next marker that says text continues here.
    for (let index = at + 2; index < Math.min(blocks.length, at + 2 + MAX_JUMP); index++) {
      const direction = markerDirection(blocks[index]);
      if (direction === 'from') {
        candidate = index + 1;
        break;
      }
      if (direction === 'to') break;
    }
  }
  const second = blocks[candidate];
  return second?.type === 'paragraph' && rules.continues(first, second) ? candidate : -1;
}

/** The blocks with each paragraph cut across a page jump joined to its rest; the list itself when nothing was. */
export function joinAcrossJumps(blocks: BlockContent[], rules: JumpRules): BlockContent[] {
  let out = blocks;
  for (let at = 0; at < out.length - 2; at++) {
    const rest = restAfterJump(out, at, rules);
    if (rest === -1) continue;
    if (out === blocks) out = [...blocks];
    out[at] = rules.join(out[at] as Paragraph, out[rest] as Paragraph);
    out.splice(rest, 1);
    // The joined paragraph may be cut again further on: look at it once more.
    at--;
  }
  return out;
}

/** The lines of a block's text, trimmed, or none when it is not a paragraph. */
function linesOf(block: BlockContent | undefined): string[] {
  if (block?.type !== 'paragraph') return [];
  return phrasingText(block.children)
    .split('\n')
    .map(trimLayout)
    .filter((line) => line !== '');
}

function entryNumber(line: string | undefined): number | null {
  const match = line === undefined ? null : /^\[(\d{1,3})\]/.exec(line);
  return match ? Number(match[1]) : null;
}

/**
 * Where the entry that a paragraph of no number at `at` ends stands: the paragraph's own lines or
 * the next block go on with entry `[N]`, and the paragraph whose last line is entry `[N-1]`, cut
 * before its full stop, stands at most `MAX_JUMP` blocks before it. -1 when there is none.
 */
function cutEntryBefore(blocks: readonly BlockContent[], at: number): number {
  const lines = linesOf(blocks[at]);
  if (lines.length === 0 || entryNumber(lines[0]) !== null) return -1;
  const next = lines.slice(1).find((line) => entryNumber(line) !== null) ?? linesOf(blocks[at + 1])[0];
  const number = entryNumber(next);
  if (number === null || number < 2) return -1;
  for (let index = at - 1; index >= Math.max(0, at - MAX_JUMP); index--) {
    const last = linesOf(blocks[index]).at(-1);
    if (entryNumber(last) === number - 1) return /[.。]$/.test(last as string) ? -1 : index;
  }
  return -1;
}

/**
 * The blocks with each reference entry's rest, found after other material, joined to the entry;
 * the list itself when nothing was.
 */
export function joinReferenceTails(
  blocks: BlockContent[],
  join: (first: Paragraph, second: Paragraph) => Paragraph,
): BlockContent[] {
  let out = blocks;
  for (let at = 1; at < out.length; at++) {
    const entry = cutEntryBefore(out, at);
    // Only across other material: a rest right after its entry is the ordinary join's to make.
    if (entry === -1 || entry === at - 1) continue;
    if (out === blocks) out = [...blocks];
    out[entry] = join(out[entry] as Paragraph, out[at] as Paragraph);
    out.splice(at, 1);
    at--;
  }
  return out;
}
