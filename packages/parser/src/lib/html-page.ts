/**
 * A saved web page or a clipboard fragment, reduced to its content: what a reader of the page would
 * call the text. Three steps, each a decision a browser's reader view also makes:
 * - machinery goes silently (scripts, styles, buttons, form controls, icons) and so does anything
 *   hidden (`hidden`, `aria-hidden`, `display:none`): a user never saw it;
 * - page chrome goes with a warning (`<nav>`, `<aside>`, forms, the page's own `<header>` and
 *   `<footer>`, breadcrumbs and share bars): it is text, but not the report's;
 * - a whole page is read from its main content when it has a clear one: `<main>`, a single
 *   `<article>`, or else the element holding most of its text (links not counted, so a sidebar of
 *   headlines does not win), with its title when that is set just above it.
 * A clipboard fragment (`<!--StartFragment-->`, or no `<html>`/`<body>`) is what the user selected,
 * and a document an office program saved as a page is all content: both are read whole (the caller
 * decides, `html-document.ts`). Code blocks' frames on AI chat pages are taken apart here too.
 */
import { attribute, type P5Element, type P5Parent } from './html-elements.js';
import {
  classesOf,
  describe,
  elementsUnder,
  findUnder,
  isElement,
  parentOf,
  remove,
  rename,
  replace,
  SKIP,
  setAttribute,
  styleOf,
  textLengthUpTo,
  textOf,
  walk,
} from './html-tree.js';

export type PageWarn = (message: string, element?: P5Element) => void;

/** Never content: dropped with their content and without a word. */
const MACHINERY = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'link',
  'meta',
  'title',
  'base',
  'svg',
  'canvas',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'datalist',
  'dialog',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'map',
]);

/** Roles that name page chrome (ARIA landmark roles). */
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'toolbar',
]);

/** Class and id words that name chrome on pages of every kind (a class word, not a substring). */
const CHROME_WORDS = new Set([
  'breadcrumb',
  'breadcrumbs',
  'crumbs',
  'share',
  'sharing',
  'social',
  'toolbar',
  'pagination',
  'pager',
  'sidebar',
  'comments',
]);

function isHidden(element: P5Element): boolean {
  if (attribute(element, 'hidden') !== undefined) return true;
  if (attribute(element, 'aria-hidden') === 'true') return true;
  const display = styleOf(element, 'display');
  const visibility = styleOf(element, 'visibility');
  return display === 'none' || visibility === 'hidden';
}

/** The `<br>` Safari and Chrome add at the end of a copied selection: not the author's. */
function isInterchangeBreak(element: P5Element): boolean {
  return element.tagName === 'br' && classesOf(element).includes('Apple-interchange-newline');
}

function isMachinery(element: P5Element): boolean {
  if (MACHINERY.has(element.tagName)) return true;
  const role = attribute(element, 'role');
  return role === 'button' || role === 'img' || role === 'tooltip';
}

const SECTIONING = new Set([
  'article',
  'section',
  'main',
  'aside',
  'nav',
  'blockquote',
  'td',
  'th',
  'figure',
  'details',
]);

/**
 * An AI chat page's reasoning ("深度思考", "已深度思考"): DeepSeek's `ds-think-content`, Doubao's
 * `think_block_collapse`, and class words `thinking`/`reasoning`. The answer is the report; the
 * model's notes on the way to it are not.
 */
function isReasoning(element: P5Element): boolean {
  if (attribute(element, 'data-testid') === 'think_block_collapse') return true;
  return classesOf(element).some(
    (name) =>
      name === 'ds-think-content' || name.split(/[-_]/).some((word) => word === 'thinking' || word === 'reasoning'),
  );
}

