/**
 * A formula as a line of text with sub- and superscripts: `\frac{V^2}{R}` → `V²/R` (the `2` a superscript
 * run). For outputs that cannot put a drawing inside a line of text: PDF's inline math (pdfmake lays out
 * text lines, and wenshu sets them itself; an SVG can only be a block). The text is real text, so it is
 * selectable, searchable and set in the body face on the baseline.
 *
 * Built from Temml's MathML. Structures with no faithful one-line form (matrices, arrays, nested
 * fractions in scripts are fine, but a table is not) are failures, and the caller falls back.
 */
import { type TexOptions, texToMathml } from './mathml.js';
import { type MathElement, type MathNode, parseMathml, textOf } from './mathml-tree.js';
import { RELATIONS } from './operators.js';
import { type MathResult, reasonOf } from './result.js';

export interface LinearOptions extends TexOptions {
  /**
   * Whether the face the text will be set in has a glyph for a character: accents are combining marks
   * (x̄) where it has them, else spacing accents set as superscripts (xˉ). All marks when absent.
   */
  hasGlyph?: (codePoint: number) => boolean;
}

export interface LinearRun {
  text: string;
  script?: 'sub' | 'sup';
}

class NotLinear extends Error {}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

function decode(text: string): string {
  return text
    .replace(/&(?:lt|gt|amp|quot|apos);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)));
}

/** Invisible operators (function application, invisible times/separator/plus) are layout, not text. */
const INVISIBLE = /[\u2061-\u2064\u200b]/g;
/** Accent characters Temml writes → [combining mark, spacing form set as a superscript when a face lacks the mark]. */
const ACCENTS: Record<string, [string, string]> = {
  '¯': ['\u0304', 'ˉ'],
  '‾': ['\u0304', 'ˉ'],
  '^': ['\u0302', 'ˆ'],
  ˆ: ['\u0302', 'ˆ'],
  '~': ['\u0303', '˜'],
  '˜': ['\u0303', '˜'],
  '→': ['\u20d7', '→'],
  '⃗': ['\u20d7', '→'],
  '˙': ['\u0307', '˙'],
  '¨': ['\u0308', '¨'],
  ˇ: ['\u030c', 'ˇ'],
  '˘': ['\u0306', '˘'],
};
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * Temml writes `\mathbf{W}` as U+1D416 MATHEMATICAL BOLD CAPITAL W; text faces have no glyphs for the
 * Mathematical Alphanumeric Symbols block, so they become the letters they are styled from (NFKC).
 */
function letters(text: string): string {
  return text.replace(/[\u{1d400}-\u{1d7ff}\u210e]/gu, (char) => char.normalize('NFKC'));
}

const SPACED = new Set([...RELATIONS, '∈', '∉', '⊂', '⊆', '+', '−', '±', '×', '÷', '·']);

/** Relations and binary operators with a space on each side, as a reader writes them; prefix signs without. */
function operator(node: MathElement, text: string): string {
  if (!SPACED.has(text) || /form="prefix"/.test(node.attributes)) return text;
  return ` ${text} `;
}

function elementsOf(node: MathElement): MathElement[] {
  return node.children.filter((child): child is MathElement => typeof child !== 'string');
}

function plain(runs: LinearRun[]): string {
  return runs.map((run) => run.text).join('');
}

/** Runs set one script level lower: everything in a script is that script (no nested levels in a line). */
function asScript(runs: LinearRun[], script: 'sub' | 'sup'): LinearRun[] {
  // Scripts are set tight: `i=1`, not `i = 1`.
  return runs.map((run) => ({ text: run.text.replace(/ /g, ''), script }));
}

/** A fraction's part or a root's radicand in parentheses when it is more than one term. */
function grouped(node: MathNode): LinearRun[] {
  const runs = linear(node);
  const text = plain(runs);
  const simple = /^[\p{L}\p{N}.]*$/u.test(text) || (runs.length > 1 && !/[-+=<>±×·/ ]/.test(text));
  return simple ? runs : [{ text: '(' }, ...runs, { text: ')' }];
}

function merge(runs: LinearRun[]): LinearRun[] {
  const out: LinearRun[] = [];
  const first = runs.find((run) => run.text !== '');
  if (first) first.text = first.text.trimStart();
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.script === run.script) last.text += run.text;
    else out.push({ ...run });
  }
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  for (const run of out) run.text = run.text.replace(/ {2,}/g, ' ');
  return out.filter((run) => run.text !== '');
}

let hasGlyph: (codePoint: number) => boolean = () => true;

