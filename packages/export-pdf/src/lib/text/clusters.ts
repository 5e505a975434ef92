/**
 * The clusters a block of text is set from (see `set.ts`), and the spacing of the slot between two of
 * them before a line is stretched: the grid's, none inside words, less what squeezing two marks
 * side by side takes out (`squeeze.ts`).
 */
import { glueMask } from '@wenshu/parser';
import { attachesToPrevious, BreakClass, breakClass } from './breaking.js';
import { MATH_CHARACTER, type MathBox } from './math-box.js';
import { effectiveSize, type Piece, type Shaped } from './shape.js';
import { stretchable } from './spacing.js';
import { pairSqueeze, squeezable } from './squeeze.js';

/**
 * The clusters of a block, flattened (structure of arrays: a report has a million of them, and one
 * paragraph of a 20 MB line twenty million). A cluster is a character with the marks that attach to
 * it; its text is `[from, to)` of its piece's. Typed arrays sized for the block at once: JavaScript
 * arrays grown by `push` took twice the memory (eight bytes an entry, and their spare capacity).
 */
export class Clusters {
  readonly cp: Int32Array;
  readonly cls: Uint8Array;
  readonly advance: Float64Array;
  /** The blank a mark can give up (pt): + a closing mark's right half, − an opening mark's left half (see squeeze.ts). */
  readonly blank: Float64Array;
  readonly piece: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Indices where a hard line break comes before the cluster. */
  readonly hardBreaks: number[] = [];
  readonly pieces: (Piece | MathBox)[] = [];
  /** Clusters a line must not start with because they are inside a token (only with `keepTokens`). */
  readonly glued = new Set<number>();
  #length = 0;

  constructor(shaped: readonly Shaped[], keepTokens = false, squeeze = false) {
    // At most one cluster a UTF-16 unit of text, and one a formula.
    let capacity = 0;
    for (const item of shaped) capacity += item.kind === 'math' ? 1 : item.kind === 'break' ? 0 : item.text.length;
    this.cp = new Int32Array(capacity);
    this.cls = new Uint8Array(capacity);
    this.advance = new Float64Array(capacity);
    this.blank = new Float64Array(capacity);
    this.piece = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    for (const item of shaped) {
      if (item.kind === 'break') {
        this.hardBreaks.push(this.#length);
        continue;
      }
      const index = this.pieces.push(item) - 1;
      if (item.kind === 'math') {
        // A formula is one cluster as wide as its drawing, breakable on either side as a Han character is.
        this.#add(MATH_CHARACTER, BreakClass.Ideographic, item.width, 0, index, 0, 0);
        continue;
      }
      const face = item.face;
      const size = effectiveSize(item);
      const scale = size / face.unitsPerEm;
      const text = item.text;
      const glue = keepTokens ? glueMask(text) : undefined;
      // A mark in a script is drawn raised or lowered by pdfmake, where a squeezed mark's path would not follow.
      const squeezing = squeeze && !item.style.sup && !item.style.sub && !item.dashes;
      const first = this.#length;
      for (let i = 0; i < text.length; ) {
        const cp = text.codePointAt(i) as number;
        const next = i + (cp > 0xffff ? 2 : 1);
        const last = this.#length - 1;
        // A mark or joiner stays with its base character: same cluster, no break before it.
        if (i > 0 && last >= 0 && attachesToPrevious(cp)) {
          this.to[last] = next;
          this.advance[last] = (this.advance[last] ?? 0) + face.advance(cp) * scale;
        } else {
          if (glue?.[i] === 1) this.glued.add(this.#length);
          const advance = face.advance(cp) * scale;
          const blank = squeezing ? squeezable(face, cp, advance) : 0;
          this.#add(cp, breakClass(cp), advance, blank, index, i, next);
        }
        i = next;
      }
      // A dash is set full width: an em at least (see dashSetting).
      if (item.dashes)
        for (let k = first; k < this.#length; k++) this.advance[k] = Math.max(size, this.advance[k] ?? 0);
    }
  }

  #add(cp: number, cls: BreakClass, advance: number, blank: number, piece: number, from: number, to: number): void {
    const k = this.#length++;
    this.cp[k] = cp;
    this.cls[k] = cls;
    this.advance[k] = advance;
    this.blank[k] = blank;
    this.piece[k] = piece;
    this.from[k] = from;
    this.to[k] = to;
  }

  get length(): number {
    return this.#length;
  }
}

/**
 * The spacing of the slot after cluster `i` before any squeezing or stretching: the grid's spacing,
 * but none inside a Latin word or number, or inside —— and …… (see `spacing.ts`).
 */
export function gridSlot(c: Clusters, i: number, spacing: number): number {
  if (i + 1 >= c.length) return spacing;
  return stretchable(c.cp[i] ?? 0, c.cls[i] ?? 0, c.cp[i + 1] ?? 0, c.cls[i + 1] ?? 0) ? spacing : 0;
}

/** The slot after cluster `i` less the blank squeezed out between two marks (see `squeeze.ts`). */
export function baseSlot(c: Clusters, i: number, spacing: number): number {
  return gridSlot(c, i, spacing) - Math.abs(squeezeAfter(c, i));
}

/**
 * The blank squeezed out between clusters `i` and `i + 1` (pt): positive, taken from `i`'s right;
 * negative, from `i + 1`'s left.
 */
export function squeezeAfter(c: Clusters, i: number): number {
  const blankA = c.blank[i] ?? 0;
  const blankB = c.blank[i + 1] ?? 0;
  if (blankA === 0 && blankB === 0) return 0;
  return pairSqueeze(c.cp[i] ?? 0, blankA, c.cp[i + 1] ?? 0, blankB);
}
