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
