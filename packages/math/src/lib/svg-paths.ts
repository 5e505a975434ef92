/**
 * MathJax's SVG as a list of filled paths with their transforms, for drawing with a PDF library's path
 * operator directly. svg-to-pdfkit (pdfmake's SVG renderer) spent about 11 ms drawing a display formula —
 * it builds a style cascade and a Bézier model of every glyph — while pdfkit's own `path()` draws the same
 * glyphs in under 1 ms; on a formula-heavy paper that was most of the PDF's time.
 *
 * Only what MathJax writes for TeX is understood: `g` with `translate`/`scale`/`matrix` transforms, filled
 * `path`s and `rect`s (fraction bars, roots' overbars). Anything else (`text` for characters its fonts lack,
 * strokes, ellipses, nested `svg`) returns `undefined`, and the caller draws the SVG as an SVG.
 */
import { type MathElement, type MathNode, parseMathml } from './mathml-tree.js';

/** An affine matrix `[a, b, c, d, e, f]`: x' = a·x + c·y + e, y' = b·x + d·y + f (SVG's and PDF's order). */
export type Matrix = [number, number, number, number, number, number];

export interface MathPath {
  /** SVG path data in the glyph's own units. */
  d: string;
  /** From the path's units to the drawing's: origin at the top left, y down, 1 unit = 1/1000 em. */
  transform: Matrix;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

class Unsupported extends Error {}

const TOKEN = /[MmLlHhVvQqTtCcSsZzAa]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;
const ARITY: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, Q: 4, T: 2, C: 6, S: 4, Z: 0 };

/**
 * Path data as absolute M, L, Q, C and Z only. pdfkit's path parser draws a chain of smooth quadratics
 * (`Q … T … T …`, as MathJax writes every parenthesis and brace) with wrong control points, so the glyphs
 * came out dented; T and S are expanded here with their reflected control points, H and V become L.
 */
export function normalizePath(d: string): string {
  const tokens = d.match(TOKEN) ?? [];
  const out: string[] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  // The last control point of a Q/T (for T) or C/S (for S), absolute.
  let quad: [number, number] | undefined;
  let cubic: [number, number] | undefined;
  let command = '';
  let index = 0;
  const next = (): number => {
    const token = tokens[index++];
    const value = Number(token);
    if (token === undefined || !Number.isFinite(value)) throw new Unsupported(`path data ${d.slice(0, 40)}`);
    return value;
  };
  while (index < tokens.length) {
    const token = tokens[index] as string;
    if (/[a-zA-Z]/.test(token)) {
      command = token;
      index++;
    } else if (command === '' || /[Zz]/.test(command)) throw new Unsupported(`path data ${d.slice(0, 40)}`);
    const upper = command.toUpperCase();
    if (upper === 'A') throw new Unsupported('an arc');
    const relative = command !== upper;
    const [ox, oy] = relative ? [x, y] : [0, 0];
    const arity = ARITY[upper] as number;
    if (arity === 0) {
      out.push('Z');
      [x, y] = [startX, startY];
      quad = cubic = undefined;
      continue;
    }
    const v = Array.from({ length: arity }, next);
    const p = (i: number): [number, number] => [(v[i] as number) + ox, (v[i + 1] as number) + oy];
    switch (upper) {
      case 'M':
        [x, y] = p(0);
        [startX, startY] = [x, y];
        out.push(`M${x} ${y}`);
        // Further pairs after a moveto are linetos.
        command = relative ? 'l' : 'L';
        quad = cubic = undefined;
        break;
      case 'L':
        [x, y] = p(0);
        out.push(`L${x} ${y}`);
        quad = cubic = undefined;
        break;
      case 'H':
        x = (v[0] as number) + ox;
        out.push(`L${x} ${y}`);
        quad = cubic = undefined;
        break;
      case 'V':
        y = (v[0] as number) + oy;
        out.push(`L${x} ${y}`);
        quad = cubic = undefined;
        break;
      case 'Q': {
        const control = p(0);
        [x, y] = p(2);
        out.push(`Q${control[0]} ${control[1]} ${x} ${y}`);
        quad = control;
        cubic = undefined;
        break;
      }
      case 'T': {
        const control: [number, number] = quad ? [2 * x - quad[0], 2 * y - quad[1]] : [x, y];
        [x, y] = p(0);
        out.push(`Q${control[0]} ${control[1]} ${x} ${y}`);
        quad = control;
        cubic = undefined;
        break;
      }
      case 'C': {
        const [c1, c2] = [p(0), p(2)];
        [x, y] = p(4);
        out.push(`C${c1[0]} ${c1[1]} ${c2[0]} ${c2[1]} ${x} ${y}`);
        cubic = c2;
        quad = undefined;
        break;
      }
      case 'S': {
        const c1: [number, number] = cubic ? [2 * x - cubic[0], 2 * y - cubic[1]] : [x, y];
        const c2 = p(0);
        [x, y] = p(2);
        out.push(`C${c1[0]} ${c1[1]} ${c2[0]} ${c2[1]} ${x} ${y}`);
        cubic = c2;
        quad = undefined;
        break;
      }
    }
  }
  return out.join('');
}

