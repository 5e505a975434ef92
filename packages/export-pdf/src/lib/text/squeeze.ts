/**
 * Squeezing punctuation (W3C clreq §3.1.6, 标点符号的宽度调整): a full-width mark draws its ink in
 * one half of its em and leaves the other half blank, so two marks side by side (`。”`, `），`,
 * `“《`) show a whole em of blank between them. Where two marks meet, the blank half between them is
 * taken out — a pair takes 1.5 em, as clreq's basic squeeze says, the marks hugging the text they
 * close or open. And a mark that may not start a line, which would otherwise be pushed to the next
 * line with the character before it (leaving this line to be stretched), is pushed in when the
 * blanks of the line's marks — its own right half included, as CSS `text-spacing-trim: allow-end`
 * does — make room for it, each mark giving the same share: squeezing comes before stretching.
 *
 * Which half is blank is read from the face, not assumed: in mainland (SC) faces ，。、；：？！ sit in
 * the left half, while Taiwan (TC) faces centre them, and a centred mark has no blank half to give
 * (clreq: Taiwan print mostly does not adjust). Brackets and quotes have their ink at the side of the
 * text they enclose in both. A mark narrower than an em (a Latin face's quote) is never squeezed.
 */
import type { Face } from '../fonts/face.js';

/** Marks that close (ink in the left half in SC faces) or sit between (，。、；：？！). */
const CLOSING = new Set(Array.from('，。、；：？！）］｝〕〉》」』】〙〗”’').map((c) => c.codePointAt(0) as number));
/** Marks that open: ink in the right half. */
const OPENING = new Set(Array.from('（［｛〔〈《「『【〘〖“‘').map((c) => c.codePointAt(0) as number));

/** The ink may reach this far into the half that is given up (a share of the advance). */
const TOLERANCE = 0.02;

const cache = new WeakMap<Face, Map<number, number>>();

/**
 * What a mark can give up, as a share of its advance: `+0.5` a closing mark with a blank right half,
 * `−0.5` an opening mark with a blank left half, `0` anything else.
 */
function share(face: Face, cp: number): number {
  let byFace = cache.get(face);
  if (!byFace) {
    byFace = new Map();
    cache.set(face, byFace);
  }
  let value = byFace.get(cp);
  if (value === undefined) {
    value = 0;
    const advance = face.advance(cp);
    if (advance >= 0.9 * face.unitsPerEm) {
      const box = face.glyphBox(cp);
      if (CLOSING.has(cp) && box.maxX <= advance * (0.5 + TOLERANCE)) value = 0.5;
      else if (OPENING.has(cp) && box.minX >= advance * (0.5 - TOLERANCE)) value = -0.5;
    }
    byFace.set(cp, value);
  }
  return value;
}

/**
 * A cluster's squeezable blank in points: positive, a closing mark's right half; negative, an
 * opening mark's left half; 0 for a mark with no blank half (a centred TC comma) and for anything
 * that is not a mark. `advance` is the cluster's advance in points.
 */
export function squeezable(face: Face, cp: number, advance: number): number {
  if (!CLOSING.has(cp) && !OPENING.has(cp)) return 0;
  return share(face, cp) * advance;
}

/** Whether `cp` is a mark that closes or opens (squeezable or not): a neighbour a squeeze may face. */
export function isMark(cp: number): boolean {
  return CLOSING.has(cp) || OPENING.has(cp);
}

/**
 * How much the blank between clusters `a` and `b` (adjacent in a line) shrinks, in points, given their
 * code points and squeezable blanks (`squeezable`): a closing mark before any mark gives up its right
 * half (`。”`, `）（`: positive, taken from `a`); otherwise an opening mark after any mark gives up its
 * left half (`“《`, and a TC `，「` whose comma is centred: negative, taken from `b`). One half at most,
 * so a pair is never narrower than 1.5 em.
 */
export function pairSqueeze(cpA: number, blankA: number, cpB: number, blankB: number): number {
  if (blankA > 0 && isMark(cpB)) return blankA;
  if (blankB < 0 && isMark(cpA)) return blankB;
  return 0;
}

/** The code points of a run of clusters and their squeezable blanks (see `squeezable`). */
export interface Marks {
  readonly cp: ArrayLike<number>;
  readonly blank: ArrayLike<number>;
}

/**
 * Calls `visit(cluster, amount)` for each blank of the line `[start, end)` that is left after the
 * pairs took theirs: a closing mark's right half (amount positive) and an opening mark's left half
 * (negative; none at the line's start, where there is no slot before it to take it from).
 */
function eachRoom(marks: Marks, start: number, end: number, visit: (cluster: number, amount: number) => void): void {
  for (let k = start; k < end; k++) {
    const blank = marks.blank[k] ?? 0;
    if (blank > 0) {
      if (k + 1 >= end || !isMark(marks.cp[k + 1] ?? 0)) visit(k, blank);
    } else if (blank < 0 && k > start && !isMark(marks.cp[k - 1] ?? 0)) visit(k, blank);
  }
}

/** How much the marks of the line `[start, end)` can still give up (pt). */
export function squeezeRoom(marks: Marks, start: number, end: number): number {
  let room = 0;
  eachRoom(marks, start, end, (_, amount) => {
    room += Math.abs(amount);
  });
  return room;
}

/** What is squeezed out of a line: per cluster of the line, from its left and from its right (pt). */
export interface LineSqueeze {
  left: number[];
  right: number[];
}

/**
 * Takes `need` points out of the line `[start, end)` from its marks' blanks, each giving the same
 * share of its blank, into `squeeze` (indexed from `start`). Returns what was taken (at most the
 * room there is).
 */
export function squeezeLine(marks: Marks, start: number, end: number, need: number, squeeze: LineSqueeze): number {
  if (need <= 0) return 0;
  const room = squeezeRoom(marks, start, end);
  if (room <= 0) return 0;
  const share = Math.min(1, need / room);
  eachRoom(marks, start, end, (cluster, amount) => {
    const side = amount > 0 ? squeeze.right : squeeze.left;
    side[cluster - start] = (side[cluster - start] ?? 0) + Math.abs(amount) * share;
  });
  return Math.min(need, room);
}
