/**
 * Formulas on web pages, back to their TeX. AI chat pages (ChatGPT, DeepSeek, Kimi, Doubao) and
 * most blogs render TeX with KaTeX, whose output keeps the source: a MathML copy for screen readers
 * with `<annotation encoding="application/x-tex">`. MathJax 2 leaves the TeX in
 * `<script type="math/tex">`; MathJax 3 and bare MathML may carry an annotation or `alttext`.
 * Each formula becomes one `wenshu-math` element (`MATH`) with its TeX, which the reader makes a
 * `math` or `inlineMath` node, so that the equation path renders it as it does `$…$` in Markdown.
 * The visual copy (KaTeX's `katex-html`, MathJax's spans) goes: it is glyphs, not text.
 */
import { attribute, MATH, type P5Element, type P5Parent } from './html-elements.js';
import {
  classesOf,
  createElement,
  createText,
  elementsUnder,
  findUnder,
  hasClass,
  isElement,
  remove,
  replace,
  SKIP,
  textOf,
  walk,
} from './html-tree.js';

const TEX_ENCODINGS = new Set(['application/x-tex', 'text/x-tex', 'application/x-latex']);

/** The TeX a rendered formula was made from, when it kept it. */
function texOf(element: P5Element): string | undefined {
  const annotation = findUnder(
    element,
    (el) => el.tagName === 'annotation' && TEX_ENCODINGS.has((attribute(el, 'encoding') ?? '').toLowerCase()),
  );
  if (annotation) return textOf(annotation).trim();
  const math = element.tagName === 'math' ? element : findUnder(element, (el) => el.tagName === 'math');
  const alt = math ? attribute(math, 'alttext') : undefined;
  return alt?.trim() || undefined;
}

function mathElement(tex: string, display: boolean): P5Element {
  return createElement(MATH, [
    { name: 'data-tex', value: tex },
    ...(display ? [{ name: 'data-display', value: '' }] : []),
  ]);
}

/** Rendered output of MathJax 2, beside the script that holds the TeX. */
const MATHJAX2_OUTPUT = [
  'MathJax_Preview',
  'MathJax',
  'MathJax_Display',
  'MathJax_SVG',
  'MathJax_CHTML',
  'MJX_Assistive_MathML',
];

export interface MathReport {
  /** Formulas read back to TeX. */
  found: number;
  /** Formulas without their TeX, kept as their text. */
  textOnly: number;
}

/** Replaces every formula under `root` by a `wenshu-math` element; returns how many it found. */
export function readFormulas(root: P5Parent): MathReport {
  const report: MathReport = { found: 0, textOnly: 0 };
  const put = (element: P5Element, tex: string | undefined, display: boolean) => {
    if (tex === undefined || tex === '') {
      // No TeX: the formula's characters are better than nothing (and than KaTeX's glyph soup).
      const mathml = element.tagName === 'math' ? element : findUnder(element, (el) => el.tagName === 'math');
      replace(element, createText(tokensOf(mathml ?? element)));
      report.textOnly++;
      return;
    }
    const math = mathElement(tex, display);
    replace(element, math);
    report.found++;
    if (display) liftDisplay(math);
  };
  const scripts = elementsUnder(root).filter(
    (el) => el.tagName === 'script' && /^math\/tex/i.test(attribute(el, 'type') ?? ''),
  );
  if (scripts.length > 0) {
    walk(root, null, (el) => {
      if (!classesOf(el).some((name) => MATHJAX2_OUTPUT.includes(name))) return null;
      remove(el);
      return SKIP;
    });
    for (const script of scripts) {
      put(script, textOf(script).trim(), /mode\s*=\s*display/i.test(attribute(script, 'type') ?? ''));
    }
  }
  // Outermost first: a `katex-display` holds a `katex`, which goes with it.
  walk(root, null, (el) => {
    if (hasClass(el, 'katex-display') || hasClass(el, 'katex')) {
      const block =
        hasClass(el, 'katex-display') ||
        findUnder(el, (m) => m.tagName === 'math' && attribute(m, 'display') === 'block') !== undefined;
      put(el, texOf(el), block);
    } else if (el.tagName === 'mjx-container') put(el, texOf(el), attribute(el, 'display') === 'true');
    else if (el.tagName === 'math') put(el, texOf(el), attribute(el, 'display') === 'block');
    else return null;
    return SKIP;
  });
  return report;
}

/**
 * A display formula alone in its paragraph (`<p><span class="katex-display">`) stands for the
 * paragraph: the paragraph goes, so the reader sees a block.
 */
function liftDisplay(math: P5Element): void {
  let parent = math.parentNode;
  while (parent && isElement(parent) && (parent.tagName === 'p' || parent.tagName === 'span')) {
    const others = parent.childNodes.filter(
      (child) =>
        child !== math && !(child.nodeName === '#text' && textOf(child).trim() === '') && child.nodeName !== '#comment',
    );
    if (others.length > 0) return;
    replace(parent, math);
    parent = math.parentNode;
  }
}

/**
 * A formula's characters without the whitespace between its MathML elements (`a x 2` is `ax2`):
 * the text a formula with no TeX keeps.
 */
function tokensOf(element: P5Element): string {
  let text = '';
  const stack = [...element.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.nodeName === '#text' && 'value' in node) {
      if (node.value.trim() !== '') text += node.value.trim();
    } else if (isElement(node))
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as typeof node);
  }
  return text;
}
