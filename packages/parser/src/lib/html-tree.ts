/**
 * Small edits on parse5's tree, for the reader of whole HTML documents (`html-document.ts`), which
 * tidies a page before the element reader (`html.ts`) sees it. Every walk is iterative: a page may
 * nest thousands of elements deep, and the reader flattens what is deeper than `maxDepth` later.
 */
import { defaultTreeAdapter, html } from 'parse5';
import { attribute, childrenOf, type P5Element, type P5Node, type P5Parent } from './html-elements.js';

export type P5Text = Extract<P5Node, { nodeName: '#text' }>;

export function isElement(node: P5Node | P5Parent): node is P5Element {
  return 'tagName' in node;
}

export function isText(node: P5Node): node is P5Text {
  return node.nodeName === '#text';
}

/** The elements under `root` (not `root` itself), in document order. */
export function elementsUnder(root: P5Parent): P5Element[] {
  const out: P5Element[] = [];
  const stack: P5Node[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as P5Node;
    if (!isElement(node)) continue;
    out.push(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as P5Node);
  }
  return out;
}

/** What a `walk` visitor returns to leave an element's content unvisited (it removed or replaced it). */
export const SKIP = Symbol('skip');

/**
 * Visits the elements under `root` in document order, each with the state its parent's visit
 * returned (`initial` for the children of `root`). An element's children are read when it is
 * reached, so a visitor may change them; returning `SKIP` leaves them unvisited. Linear however
 * deep the tree: no element asks after its ancestors.
 */
export function walk<S>(root: P5Parent, initial: S, visit: (element: P5Element, state: S) => S | typeof SKIP): void {
  const stack: { node: P5Node; state: S }[] = [];
  const push = (parent: P5Parent, state: S) => {
    const children = childrenOf(parent);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as P5Node, state });
  };
  push(root, initial);
  while (stack.length > 0) {
    const { node, state } = stack.pop() as { node: P5Node; state: S };
    if (!isElement(node)) continue;
    const next = visit(node, state);
    if (next !== SKIP) push(node, next);
  }
}

/** The first element under `root` that `test` accepts, in document order. */
export function findUnder(root: P5Parent, test: (element: P5Element) => boolean): P5Element | undefined {
  const stack: P5Node[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as P5Node;
    if (!isElement(node)) continue;
    if (test(node)) return node;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as P5Node);
  }
  return undefined;
}

/** The text under a node as a browser would copy it, roughly: text nodes joined, comments left out. */
export function textOf(root: P5Node | P5Parent): string {
  if (isTextLike(root)) return root.value;
  let text = '';
  const stack: P5Node[] = [...childrenOf(root as P5Parent)].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as P5Node;
    if (isText(node)) text += node.value;
    else if (isElement(node)) {
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as P5Node);
    }
  }
  return text;
}

/** The length of `textOf(root)`, counted only up to `max` (what is beyond is not read). */
export function textLengthUpTo(root: P5Parent, max: number): number {
  let length = 0;
  const stack: P5Node[] = [...childrenOf(root)].reverse();
  while (stack.length > 0 && length <= max) {
    const node = stack.pop() as P5Node;
    if (isText(node)) length += node.value.length;
    else if (isElement(node)) {
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as P5Node);
    }
  }
  return length;
}

function isTextLike(node: P5Node | P5Parent): node is P5Text {
  return node.nodeName === '#text';
}

/** The class names of an element. */
export function classesOf(element: P5Element): string[] {
  return (attribute(element, 'class') ?? '').split(/\s+/).filter((name) => name !== '');
}

export function hasClass(element: P5Element, name: string): boolean {
  return classesOf(element).includes(name);
}

/** The value of one declaration in an element's `style` attribute (`font-weight`), lower-cased. */
export function styleOf(element: P5Element, property: string): string | undefined {
  const style = attribute(element, 'style');
  if (!style) return undefined;
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    if (declaration.slice(0, colon).trim().toLowerCase() === property) {
      return declaration
        .slice(colon + 1)
        .replace(/!important/i, '')
        .trim()
        .toLowerCase();
    }
  }
  return undefined;
}

export function setAttribute(element: P5Element, name: string, value: string): void {
  const existing = element.attrs.find((attr) => attr.name === name);
  if (existing) existing.value = value;
  else element.attrs.push({ name, value });
}

/** A new HTML element (no source position: it stands for what it replaces). */
export function createElement(tagName: string, attrs: { name: string; value: string }[] = []): P5Element {
  return defaultTreeAdapter.createElement(tagName, html.NS.HTML, attrs);
}

export function createText(value: string): P5Text {
  return defaultTreeAdapter.createTextNode(value);
}

export function remove(node: P5Node): void {
  const parent = node.parentNode;
  if (!parent) return;
  const siblings = childrenOf(parent);
  const index = siblings.indexOf(node);
  if (index >= 0) siblings.splice(index, 1);
  node.parentNode = null;
}

/** Puts `replacement` where `node` is; a new element takes the old one's position in the source. */
export function replace(node: P5Node, replacement: P5Node): void {
  const parent = node.parentNode;
  if (!parent) return;
  const siblings = childrenOf(parent);
  const index = siblings.indexOf(node);
  if (index < 0) return;
  siblings[index] = replacement;
  replacement.parentNode = parent as P5Element;
  if (!replacement.sourceCodeLocation && node.sourceCodeLocation) {
    replacement.sourceCodeLocation = node.sourceCodeLocation;
  }
  node.parentNode = null;
}

/** Moves every child of `from` into `to` (appended). */
export function adoptChildren(from: P5Parent, to: P5Element): void {
  for (const child of childrenOf(from)) {
    child.parentNode = to;
    to.childNodes.push(child);
  }
  childrenOf(from).length = 0;
}

/** Renames an element in place (its attributes and children stay). */
export function rename(element: P5Element, tagName: string): void {
  (element as { tagName: string }).tagName = tagName;
  (element as { nodeName: string }).nodeName = tagName;
}

/** The parent of a parent node (none for the document). */
export function parentOf(node: P5Parent): P5Parent | null {
  return 'parentNode' in node ? node.parentNode : null;
}

/** An element as messages name it: `<div class="pages_content">`, `<main>`. */
export function describe(element: P5Element): string {
  const id = attribute(element, 'id');
  if (id) return `<${element.tagName} id="${id.slice(0, 40)}">`;
  const [first] = classesOf(element);
  return first ? `<${element.tagName} class="${first.slice(0, 40)}">` : `<${element.tagName}>`;
}