function attribute(element: MathElement, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(element.attributes)?.[1];
}

function number(element: MathElement, name: string): number {
  const value = Number(attribute(element, name) ?? '0');
  if (!Number.isFinite(value)) throw new Unsupported(`${name}="${attribute(element, name)}"`);
  return value;
}

/** `translate(1,2) scale(0.7)` → one matrix. */
function transformOf(text: string | undefined): Matrix {
  let out = IDENTITY;
  if (!text) return out;
  for (const [, kind, args] of text.matchAll(/(\w+)\(([^)]*)\)/g)) {
    const values = (args ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (values.some((value) => !Number.isFinite(value))) throw new Unsupported(text);
    let step: Matrix;
    if (kind === 'translate') step = [1, 0, 0, 1, values[0] ?? 0, values[1] ?? 0];
    else if (kind === 'scale') step = [values[0] ?? 1, 0, 0, values[1] ?? values[0] ?? 1, 0, 0];
    else if (kind === 'matrix' && values.length === 6) step = values as Matrix;
    else throw new Unsupported(`transform ${kind}`);
    out = multiply(out, step);
  }
  return out;
}

/** Glyphs recur from formula to formula: their path data is normalised once (a bounded memo). */
const normalizedPaths = new Map<string, string>();

function normalized(d: string): string {
  let out = normalizedPaths.get(d);
  if (out === undefined) {
    out = normalizePath(d);
    if (normalizedPaths.size >= 5000) normalizedPaths.clear();
    normalizedPaths.set(d, out);
  }
  return out;
}

function walk(node: MathNode, matrix: Matrix, out: MathPath[]): void {
  if (typeof node === 'string') {
    if (node.trim() !== '') throw new Unsupported('text content');
    return;
  }
  const fill = attribute(node, 'fill');
  const stroked = node.name === 'ellipse' && fill === 'none';
  if (!stroked && (fill === 'none' || (/stroke-width="(?!0")/.test(node.attributes) && node.name !== 'g'))) {
    throw new Unsupported('a stroke');
  }
  const here = multiply(matrix, transformOf(attribute(node, 'transform')));
  switch (node.name) {
    case 'g':
    case '#root':
      for (const child of node.children) walk(child, here, out);
      return;
    case 'path': {
      const d = attribute(node, 'd') ?? '';
      if (d !== '') out.push({ d: normalized(d), transform: here });
      return;
    }
    case 'rect': {
      const [x, y, w, h] = [number(node, 'x'), number(node, 'y'), number(node, 'width'), number(node, 'height')];
      out.push({ d: `M${x} ${y}L${x + w} ${y}L${x + w} ${y + h}L${x} ${y + h}Z`, transform: here });
      return;
    }
    case 'ellipse': {
      // The circle of \textcircled, stroked: filled as the ring between the stroke's outer and inner edges,
      // the outer turning one way and the inner the other, so that a nonzero fill leaves the middle empty.
      const [cx, cy, rx, ry] = [number(node, 'cx'), number(node, 'cy'), number(node, 'rx'), number(node, 'ry')];
      const half = number(node, 'stroke-width') / 2;
      if (!stroked || half <= 0 || rx <= half || ry <= half) throw new Unsupported('an ellipse');
      const d = ellipse(cx, cy, rx + half, ry + half, false) + ellipse(cx, cy, rx - half, ry - half, true);
      out.push({ d, transform: here });
      return;
    }
    default:
      throw new Unsupported(`<${node.name}>`);
  }
}

/** How far a cubic's control points lie along the tangents to draw a quarter ellipse. */
const KAPPA = 0.5522847498;

/** An ellipse as four cubic arcs, turning from +x towards +y (or back, `reverse`). */
function ellipse(cx: number, cy: number, rx: number, ry: number, reverse: boolean): string {
  const [kx, ky] = [KAPPA * rx, KAPPA * (reverse ? -ry : ry)];
  const y = reverse ? -ry : ry;
  const arcs = [
    [cx + rx, cy + ky, cx + kx, cy + y, cx, cy + y],
    [cx - kx, cy + y, cx - rx, cy + ky, cx - rx, cy],
    [cx - rx, cy - ky, cx - kx, cy - y, cx, cy - y],
    [cx + kx, cy - y, cx + rx, cy - ky, cx + rx, cy],
  ];
  return `M${cx + rx} ${cy}${arcs.map((arc) => `C${arc.join(' ')}`).join('')}Z`;
}

