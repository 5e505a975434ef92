/**
 * What office programs put on the clipboard, made plain HTML.
 *
 * Word and WPS write paragraphs with `mso-` styles. A numbered paragraph (`mso-list:l0 level1`)
 * carries its number as text in a `<span style="mso-list:Ignore">`: the number is kept, as written
 * (`一、`, `（一）`, `1.`), so that wenshu's own ordinal passes read it as they read Markdown; the
 * padding after it (non-breaking spaces in a 7 pt span) goes. Bulleted paragraphs (a `·` or a
 * Wingdings glyph) become a list, nested by their `level`. `MsoTitle` is the title heading.
 *
 * Google Docs wraps a copied selection in `<b style="font-weight:normal" id="docs-internal-guid-…">`,
 * which is not bold, and says bold, italic, superscript and subscript with `style` on `<span>`s.
 * Styles are read only for those: colours, fonts and sizes are the theme's business.
 */
import { attribute, type P5Element, type P5Node, type P5Parent } from './html-elements.js';
import {
  adoptChildren,
  classesOf,
  createElement,
  createText,
  elementsUnder,
  findUnder,
  isElement,
  remove,
  rename,
  replace,
  styleOf,
  textOf,
  walk,
} from './html-tree.js';

/** The level of a Word list paragraph (`mso-list:l0 level2 lfo1` is 2), or undefined for other paragraphs. */
function msoListLevel(element: P5Element): number | undefined {
  const style = attribute(element, 'style') ?? '';
  const match = /mso-list\s*:\s*(\S+)\s+level(\d+)/i.exec(style);
  if (!match || /ignore/i.test(match[1] ?? '')) return undefined;
  return Number(match[2]);
}

const isIgnoreSpan = (el: P5Element) => /mso-list\s*:\s*ignore/i.test(attribute(el, 'style') ?? '');

/**
 * A marker with a number (`1.`, `一、`, `（三）`, `①`) or a letter and its punctuation (`a)`, `iv.`) is an
 * ordinal; anything else is a bullet, also the letters Word's bullet fonts draw as glyphs (`o`, `Ø`, `§`, `ü`).
 */
function isOrdinal(marker: string): boolean {
  return (
    /\p{N}/u.test(marker) ||
    /[一二三四五六七八九十百千零〇壹贰叁肆伍陆柒捌玖拾甲乙丙丁戊己庚辛壬癸]/.test(marker) ||
    /^[(（]?[A-Za-z]{1,4}[.)）、．]$/.test(marker)
  );
}

interface Bullet {
  paragraph: P5Element;
  level: number;
}

/** Word's list paragraphs: ordinals kept as text, bullets made lists. */
export function readWordLists(root: P5Parent): void {
  const bullets: Bullet[] = [];
  for (const element of elementsUnder(root)) {
    if (element.tagName !== 'p' && !/^h[1-6]$/.test(element.tagName)) continue;
    const level = msoListLevel(element);
    if (level === undefined) continue;
    const marker = findUnder(element, isIgnoreSpan);
    if (!marker) continue;
    const text = textOf(marker).replace(/[\s\u00a0]+/g, '');
    if (isOrdinal(text) || element.tagName !== 'p') {
      replace(marker, createText(text));
    } else {
      remove(marker);
      bullets.push({ paragraph: element, level });
    }
  }
  for (const run of siblingRuns(bullets)) listFrom(run);
}

/** Bulleted paragraphs grouped into runs of siblings with nothing but whitespace between them. */
function siblingRuns(bullets: Bullet[]): Bullet[][] {
  const runs: Bullet[][] = [];
  let run: Bullet[] = [];
  for (const bullet of bullets) {
    const last = run[run.length - 1];
    if (
      last &&
      !(last.paragraph.parentNode === bullet.paragraph.parentNode && onlySpaceBetween(last.paragraph, bullet.paragraph))
    ) {
      runs.push(run);
      run = [];
    }
    run.push(bullet);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function onlySpaceBetween(a: P5Node, b: P5Node): boolean {
  const siblings = (a.parentNode as P5Parent).childNodes;
  const from = siblings.indexOf(a);
  const to = siblings.indexOf(b);
  if (from < 0 || to <= from) return false;
  return siblings
    .slice(from + 1, to)
    .every((node) => node.nodeName === '#comment' || (node.nodeName === '#text' && textOf(node).trim() === ''));
}

/** One run of bulleted paragraphs → a `<ul>` in place of the first, nested by level. */
function listFrom(run: Bullet[]): void {
  const first = run[0];
  if (!first) return;
  const top = createElement('ul');
  replace(first.paragraph, top);
  // The open lists, outermost first, with the level each stands for.
  const open: { list: P5Element; level: number }[] = [{ list: top, level: first.level }];
  for (const { paragraph, level } of run) {
    if (paragraph !== first.paragraph) remove(paragraph);
    let current = open[open.length - 1] as { list: P5Element; level: number };
    while (level < current.level && open.length > 1) {
      open.pop();
      current = open[open.length - 1] as { list: P5Element; level: number };
    }
    if (level > current.level) {
      const lastItem = current.list.childNodes[current.list.childNodes.length - 1];
      const nested = createElement('ul');
      if (lastItem && isElement(lastItem)) append(lastItem, nested);
      else append(current.list, nested);
      current = { list: nested, level };
      open.push(current);
    }
    const item = createElement('li');
    if (paragraph.sourceCodeLocation) item.sourceCodeLocation = paragraph.sourceCodeLocation;
    adoptChildren(paragraph, item);
    append(current.list, item);
  }
}

function append(parent: P5Element, child: P5Element): void {
  child.parentNode = parent;
  parent.childNodes.push(child);
}

/* ------------------------------------------------------------------------------------------------
 * Styles that carry meaning
 * --------------------------------------------------------------------------------------------- */

const BOLD = /^(?:bold|bolder|[6-9]00)$/;
const NOT_BOLD = /^(?:normal|lighter|[1-4]00)$/;

/** Inline styles that are formatting: Google Docs' spans, Word's `MsoTitle`, not-bold `<b>`. */
export function readStyles(root: P5Parent): void {
  // The state is whether a heading is above: a heading is bold already.
  walk(root, false, (element, inHeading) => {
    const tag = element.tagName;
    if (tag === 'p' && classesOf(element).includes('MsoTitle')) {
      rename(element, 'h1');
      return true;
    }
    if (/^h[1-6]$/.test(tag)) return true;
    const weight = styleOf(element, 'font-weight');
    if ((tag === 'b' || tag === 'strong') && weight !== undefined && NOT_BOLD.test(weight)) {
      rename(element, 'span');
      return inHeading;
    }
    if (tag !== 'span') return inHeading;
    const wrappers: string[] = [];
    if (weight !== undefined && BOLD.test(weight) && !inHeading) wrappers.push('strong');
    if (styleOf(element, 'font-style') === 'italic') wrappers.push('em');
    const align = styleOf(element, 'vertical-align');
    if (align === 'super') wrappers.push('sup');
    else if (align === 'sub') wrappers.push('sub');
    if (/line-through/.test(styleOf(element, 'text-decoration') ?? '')) wrappers.push('del');
    let inner: P5Element = element;
    for (const tagName of wrappers) {
      const wrapper = createElement(tagName);
      adoptChildren(inner, wrapper);
      append(inner, wrapper);
      inner = wrapper;
    }
    return inHeading;
  });
}