function linear(node: MathNode): LinearRun[] {
  if (typeof node === 'string') return [{ text: decode(node).replace(INVISIBLE, '') }];
  const kids = elementsOf(node);
  const at = (index: number): MathElement => {
    const kid = kids[index];
    if (!kid) throw new NotLinear(`<${node.name}> without argument ${index + 1}`);
    return kid;
  };
  switch (node.name) {
    case '#root':
    case 'math':
    case 'mrow':
    case 'mstyle':
    case 'mpadded':
    case 'semantics':
    case 'mtd':
      return kids.filter((kid) => kid.name !== 'annotation').flatMap(linear);
    case 'mi':
    case 'mn':
    case 'mtext':
    case 'ms':
      return [{ text: letters(decode(textOf(node))) }];
    case 'mo':
      return [{ text: operator(node, decode(textOf(node)).replace(INVISIBLE, '')) }];
    case 'mspace': {
      // A thin space (\,) or wider is a space; negative and hair spaces are kerning.
      const width = Number(/width="(-?[\d.]+)em"/.exec(node.attributes)?.[1] ?? '0');
      return [{ text: width >= 0.15 ? ' ' : '' }];
    }
    case 'mphantom':
      return [];
    case 'msub':
      return [...linear(at(0)), ...asScript(linear(at(1)), 'sub')];
    case 'msup':
      return [...linear(at(0)), ...asScript(linear(at(1)), 'sup')];
    case 'msubsup':
      return [...linear(at(0)), ...asScript(linear(at(1)), 'sub'), ...asScript(linear(at(2)), 'sup')];
    case 'munder':
    case 'mover':
    case 'munderover':
      return underOver(node, kids);
    case 'mfrac':
      return [...grouped(at(0)), { text: '/' }, ...grouped(at(1))];
    case 'msqrt': {
      const radicand = kids.flatMap(linear);
      const single = [...plain(radicand)].length === 1;
      return [{ text: '√' }, ...(single ? radicand : [{ text: '(' }, ...radicand, { text: ')' }])];
    }
    case 'mroot':
      return [...asScript(linear(at(1)), 'sup'), { text: '√' }, ...grouped(at(0))];
    case 'menclose': {
      if (/notation="top"/.test(node.attributes)) return accented(kids.flatMap(linear), ['\u0304', 'ˉ']);
      const inner = plain(kids.flatMap(linear));
      const number = Number(inner);
      if (/circle/.test(node.attributes) && Number.isInteger(number) && number >= 1 && number <= 20) {
        return [{ text: CIRCLED[number - 1] as string }];
      }
      return kids.flatMap(linear);
    }
    default:
      throw new NotLinear(`<${node.name}> has no one-line form`);
  }
}

/** One character with an accent: a combining mark, or the spacing accent as a superscript. */
function accented(base: LinearRun[], [combining, spacing]: [string, string]): LinearRun[] {
  const text = plain(base);
  if ([...text].length !== 1) throw new NotLinear('an accent over more than one character');
  if (hasGlyph(combining.codePointAt(0) as number)) return [{ text: text + combining }];
  return [{ text }, { text: spacing, script: 'sup' }];
}

/** `\sum_{i}^{n}`, `\lim_{x→0}` as scripts; `\bar{x}`, `\hat{x}` as combining accents. */
function underOver(node: MathElement, kids: MathElement[]): LinearRun[] {
  const [base, first, second] = kids;
  if (!base || !first) throw new NotLinear(`<${node.name}> without arguments`);
  const mark = node.name === 'mover' && first.name === 'mo' ? ACCENTS[decode(textOf(first)).trim()] : undefined;
  if (mark) return accented(linear(base), mark);
  if (/accentunder="true"/.test(node.attributes)) return linear(base);
  const out = linear(base);
  if (node.name === 'mover') return [...out, ...asScript(linear(first), 'sup')];
  out.push(...asScript(linear(first), 'sub'));
  if (node.name === 'munderover' && second) out.push(...asScript(linear(second), 'sup'));
  return out;
}

/** A formula as text runs with scripts, or a failure (with the reason) when it has no one-line form. */
export function texToLinear(tex: string, options: LinearOptions): MathResult<LinearRun[]> {
  const mathml = texToMathml(tex, options);
  if (!mathml.ok) return mathml;
  // The walk is synchronous: the glyph test is set for its duration only.
  hasGlyph = options.hasGlyph ?? (() => true);
  try {
    return { ok: true, tex: mathml.tex, value: merge(linear(parseMathml(mathml.value))) };
  } catch (error) {
    return { ok: false, tex: mathml.tex, stage: 'tex', reason: reasonOf(error) };
  } finally {
    hasGlyph = () => true;
  }
}
