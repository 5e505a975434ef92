/**
 * An inline formula in a line wenshu sets (see `set.ts`): pdfmake has no inline drawing (its `svg`
 * and `image` nodes are blocks; an inline is text), so the formula becomes inlines pdfmake measures
 * and places like any other, and its drawing rides on one of them:
 *
 * - the TeX, invisible (opacity 0), in the code face at the text's size and squeezed (PDF horizontal
 *   scaling, `Tz`) into the drawing's width, so copying the formula gives its TeX; at the text's size
 *   because poppler (pdftotext, copy and paste) takes much smaller text out of its line and reads it
 *   after the paragraph. pdfmake measures it unscaled: an empty inline after it, as wide as the
 *   difference (negative), brings the formula's inlines to the drawing's width;
 * - on that inline, the drawing's paths (`vectors`), which the patched pdfmake draws from the
 *   inline's left end on the line's baseline, wherever the layout put the line (Renderer.renderLine);
 * - before it, when the formula reaches higher or lower than the line's text, an empty "strut" in
 *   the text's face whose ascender is the formula's height and whose line height covers its depth:
 *   pdfmake puts a line's baseline under its tallest ascender (Line.getAscenderHeight) and makes the
 *   line as tall as its tallest inline (Line.getHeight), so the line grows just enough.
 */
import type { Face } from '../fonts/face.js';
import type { CanvasPath, Inline } from '../pdf/definition.js';
import { LINK_COLOR, type MathRun, type RunStyle } from './runs.js';

/**
 * An inline formula as the line setter sees it: one unbreakable unit `width` wide, reaching `ascent`
 * above the baseline and `depth` below it (pt), its drawing placed from its left end on the baseline.
 * `face` is the face of the text around it (a line grows in it when the formula is taller than the
 * line), `texFace` the face of its invisible TeX, `sizePt` the em it is drawn at.
 */
export interface MathBox {
  kind: 'math';
  tex: string;
  width: number;
  ascent: number;
  depth: number;
  vectors: CanvasPath[];
  style: RunStyle;
  face: Face;
  texFace: Face;
  sizePt: number;
}

/** A formula run set at `sizePt`, drawn smaller if it is wider than `roomPt`. */
export function mathBox(run: MathRun, set: { face: Face; texFace: Face; sizePt: number; roomPt: number }): MathBox {
  const { drawing } = run;
  const size = set.sizePt * Math.min(1, set.roomPt / (drawing.width * set.sizePt));
  const ascent = (drawing.height - drawing.depth) * size;
  const k = size / 1000;
  const color = run.style.link ? LINK_COLOR : (run.style.color ?? 'black');
  // From the drawing's top left (thousandths of an em) to the baseline at the formula's left end.
  const vectors: CanvasPath[] = [
    { type: 'path', glyphs: drawing.glyphs, x: 0, y: -ascent, transform: [k, 0, 0, k, 0, 0], color },
  ];
  return {
    kind: 'math',
    tex: run.tex,
    width: drawing.width * size,
    ascent,
    depth: drawing.depth * size,
    vectors,
    style: run.style,
    face: set.face,
    texFace: set.texFace,
    sizePt: set.sizePt,
  };
}

/** The character a formula's cluster stands for (OBJECT REPLACEMENT CHARACTER). */
export const MATH_CHARACTER = 0xfffc;

/** Room kept between a formula and the lines above and below it, in em of the text. */
const CLEARANCE_EM = 0.08;

const ascender = (face: Face, sizePt: number) => (face.ascent / face.unitsPerEm) * sizePt;

/** The inlines of a formula in a line of `pitch`, and the width pdfmake will measure them at. */
export function mathInlines(
  box: MathBox,
  pitch: number,
  ids: { id(face: Face): string },
): { inlines: Inline[]; width: number } {
  const placing = { noWrap: true, noNewLine: true, preserveLeadingSpaces: true, preserveTrailingSpaces: true };
  const inlines: Inline[] = [];
  const textAscent = ascender(box.face, box.sizePt);
  const textDescent = pitch - textAscent;
  const clearance = CLEARANCE_EM * box.sizePt;
  const ascent = Math.max(textAscent, box.ascent + clearance);
  const descent = Math.max(textDescent, box.depth + clearance);
  if (ascent > textAscent + 1e-6 || descent > textDescent + 1e-6) {
    const size = round((ascent * box.face.unitsPerEm) / box.face.ascent);
    inlines.push({
      text: '',
      font: ids.id(box.face),
      fontSize: size,
      lineHeight: round((ascent + descent) / box.face.lineHeightPt(size)),
      characterSpacing: 0,
      ...placing,
    });
  }
  const tex = box.tex.replace(/\s+/g, ' ').trim();
  const face = box.texFace;
  // Never so large that its ascender would raise the line.
  const size = round(Math.min(box.sizePt, (ascent * face.unitsPerEm) / face.ascent));
  const lineHeight = round(pitch / face.lineHeightPt(size));
  const natural = face.naturalWidth(tex, size);
  const scaling = natural > 0 ? Math.round((100_000 * box.width) / natural) / 1000 : 100;
  inlines.push({
    text: tex,
    font: ids.id(face),
    fontSize: size,
    lineHeight,
    opacity: 0,
    ...(scaling !== 100 ? { horizontalScaling: scaling } : {}),
    vectors: box.vectors,
    ...placing,
  });
  // pdfmake measures an empty inline as −characterSpacing wide.
  const rest = round(box.width - natural);
  if (rest !== 0)
    inlines.push({ text: '', font: ids.id(face), fontSize: size, lineHeight, characterSpacing: -rest, ...placing });
  return { inlines, width: natural + rest };
}

/** Sizes written into the PDF are rounded (the same bytes on every machine's floating point). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
