/**
 * Inline math typeset: MathJax's drawing (inline style) as one unbreakable unit of the line wenshu sets,
 * on the text's baseline, its depth below and its height above, the line taller where the formula needs
 * it; its TeX is invisible text at the spot (see `text/math-box.ts` for how pdfmake is made to place it).
 * A formula wider than its line is drawn smaller. A formula MathJax draws with more than filled paths (a
 * Chinese `\text{…}`: SVG `<text>`, which only pdfmake's block `svg` node draws) is its one-line form
 * (`texToLinear`: `V²/R`, scripts as script runs) in the running text's face. A formula MathJax cannot
 * read (or with no one-line form) is its TeX in the code face, with a `math-unconverted` warning.
 *
 * Display math typeset: MathJax draws the formula as SVG paths (@wenshu/math/svg), drawn as vectors with
 * pdfkit's path operator (a canvas of positioned paths, see `CanvasPath`; pdfmake's `svg` node when the
 * drawing is more than filled paths, e.g. a Chinese `\text{…}`), centred, with its `\tag{…}` number at the right margin. Under the drawing lies
 * the formula's TeX as invisible text (opacity 0), so selecting and copying the formula gives its source,
 * and search finds it.
 *
 * A formula MathJax cannot read is its TeX, centred in the code face, with a `math-unconverted` warning.
 */
import { texToLinear } from '@wenshu/math';
import { type MathSvg, texToSvg } from '@wenshu/math/svg';
import type { InlineMath, Math as MathNode } from '@wenshu/parser';
import type { CanvasNode, CanvasPath, Content, SvgNode } from '../pdf/definition.js';
import type { Context, State } from '../state.js';
import { type MathRun, type Run, textRun } from '../text/runs.js';
import { verbatimRuns } from './blocks.js';

/** Room kept on each side of a tagged formula for its number, in em of the text. */
const TAG_ROOM_EM = 4;

/** A formula's drawing, centred: its paths on a canvas, or the SVG when it is more than paths. */
type Drawing = (SvgNode | CanvasNode) & { width: number; height: number };

function drawing(state: State, value: MathSvg, context: Context, room: number): Drawing {
  const em = context.block.sizePt;
  // A formula wider than its room is drawn smaller, never cut.
  const scale = Math.min(1, room / (value.width * em));
  const width = value.width * em * scale;
  const height = value.height * em * scale;
  if (value.glyphs) {
    // Thousandths of an em → points.
    const k = (em * scale) / 1000;
    const canvas: CanvasPath[] = [
      {
        type: 'path',
        glyphs: value.glyphs,
        x: 0,
        y: 0,
        w: width,
        h: height,
        transform: [k, 0, 0, k, 0, 0],
        color: 'black',
      },
    ];
    return { canvas, alignment: 'center', width, height };
  }
  return {
    svg: value.svg,
    width,
    height,
    alignment: 'center',
    font: state.faces.id(state.shaper.face(context.block.role, false)),
  };
}

/** The TeX as invisible text over the drawing: what copying the formula gives. */
function textLayer(state: State, tex: string, svg: Drawing): Content {
  return {
    text: tex.replace(/\s+/g, ' '),
    font: state.faces.id(state.shaper.face('mono', false)),
    fontSize: Math.max(1, Math.min(svg.height * 0.6, 8)),
    opacity: 0,
    relativePosition: { x: 0, y: -svg.height },
  };
}

/** A formula MathJax drew as paths, as a run of its line (sized when its block is set: `text/math-box.ts`). */
function mathRun(value: MathSvg, glyphs: NonNullable<MathSvg['glyphs']>, tex: string, context: Context): MathRun {
  const drawing = { width: value.width, height: value.height, depth: value.depth, glyphs };
  return { kind: 'math', tex, drawing, style: context.run };
}

export function inlineMath(state: State, node: InlineMath, context: Context): Run[] {
  const svg = texToSvg(node.value, { display: false });
  if (!svg.ok) {
    state.warn('math-unconverted', `formula not converted (${svg.reason}); its TeX is shown`, node.position);
    return [textRun(node.value, { ...context.run, role: 'mono' }, node.position)];
  }
  const glyphs = svg.value.glyphs;
  if (glyphs && glyphs.length > 0) return [mathRun(svg.value, glyphs, svg.tex, context)];
  const face = state.shaper.face(context.run.role ?? context.block.role, context.run.bold ?? context.block.bold);
  const result = texToLinear(node.value, { display: false, hasGlyph: (codePoint) => face.has(codePoint) });
  if (!result.ok) {
    state.warn('math-unconverted', `formula not converted (${result.reason}); its TeX is shown`, node.position);
    return [textRun(node.value, { ...context.run, role: 'mono' }, node.position)];
  }
  return result.value.map((run) =>
    textRun(run.text, { ...context.run, sub: run.script === 'sub', sup: run.script === 'sup' }, node.position),
  );
}

/** The drawing as content: a canvas's size is its paths' (`w`/`h`), an SVG's its own. */
function picture(value: Drawing): Content {
  if ('canvas' in value) return { canvas: value.canvas, alignment: 'center' };
  return value;
}

export function math(state: State, node: MathNode, context: Context): Content[] {
  const result = texToSvg(node.value, { display: true });
  const space = context.block.sizePt / 2;
  if (!result.ok) {
    state.warn('math-unconverted', `formula not converted (${result.reason}); its TeX is shown`, node.position);
    const block = { ...state.styles.code, align: 'center' as const, beforePt: 3, afterPt: 3 };
    return state.text(verbatimRuns(node.value, node.position), { ...context, block, run: {} }, {}, true);
  }
  const { tag } = result.value;
  if (tag === undefined) {
    const svg = drawing(state, result.value, context, context.width);
    return [
      {
        stack: [{ ...svg, alignment: 'center' }, textLayer(state, result.tex, svg)],
        margin: [0, space, 0, space],
        unbreakable: true,
      },
    ];
  }
  // Tagged: three columns, the number right-aligned in the last, the formula centred on the text width.
  const side = TAG_ROOM_EM * context.block.sizePt;
  const svg = drawing(state, result.value, context, context.width - 2 * side);
  const middle = context.width - 2 * side;
  const tagBlock = { ...context.block, align: 'right' as const, indentPt: 0, beforePt: 0, afterPt: 0 };
  const number = state.text([textRun(tag, {}, node.position)], { ...context, width: side, block: tagBlock, run: {} });
  const lift = Math.max(0, (svg.height - context.block.pitchPt) / 2);
  return [
    {
      columns: [
        { width: side, stack: [] },
        { width: middle, stack: [picture(svg), textLayer(state, result.tex, svg)] },
        { width: side, stack: [{ stack: number, margin: [0, lift, 0, 0] }] },
      ],
      columnGap: 0,
      margin: [0, space, 0, space],
      unbreakable: true,
    },
  ];
}