/** Chrome at the page level: what it is, or undefined for content. */
function chromeKind(element: P5Element, sectioned: boolean, page: boolean): string | undefined {
  const tag = element.tagName;
  if (isReasoning(element)) return `the AI's reasoning ${describe(element)}`;
  if (tag === 'nav' || tag === 'aside' || tag === 'form' || tag === 'menu') return describe(element);
  const role = attribute(element, 'role');
  if (role && CHROME_ROLES.has(role)) return describe(element);
  if ((tag === 'header' || tag === 'footer') && !sectioned) {
    return `the page's ${describe(element)}`;
  }
  if (page) {
    const words = [...classesOf(element), attribute(element, 'id') ?? ''].flatMap((name) =>
      name.toLowerCase().split(/[-_]/),
    );
    if (words.some((word) => CHROME_WORDS.has(word))) return describe(element);
  }
  return undefined;
}

/** Drops machinery, hidden elements and chrome under `root`; warns for the chrome. */
export function dropChrome(root: P5Parent, page: boolean, warn: PageWarn): void {
  let hidden = 0;
  // The state is whether a sectioning element (an article's header is not the page's) is above.
  walk(root, false, (element, sectioned) => {
    if (isMachinery(element) || isInterchangeBreak(element)) {
      remove(element);
      return SKIP;
    }
    if (isHidden(element)) {
      if (textOf(element).trim() !== '') hidden++;
      remove(element);
      return SKIP;
    }
    const kind = chromeKind(element, sectioned, page);
    if (kind === undefined) return sectioned || SECTIONING.has(element.tagName);
    const length = textOf(element).trim().length;
    if (length > 0) warn(`page chrome ${kind} dropped (${length} characters)`, element);
    remove(element);
    return SKIP;
  });
  if (hidden > 0) {
    warn(`${hidden} hidden element${hidden === 1 ? '' : 's'} with text dropped (a reader of the page never sees them)`);
  }
}

/* ------------------------------------------------------------------------------------------------
 * Main content
 * --------------------------------------------------------------------------------------------- */

interface Counts {
  /** Characters of text, spaces not counted. */
  all: number;
  /** Of which inside links. */
  link: number;
}

function countText(root: P5Parent): Map<P5Parent, Counts> {
  const counts = new Map<P5Parent, Counts>();
  const elements = elementsUnder(root);
  counts.set(root, { all: 0, link: 0 });
  for (const element of elements) counts.set(element, { all: 0, link: 0 });
  // Children before parents: the reverse of document order.
  for (let i = elements.length - 1; i >= -1; i--) {
    const element = i >= 0 ? (elements[i] as P5Element) : root;
    const own = counts.get(element) as Counts;
    for (const child of element.childNodes) {
      if (child.nodeName === '#text' && 'value' in child) own.all += child.value.replace(/\s+/g, '').length;
    }
    if (isElement(element) && element.tagName === 'a') own.link = own.all;
    const parent = parentOf(element);
    if (i >= 0 && parent) {
      const up = counts.get(parent);
      if (up) {
        up.all += own.all;
        up.link += own.link;
      }
    }
  }
  return counts;
}

/** Below this much text a page is read whole: there is nothing to choose between. */
const MIN_TEXT = 400;
/** The share of its parent's text (outside links) a child must hold to be chosen instead of it. */
const MAIN_SHARE = 0.6;
/** How far up from the chosen content its title is looked for: levels, and text passed over. */
const TITLE_LEVELS = 4;
const TITLE_ROOM = 3000;

/** Elements the main content is looked for in (never a paragraph, a list or a heading). */
const CONTAINERS = /^(?:div|section|article|main|center|font|span|table|tbody|thead|tr|td|th)$/;

/**
 * A table used for page layout (old government and news sites set the page in one), not a table of
 * data: a cell of it holds paragraphs, sections or other tables. The main content is looked for
 * inside a layout table only: a table of figures holding most of a page's text is part of it.
 */
