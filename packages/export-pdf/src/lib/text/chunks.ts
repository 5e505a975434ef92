/**
 * A long text block as several pdfmake text nodes of a bounded number of lines each. pdfmake lays
 * a text node out whole (its inlines measured, placed and split across pages together), and that
 * work grows faster than the node: a paragraph of 5 MB on one line (a million inlines) ran for
 * minutes. The lines are already broken here (`SetText`), so nodes of consecutive lines with no
 * margin between them stack at the same positions as one node holding them all: each line keeps
 * its own pitch, and a page may break between any two lines either way.
 */

/**
 * Lines a node holds at most. Far above a page of body text (about 30 lines in the `report` theme),
 * so an ordinary paragraph is the same one node as before; small enough that pdfmake's work on a
 * node stays small.
 */
export const CHUNK_LINES = 256;

/** Lines `[from, to)` cut into ranges of at most `size` lines, in order; one range when they fit. */
export function chunkRanges(from: number, to: number, size = CHUNK_LINES): [from: number, to: number][] {
  if (!(size >= 1) || !Number.isInteger(size))
    throw new RangeError(`a chunk holds a whole number of lines, not ${size}`);
  if (to <= from) return [[from, to]];
  const ranges: [number, number][] = [];
  for (let start = from; start < to; start += size) ranges.push([start, Math.min(to, start + size)]);
  return ranges;
}