/**
 * The filled paths of a MathJax `<svg>` (its viewBox `minX minY …` moved to the origin), or `undefined`
 * when it holds anything else.
 */
export function svgPaths(svg: string): MathPath[] | undefined {
  try {
    const root = parseMathml(svg);
    const element = root.children.find((child): child is MathElement => typeof child !== 'string');
    if (element?.name !== 'svg') return undefined;
    const box = (attribute(element, 'viewBox') ?? '').split(/\s+/).map(Number);
    const [minX = 0, minY = 0] = box;
    const out: MathPath[] = [];
    for (const child of element.children) walk(child, [1, 0, 0, 1, -minX, -minY], out);
    return out;
  } catch {
    return undefined;
  }
}

const PDF_TOKEN = /[MLQCZ]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/** A coordinate as a PDF number: hundredths of a glyph unit (a thousandth of an em), no exponent, no `-0`. */
function pdfNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? '0' : String(rounded);
}

/**
 * One path of a drawing as PDF path-construction operators (ISO 32000-1 §8.5.2: `m`, `l`, `c`, `h`) in its
 * own units, quadratics raised to cubics (PDF has none), with the box its points lie in, and the transform
 * that places it in the drawing. A formula's glyphs recur (x, =, parentheses): the PDF stores each distinct
 * glyph once, as a form XObject, and places it by its transform — pdfkit's `path()` parsed every glyph's SVG
 * data again each time it was drawn, and the content streams that drew every glyph in full took most of a
 * formula-heavy paper's time to compress.
 */
export interface MathGlyph {
  operators: string;
  /** `[minX, minY, maxX, maxY]` of its points, in its own units. */
  box: [number, number, number, number];
  transform: Matrix;
}

const glyphShapes = new Map<string, Omit<MathGlyph, 'transform'>>();

/** The paths of a drawing as glyphs (the same path data gives the same operators, worked out once). */
export function mathGlyphs(paths: readonly MathPath[]): MathGlyph[] {
  return paths.map(({ d, transform }) => {
    let shape = glyphShapes.get(d);
    if (!shape) {
      shape = pathOperators(d);
      if (glyphShapes.size >= 5000) glyphShapes.clear();
      glyphShapes.set(d, shape);
    }
    return { ...shape, transform };
  });
}

/** Normalised path data (`normalizePath`: absolute M, L, Q, C, Z) as PDF operators, and its points' box. */
export function pathOperators(d: string): Omit<MathGlyph, 'transform'> {
  const out: string[] = [];
  const tokens = d.match(PDF_TOKEN) ?? [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const put = (...xy: number[]) => {
    for (let i = 0; i < xy.length; i += 2) {
      const [x, y] = [xy[i] as number, xy[i + 1] as number];
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    }
    return xy.map(pdfNumber).join(' ');
  };
  let [x, y, startX, startY] = [0, 0, 0, 0];
  let index = 0;
  const next = () => Number(tokens[index++]);
  while (index < tokens.length) {
    const command = tokens[index++];
    if (command === 'Z') {
      out.push('h');
      [x, y] = [startX, startY];
    } else if (command === 'M' || command === 'L') {
      [x, y] = [next(), next()];
      if (command === 'M') [startX, startY] = [x, y];
      out.push(`${put(x, y)} ${command === 'M' ? 'm' : 'l'}`);
    } else if (command === 'C') {
      const [x1, y1, x2, y2] = [next(), next(), next(), next()];
      [x, y] = [next(), next()];
      out.push(`${put(x1, y1, x2, y2, x, y)} c`);
    } else if (command === 'Q') {
      const [qx, qy] = [next(), next()];
      const [x0, y0] = [x, y];
      [x, y] = [next(), next()];
      // The cubic with the same curve: control points two thirds of the way to the quadratic's.
      const c1 = [x0 + (2 / 3) * (qx - x0), y0 + (2 / 3) * (qy - y0)];
      const c2 = [x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y)];
      out.push(`${put(...c1, ...c2, x, y)} c`);
    } else {
      throw new Error(`unexpected path data ${String(command)} in ${d.slice(0, 40)}`);
    }
  }
  if (minX > maxX) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const box: MathGlyph['box'] = [Math.floor(minX), Math.floor(minY), Math.ceil(maxX), Math.ceil(maxY)];
  return { operators: out.join('\n'), box };
}