function isLayoutTable(element: P5Element): boolean {
  let table: P5Element | null = element;
  while (table && table.tagName !== 'table')
    table = table.parentNode && isElement(table.parentNode) ? table.parentNode : null;
  if (!table) return false;
  return (
    findUnder(
      table,
      (el) =>
        (el.tagName === 'td' || el.tagName === 'th') &&
        el.childNodes.some(
          (child) => isElement(child) && /^(?:p|div|h[1-6]|ul|ol|table|section|article)$/.test(child.tagName),
        ),
    ) !== undefined
  );
}

/** A page's main content: the element, and its title when that stands outside it. */
export interface MainContent {
  root: P5Element;
  title?: P5Element;
}

/** The element holding a page's main content (or `body` itself), and the title above it. */
export function mainContent(body: P5Element, pageTitle: string | undefined, warn: PageWarn): MainContent {
  const counts = countText(body);
  const own = (el: P5Parent) => {
    const c = counts.get(el) as Counts;
    return c.all - c.link;
  };
  const total = own(body);
  if (total < MIN_TEXT) return { root: body };
  let chosen: P5Element | undefined;
  const landmarks = elementsUnder(body).filter((el) => el.tagName === 'main' || attribute(el, 'role') === 'main');
  const articles = elementsUnder(body).filter((el) => el.tagName === 'article');
  for (const candidates of [landmarks, articles]) {
    if (candidates.length === 1 && own(candidates[0] as P5Element) >= 0.3 * total) {
      chosen = candidates[0] as P5Element;
      break;
    }
  }
  let title: P5Element | undefined;
  if (!chosen) {
    // Down from <body> while one child holds most of its parent's text: past the sidebars, then
    // past the comments and the share bar beside the article's text.
    let at: P5Element = body;
    for (;;) {
      const here = own(at);
      const next = at.childNodes.find(
        (child): child is P5Element =>
          isElement(child) &&
          CONTAINERS.test(child.tagName) &&
          (!/^(?:table|tbody|thead|tr|td|th)$/.test(child.tagName) || isLayoutTable(child)) &&
          own(child) >= MAIN_SHARE * here,
      );
      if (!next) break;
      at = next;
    }
    chosen = at;
    // The title is often set above the text, outside it: the nearest heading (or the page's
    // <title> as text) before it, a few levels up.
    if (!findUnder(at, (el) => /^h[1-3]$/.test(el.tagName))) title = titleAbove(at, body, pageTitle, counts);
  }
  if (chosen !== body) {
    const outside =
      (counts.get(body) as Counts).all -
      (counts.get(chosen) as Counts).all -
      (title ? (counts.get(title) as Counts).all : 0);
    if (outside > 0)
      warn(`the page's main content ${describe(chosen)} read; ${outside} characters of text around it dropped`, chosen);
  }
  return title ? { root: chosen, title } : { root: chosen };
}

function titleAbove(
  content: P5Element,
  body: P5Element,
  pageTitle: string | undefined,
  counts: Map<P5Parent, Counts>,
): P5Element | undefined {
  const isTitle = (el: P5Element) => {
    const text = textOf(el).trim();
    // An empty heading is a template's slot for a missing subtitle, not the title.
    return text !== '' && (/^h[1-3]$/.test(el.tagName) || (pageTitle !== undefined && text === pageTitle));
  };
  let below: P5Element = content;
  // Text passed over on the way: a title further away than this is not this content's.
  let passed = 0;
  for (let level = 0; level < TITLE_LEVELS; level++) {
    const up = below.parentNode;
    if (!up || !isElement(up) || up === body) break;
    // The nearest title before the content, in document order.
    const before = up.childNodes.slice(0, up.childNodes.indexOf(below));
    for (let i = before.length - 1; i >= 0; i--) {
      const node = before[i];
      if (!node || !isElement(node)) continue;
      const found = isTitle(node) ? node : lastUnder(node, isTitle);
      if (found) {
        // A page's title set as a <div>: the heading it is.
        if (!/^h[1-6]$/.test(found.tagName)) rename(found, 'h1');
        return found;
      }
      passed += (counts.get(node) as Counts | undefined)?.all ?? 0;
      if (passed > TITLE_ROOM) return undefined;
    }
    below = up;
  }
  return undefined;
}

