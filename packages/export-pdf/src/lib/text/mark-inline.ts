/**
 * A squeezed punctuation mark (see `squeeze.ts`) as pdfmake inlines. Squeezing a mark by moving its
 * neighbour into its blank half would be enough for the eye, but a PDF reader gives every glyph the
 * box of its advance whatever the spacing (poppler subtracts `Tc` from it), and a box that overlaps
 * the next one by more than a fifth of an em starts a new word and often a new line: copying the text
 * would break there (`一二三，` / `一二三`). So the mark is drawn as its outline (a path, stored once a
 * document, as the patched renderer draws a formula's glyphs), and its text is kept invisible (opacity
 * 0), squeezed by horizontal scaling (PDF `Tz`, which scales the box readers compute too) to the room
 * the mark keeps, from where the mark's kept part starts: copying gives the mark in its place, and
 * no box overlaps.
 */
import type { Face } from '../fonts/face.js';
import type { Inline } from '../pdf/definition.js';
import { effectiveSize, type Piece } from './shape.js';

/**
 * The inline of a mark whose `left` and `right` blanks (pt) are squeezed out, made from the inline
 * it would be (`plain`: same face, size and style). It stands `left` to the right of the mark's
 * origin; `measured` is its width as pdfmake measures it (unscaled: the caller's spacers make up
 * the difference).
 */
export function squeezedMark(
  piece: Piece,
  codePoint: number,
  plain: Inline,
  blanks: { advance: number; left: number; right: number },
): { inline: Inline; measured: number } {
  const room = Math.max(0, blanks.advance - blanks.left - blanks.right);
  const inline = drawnGlyph(plain, piece, { codePoint, natural: blanks.advance, room, origin: -blanks.left });
  // pdfmake measures text unscaled and without spacing after its one character.
  return { inline, measured: blanks.advance };
}

/** TWO-EM DASH: the one glyph of ——, which Noto CJK's own shaping makes of two U+2014. */
export const TWO_EM_DASH = 0x2e3a;

/**
 * —— as one glyph (the face's ⸺, its ligature of the two dashes) centred in the `room` (pt) of the
 * two cells the dashes take, the text `——` kept invisible under it for copying. `natural` is the
 * width pdfmake measures `——` at. Only for a face that has the glyph (`face.has(TWO_EM_DASH)`).
 */
export function dashLigature(piece: Piece, plain: Inline, natural: number, room: number): Inline {
  const box = piece.face.glyphBox(TWO_EM_DASH);
  const k = effectiveSize(piece) / piece.face.unitsPerEm;
  const origin = room / 2 - ((box.minX + box.maxX) / 2) * k;
  return drawnGlyph(plain, piece, { codePoint: TWO_EM_DASH, natural, room, origin });
}

/**
 * `plain` with its text invisible and scaled from `natural` to `room` wide (pt), and the glyph of
 * `codePoint` drawn from `origin` (pt right of the inline's left end) on the baseline.
 */
function drawnGlyph(
  plain: Inline,
  piece: Piece,
  glyph: { codePoint: number; natural: number; room: number; origin: number },
): Inline {
  const face: Face = piece.face;
  const scaling = glyph.natural > 0 ? Math.round((100_000 * glyph.room) / glyph.natural) / 1000 : 100;
  const outline = face.glyphOutline(glyph.codePoint);
  const k = effectiveSize(piece) / face.unitsPerEm;
  return {
    ...plain,
    opacity: 0,
    horizontalScaling: scaling,
    vectors: [
      {
        type: 'path',
        glyphs: [{ operators: outline.operators, box: outline.box, transform: [1, 0, 0, 1, 0, 0] }],
        x: round(glyph.origin),
        y: 0,
        transform: [round(k), 0, 0, round(-k), 0, 0],
        color: plain.color ?? 'black',
      },
    ],
  };
}

/** Sizes written into the PDF are rounded (the same bytes on every machine's floating point). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
