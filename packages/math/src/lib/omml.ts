/**
 * MathML → OMML (Office Math Markup, ECMA-376 Part 1 §22.1) with mathml2omml, which needs no XSLT or DOM.
 */
import { mml2omml } from 'mathml2omml';
import { type Fence, placeFences, takeFences } from './fences.js';
import { type TexOptions, texToMathml } from './mathml.js';
import { parseMathml, serializeMathml } from './mathml-tree.js';
import { memoize } from './memo.js';
import { groupNaryOperands } from './nary.js';
import { type MathResult, reasonOf } from './result.js';

/** The MathML elements mathml2omml has a handler for; it logs and flattens any other. */
const HANDLED = new Set([
  'math',
  'menclose',
  'mfrac',
  'mglyph',
  'mi',
  'mmultiscripts',
  'mn',
  'mo',
  'mover',
  'mroot',
  'mrow',
  'ms',
  'mspace',
  'msqrt',
  'mstyle',
  'msub',
  'msubsup',
  'msup',
  'mtable',
  'mtd',
  'mtext',
  'mtr',
  'munder',
  'munderover',
  'semantics',
  'mprescripts',
  'none',
]);

/**
 * Temml writes a few elements mathml2omml does not know (`mpadded` around `\mathrm`, `mphantom`, `mlabeledtr`).
 * They are grouping or spacing only: `mphantom` is dropped with its content (it is invisible), the others
 * become `mrow`, which is what mathml2omml would do after logging a warning to the console.
 */
function simplify(mathml: string): { mathml: string; fences: Fence[] } {
  const renamed = mathml
    .replace(/<mphantom\b[^>]*>(?:(?!<\/?mphantom\b)[\s\S])*<\/mphantom>/g, '')
    .replace(/<(\/?)([a-z][a-z-]*)\b([^>]*)>/g, (tag, close: string, name: string, attributes: string) => {
      if (HANDLED.has(name)) return tag;
      if (attributes.endsWith('/')) return '<mrow/>';
      return close ? '</mrow>' : '<mrow>';
    });
  const tree = parseMathml(renamed);
  const fences = takeFences(tree);
  return { mathml: serializeMathml(groupNaryOperands(tree)), fences };
}

/** The children of an `m:oMath` element. */
function content(omml: string): string {
  return omml.replace(/^<m:oMath[^>]*>/, '').replace(/<\/m:oMath>$/, '');
}

const convert = memoize(2000, (mathml: string): string => {
  const simple = simplify(mathml);
  // Temml writes `<`, `>` and `&` as entities; mathml2omml would decode them and write them back raw,
  // which is not XML (`<m:t>P<0.05</m:t>`). Left encoded, they pass through as the entities they are.
  const omml = mml2omml(simple.mathml, { disableDecode: true });
  if (!omml.startsWith('<m:oMath')) throw new Error('no m:oMath element in the result');
  return placeFences(omml, simple.fences, (index) => content(convert((simple.fences[index] as Fence).mathml)));
});

/** Converts a MathML `<math>` element to an OMML `<m:oMath>` element (with its namespace declarations). */
export function mathmlToOmml(mathml: string, tex = ''): MathResult<string> {
  try {
    return { ok: true, tex, value: convert(mathml) };
  } catch (error) {
    return { ok: false, tex, stage: 'omml', reason: reasonOf(error) };
  }
}

/** TeX → `<m:oMath>` (repair, Temml, mathml2omml). A display formula's `m:oMathPara` is the caller's. */
export function texToOmml(tex: string, options: TexOptions): MathResult<string> {
  const mathml = texToMathml(tex, options);
  if (!mathml.ok) return mathml;
  return mathmlToOmml(mathml.value, mathml.tex);
}