function lastUnder(root: P5Element, test: (element: P5Element) => boolean): P5Element | undefined {
  const found = elementsUnder(root).filter(test);
  return found[found.length - 1];
}

/* ------------------------------------------------------------------------------------------------
 * Code blocks
 * --------------------------------------------------------------------------------------------- */

/** Words in a code block's frame that are its buttons and labels, not its language. */
const NOT_A_LANGUAGE =
  /^(?:copy|copied|code|download|run|edit|wrap|expand|collapse|复制|复制代码|已复制|下载|运行|编辑|代码|收起|展开)$/i;
const LANGUAGE = /^[A-Za-z][\w#+.-]{0,24}$/;
/** Elements a code block's frame is made of (a frame never holds paragraphs or lists). */
const FRAME_TAGS = new Set(['div', 'span', 'section', 'figure', 'header']);
const FRAME_TEXT = 40;
/** How many elements a frame is made of at most, around or inside <pre> (AI chat pages use three or four). */
const FRAME_LEVELS = 6;

/**
 * AI chat pages frame each code block with its language and a copy button (ChatGPT puts the
 * frame inside `<pre>`, DeepSeek and Kimi around it). The frame goes; its language label becomes
 * the block's language when the code does not name one.
 */
export function unframeCode(root: P5Parent): void {
  for (const pre of elementsUnder(root).filter((el) => el.tagName === 'pre')) {
    if (!pre.parentNode) continue;
    const labels: string[] = [];
    const code = findUnder(pre, (el) => el.tagName === 'code');
    if (code && code.parentNode !== pre) {
      // Inside <pre>: everything but the code is frame.
      for (const text of textPieces(pre, code)) labels.push(text);
      for (const child of [...pre.childNodes]) remove(child);
      pre.childNodes.push(code);
      code.parentNode = pre;
    }
    let frame: P5Element = pre;
    let levels = 0;
    for (
      let parent: P5Parent | null = frame.parentNode;
      parent && isElement(parent) && FRAME_TAGS.has(parent.tagName);
      parent = parentOf(parent)
    ) {
      // Counted only as far as the limit: the parent of a code block may be the whole page.
      const own = textOf(frame).length;
      const extra = textLengthUpTo(parent, own + FRAME_TEXT) - own;
      const blocks = findUnder(
        parent,
        (el) => el !== frame && !isInside(el, frame) && /^(?:p|h[1-6]|ul|ol|table|pre|blockquote|li)$/.test(el.tagName),
      );
      if (extra > FRAME_TEXT || blocks || ++levels > FRAME_LEVELS) break;
      frame = parent;
    }
    if (frame !== pre) {
      labels.push(...textPieces(frame, pre));
      replace(frame, pre);
    }
    const named = /(?:^|\s)(?:language|lang)-\S+/.test(
      `${attribute(pre, 'class') ?? ''} ${code ? (attribute(code, 'class') ?? '') : ''}`,
    );
    const label = labels.map((text) => text.trim()).find((text) => LANGUAGE.test(text) && !NOT_A_LANGUAGE.test(text));
    if (!named && label)
      setAttribute(pre, 'class', `${attribute(pre, 'class') ?? ''} language-${label.toLowerCase()}`.trim());
  }
}

function isInside(element: P5Element, ancestor: P5Element): boolean {
  for (let node: P5Parent | null = element.parentNode; node; node = parentOf(node)) if (node === ancestor) return true;
  return false;
}

/** The text nodes' values under `root` outside `skip`, one piece per text node. */
function textPieces(root: P5Element, skip: P5Element): string[] {
  const out: string[] = [];
  const stack = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || node === skip) continue;
    if (node.nodeName === '#text' && 'value' in node) {
      if (node.value.trim() !== '') out.push(node.value);
    } else if (isElement(node))
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i] as typeof node);
  }
  return out;
}
