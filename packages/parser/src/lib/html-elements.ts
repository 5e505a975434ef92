/**
 * What wenshu makes of each HTML element, and small helpers over parse5's tree.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { AlignType } from '../ast.js';
import { SLOT } from './html-segments.js';

export type P5Node = DefaultTreeAdapterMap['childNode'];
export type P5Element = DefaultTreeAdapterMap['element'];
export type P5Parent = DefaultTreeAdapterMap['parentNode'];

/** Inline elements that wrap phrasing content, and the node each becomes. */
export const PHRASING_WRAPPERS = {
  em: 'emphasis',
  i: 'emphasis',
  strong: 'strong',
  b: 'strong',
  del: 'delete',
  s: 'delete',
  strike: 'delete',
  u: 'underline',
  ins: 'underline',
  mark: 'mark',
  sub: 'subscript',
  sup: 'superscript',
} as const;

/** Elements that are dropped whole, content and all: never text a reader should see. */
export const DROPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'head',
  'title',
  'meta',
  'link',
]);

/** Inline elements that add nothing but are known: their content is kept without a warning. */
export const TRANSPARENT = new Set(['span', 'small']);

/** Block elements we map; anything else that is not phrasing is unwrapped with a warning. */
export const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'table',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
]);

/**
 * Block-level HTML elements with no node of their own: unwrapped, their content kept as blocks
 * (two `<section>`s are two paragraphs, not one line). Any other unknown element is inline.
 */
export const UNMAPPED_BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'legend',
  'main',
  'menu',
  'nav',
  'search',
  'section',
  'summary',
]);

/**
 * A formula found in a whole HTML document (KaTeX, MathJax, MathML): the reader of documents puts
 * this element in its place with the TeX in `data-tex` (`html-math.ts`); `data-display` marks
 * display math. Only documents read with `math` on make math of it.
 */
export const MATH = 'wenshu-math';

/** Inline elements, beside the wrappers, that `blockNode` leaves to a paragraph. */
export const INLINE_OTHERS = new Set(['a', 'img', 'br', 'code']);

/* ------------------------------------------------------------------------------------------------
 * parse5 helpers
 * --------------------------------------------------------------------------------------------- */

export function childrenOf(node: P5Parent): P5Node[] {
  if (node.nodeName === 'template' && 'content' in node) return node.content.childNodes;
  return node.childNodes;
}

export function attribute(element: P5Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

export function spanOf(element: P5Element, name: string): number {
  const raw = attribute(element, name);
  const value = raw === undefined ? 1 : Number.parseInt(raw, 10);
  return Number.isFinite(value) && value >= 1 ? value : 1;
}

export function cellAlign(cell: P5Element): AlignType | undefined {
  const value = (
    attribute(cell, 'align') ??
    /text-align\s*:\s*(\w+)/i.exec(attribute(cell, 'style') ?? '')?.[1] ??
    ''
  ).toLowerCase();
  return value === 'left' || value === 'right' || value === 'center' ? value : undefined;
}

export function hasBlockInside(element: P5Element): boolean {
  const stack: P5Node[] = [...childrenOf(element)];
  while (stack.length > 0) {
    const node = stack.pop() as P5Node;
    if (!('tagName' in node)) continue;
    if (node.tagName === SLOT) {
      if (node.attrs.some((a) => a.name === 'data-block')) return true;
      continue;
    }
    if (BLOCK_ELEMENTS.has(node.tagName) || UNMAPPED_BLOCKS.has(node.tagName)) return true;
    for (const child of childrenOf(node)) stack.push(child);
  }
  return false;
}
