/**
 * Runs → pieces: the text of each run cleaned for drawing (soft line breaks are spaces, control
 * characters go), its face chosen from the run's role and weight, and split wherever a character
 * must come from another face because this one lacks it. Characters no face has are reported
 * with their source line.
 */
import type { Position } from '@wenshu/parser';
import type { PdfFontRole } from '../fonts/candidates.js';
import { type Coverage, isDefaultIgnorable } from '../fonts/coverage.js';
import type { Face } from '../fonts/face.js';
import type { ResolvedFonts } from '../fonts/resolve.js';
import { attachesToPrevious } from './breaking.js';
import { type MathBox, mathBox } from './math-box.js';
import type { MathRun, Run, RunStyle } from './runs.js';

/** Text in one face and style: the unit of measuring and drawing. */
export interface Piece {
  kind: 'text';
  text: string;
  face: Face;
  /** The block's size; superscripts and subscripts are drawn at 0.58 of it (pdfmake's factor). */
  sizePt: number;
  style: RunStyle;
  /**
   * The piece is a run of dashes (U+2014), set full width: each dash takes an em, and the two of
   * —— join into one line (see `set.ts`).
   */
  dashes?: boolean;
}

export type Shaped = Piece | MathBox | { kind: 'break' };

/** pdfmake draws `sup`/`sub` inlines at this fraction of their size (TextInlines.measure). */
export const SCRIPT_SCALE = 0.58;

export function effectiveSize(piece: Piece): number {
  return piece.style.sup || piece.style.sub ? piece.sizePt * SCRIPT_SCALE : piece.sizePt;
}

/** What the block gives its runs: the face role, weight and size. */
export interface BlockFont {
  role: PdfFontRole;
  bold: boolean;
  sizePt: number;
  /** The narrowest line of the block (pt): an inline formula wider than this is drawn smaller. */
  roomPt?: number;
}

/** Scripts whose text must be shaped to be read: Hebrew, Arabic, Syriac, Thaana, the Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian. */
function needsShaping(cp: number): boolean {
  return (
    (cp >= 0x590 && cp <= 0x8ff) ||
    (cp >= 0x900 && cp <= 0x109f) ||
    (cp >= 0x1780 && cp <= 0x18af) ||
    (cp >= 0xa8e0 && cp <= 0xa8ff)
  );
}

/** Soft line breaks become spaces, tabs spaces, control characters nothing; spaces are not collapsed in code. */
function clean(text: string, verbatim: boolean): string {
  let out = text.replace(/\r\n?/g, '\n');
  if (!verbatim) out = out.replace(/[\n\t]/g, ' ').replace(/ {2,}/g, ' ');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return out.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '');
}

/**
 * The dash of Chinese text (GB/T 15834 破折号 ——, 一字线 —) is full width: an em a dash, and the
 * two of —— one continuous line. Noto CJK's glyph for U+2014 is a proportional 0.89 em dash with
 * side bearings, so —— was drawn as two dashes with a gap (issue 15). Its `fwid` feature has the
 * full-width forms, but pdfkit keeps one font object per PostScript name (PDFDocument.font reuses
 * `_fontFamilies[font.name]`), so a shaping variant of a face already in use is never drawn:
 * the line setting places the glyphs instead (`set.ts`).
 */
const DASH = 0x2014;

export class Shaper {
  readonly #fonts: ResolvedFonts;
  readonly #coverage: Coverage;
  readonly #missing: (codePoint: number, position: Position | undefined) => void;
  readonly #used: (role: PdfFontRole) => void;

  /** `missing` hears of characters no face has; `used` of every role text is set in. */
  constructor(
    fonts: ResolvedFonts,
    coverage: Coverage,
    missing: (codePoint: number, position: Position | undefined) => void,
    used: (role: PdfFontRole) => void = () => {},
  ) {
    this.#fonts = fonts;
    this.#coverage = coverage;
    this.#missing = missing;
    this.#used = used;
  }

  face(role: PdfFontRole, bold: boolean): Face {
    const faces = this.#fonts.roles[role];
    return bold ? faces.bold : faces.regular;
  }

  /** Runs (no images: blocks take those out first) → pieces and hard breaks. */
  shape(runs: readonly Run[], block: BlockFont): Shaped[] {
    const out: Shaped[] = [];
    for (const run of runs) {
      if (run.kind === 'break') out.push({ kind: 'break' });
      else if (run.kind === 'text') this.#text(run.text, run.style, run.position, block, out);
      else if (run.kind === 'math') out.push(this.#math(run, block));
    }
    return out;
  }

  #math(run: MathRun, block: BlockFont): MathBox {
    const role = run.style.role ?? block.role;
    this.#used(role);
    const face = this.face(role, run.style.bold ?? block.bold);
    // The TeX in the code face, or in the text's when only that has all its characters (Greek typed as
    // such): a character drawn with a face that lacks it copies as something else.
    const mono = this.face('mono', false);
    const covers = (candidate: Face) => Array.from(run.tex).every((char) => candidate.has(char.codePointAt(0) ?? 0));
    const texFace = covers(mono) || !covers(face) ? mono : face;
    const sizePt = block.sizePt * (run.style.sup || run.style.sub ? SCRIPT_SCALE : 1);
    return mathBox(run, { face, texFace, sizePt, roomPt: block.roomPt ?? Number.POSITIVE_INFINITY });
  }

  #text(raw: string, style: RunStyle, position: Position | undefined, block: BlockFont, out: Shaped[]): void {
    const text = clean(raw, style.verbatim === true);
    if (text === '') return;
    const role = style.role ?? block.role;
    this.#used(role);
    const primary = this.face(role, style.bold ?? block.bold);
    // Runs of characters drawn by one face are sliced out of the text whole (a report has a
    // million characters: no string is built a character at a time).
    let current: Face | undefined;
    let dashes = false;
    let start = 0;
    let buffer = '';
    const flush = (end: number) => {
      const piece = buffer + text.slice(start, end);
      if (piece !== '' && current) {
        out.push({
          kind: 'text',
          text: piece,
          face: current,
          sizePt: block.sizePt,
          style,
          ...(dashes ? { dashes: true } : {}),
        });
      }
      buffer = '';
      start = end;
    };
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i) as number;
      const width = cp > 0xffff ? 2 : 1;
      if (i > start && attachesToPrevious(cp)) {
        // A mark stays with its base character; an invisible one the face lacks is left out.
        if (!current?.has(cp) && isDefaultIgnorable(cp)) {
          buffer += text.slice(start, i);
          start = i + width;
        }
        i += width;
        continue;
      }
      if (isDefaultIgnorable(cp) && !primary.has(cp)) {
        buffer += text.slice(start, i);
        start = i + width;
        i += width;
        continue;
      }
      let face = this.#coverage.fallback(cp, primary);
      if (!face) {
        this.#missing(cp, position);
        face = primary;
      }
      if (needsShaping(cp)) face = face.shaped();
      const dash = cp === DASH;
      if (face !== current || dash !== dashes) {
        flush(i);
        current = face;
        dashes = dash;
      }
      i += width;
    }
    flush(text.length);
  }
}
