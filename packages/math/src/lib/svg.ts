/**
 * TeX → SVG with MathJax 3 (mathjax-full), for drawing formulas as vectors in a PDF. MathJax runs on its
 * own DOM-free adaptor (liteAdaptor), so this works in a browser, a worker and Node alike.
 *
 * - `fontCache: 'none'`: every glyph is a `<path>` in place, with no `<use href="#…">` and so no generated
 *   ids: the same formula gives the same bytes in every run and every document.
 * - Undefined commands are errors (`formatError` rethrows; `noundefined`/`noerrors` are left out), so a
 *   formula MathJax would draw in red comes back as a failure the exporter can fall back on.
 * - `require` and `autoload` are left out: they load extensions at run time.
 */
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import type { MathDocument } from 'mathjax-full/js/core/MathDocument.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { mathjaxMacros } from './macros.js';
import type { TexOptions } from './mathml.js';
import { memoize } from './memo.js';
import { repairTex } from './repair.js';
import { type MathResult, reasonOf } from './result.js';
import { type MathGlyph, type MathPath, mathGlyphs, svgPaths } from './svg-paths.js';
import { splitTag } from './tag.js';

/** A formula drawn as SVG. Lengths are in em of the surrounding text (multiply by the font size in pt). */
export interface MathSvg {
  /** A standalone `<svg>` document with explicit `width`/`height` in em-based points (see `svgAt`). */
  svg: string;
  width: number;
  height: number;
  /** How far the formula reaches below the text baseline. */
  depth: number;
  /** The display formula's number (`(3)`) taken from `\tag{3}`, to be set beside it. */
  tag?: string;
  /**
   * The same drawing as filled paths, in thousandths of an em from its top left, when it is only filled
   * paths and rectangles (almost every formula): a PDF draws these far faster than the SVG.
   */
  paths?: MathPath[];
  /** The same paths as PDF path operators, each in its own units with its transform (`mathGlyphs`). */
  glyphs?: MathGlyph[];
}

const EXCLUDED = new Set(['require', 'autoload', 'noundefined', 'noerrors']);

type Converter = { adaptor: ReturnType<typeof liteAdaptor>; document: MathDocument<unknown, unknown, unknown> };
let converter: Converter | undefined;

/** MathJax is built once, on first use: setting up its TeX packages takes a noticeable moment. */
function getConverter(): Converter {
  if (converter) return converter;
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const tex = new TeX({
    packages: AllPackages.filter((name) => !EXCLUDED.has(name)),
    macros: mathjaxMacros(),
    maxMacros: 2000,
    maxBuffer: 20 * 1024,
    formatError: (_jax: unknown, error: unknown) => {
      throw error;
    },
  });
  const output = new SVG({ fontCache: 'none' });
  const document = mathjax.document('', { InputJax: tex, OutputJax: output }) as MathDocument<
    unknown,
    unknown,
    unknown
  >;
  converter = { adaptor, document };
  return converter;
}

const VIEWBOX = /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/;

/** Converts TeX to SVG (repairing the OCR's spacing first). */
export function texToSvg(tex: string, options: TexOptions): MathResult<MathSvg> {
  return convert(`${options.display ? 'D' : 'I'}${tex}`);
}

const convert = memoize(1000, (key: string): MathResult<MathSvg> => {
  const options = { display: key.startsWith('D') };
  const repaired = repairTex(key.slice(1));
  if (repaired === '') return { ok: false, tex: repaired, stage: 'tex', reason: 'empty formula' };
  const { body, tag } = options.display ? splitTag(repaired) : { body: repaired, tag: undefined };
  try {
    const { adaptor, document } = getConverter();
    const node = document.convert(body, { display: options.display, em: 16, ex: 8, containerWidth: 80 * 16 });
    const inner = adaptor.innerHTML(node as never);
    const box = VIEWBOX.exec(inner);
    if (!box) throw new Error('MathJax gave no viewBox');
    const [minY, width, height] = [Number(box[2]), Number(box[3]), Number(box[4])];
    // The viewBox is in thousandths of an em; its top is −(height above the baseline).
    const em = { width: width / 1000, height: height / 1000, depth: (height + minY) / 1000 };
    const svg = inner
      .replace(/^<svg[^>]*>/, (open) =>
        open
          .replace(/ style="[^"]*"/, '')
          .replace(/ width="[^"]*"/, ` width="${round(em.width)}"`)
          .replace(/ height="[^"]*"/, ` height="${round(em.height)}"`),
      )
      .replace(/ data-(?:mml-node|c|mjx-[a-z-]+)="[^"]*"/g, '');
    const paths = svgPaths(svg);
    const drawn = paths ? { paths, glyphs: mathGlyphs(paths) } : {};
    const value: MathSvg = { svg, ...em, ...(tag === undefined ? {} : { tag }), ...drawn };
    return { ok: true, tex: repaired, value };
  } catch (error) {
    return { ok: false, tex: repaired, stage: 'svg', reason: reasonOf(error) };
  }
});

function round(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}
