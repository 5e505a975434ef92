/**
 * A whole HTML input → `Document`: a saved page (`.html`, `.htm`) or rich text from the clipboard
 * (AI chat pages, Word, WPS, Google Docs, web pages). parse5 reads it as a browser would; the
 * tree is then tidied in steps, each in its own file, and read by the same element reader that
 * reads raw HTML inside Markdown (`html.ts`), so a table or a list comes out alike from both:
 * 1. formulas back to TeX (`html-math.ts`), before anything hidden goes, as KaTeX hides its MathML;
 * 2. machinery, hidden elements and page chrome dropped, the main content chosen (`html-page.ts`);
 * 3. code blocks out of their frames (`html-page.ts`), office clipboard quirks (`html-office.ts`);
 * 4. whitespace collapsed as a browser shows it (`html-space.ts`).
 * Positions are those of the source text, as for Markdown.
 */
import { parse as parseHtml5 } from 'parse5';
import { AST_VERSION, type Document, type Meta } from '../ast.js';
import { blocksFromDocument } from './html.js';
import type { P5Element, P5Node } from './html-elements.js';
import { readFormulas } from './html-math.js';
import { readStyles, readWordLists } from './html-office.js';
import { dropChrome, mainContent, unframeCode } from './html-page.js';
import { collapseWhitespace } from './html-space.js';
import { isElement, textOf } from './html-tree.js';
import { LineIndex } from './positions.js';
import type { Warning } from './warnings.js';

export interface HtmlReadOptions {
  warn: (warning: Warning) => void;
  maxDepth: number;
}

/**
 * Elements a page uses for layout or meaning wenshu has no node for: their content is read
 * without a warning (in Markdown, where HTML is the author's exception, each is named).
 */
const QUIET = new Set([
  'section',
  'article',
  'main',
  'header',
  'footer',
  'hgroup',
  'address',
  'center',
  'figure',
  'figcaption',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'font',
  'label',
  'abbr',
  'acronym',
  'cite',
  'q',
  'time',
  'dfn',
  'var',
  'kbd',
  'samp',
  'tt',
  'big',
  'bdi',
  'bdo',
  'wbr',
  'nobr',
  'data',
  'output',
  'picture',
  'source',
]);

/** Whether an element is unwrapped without a warning: the list above, and office programs' own tags (`o:p`, `w:sdt`, `st1:chsdate`). */
const quiet = (tagName: string) => QUIET.has(tagName) || /^[a-z][a-z0-9]*:/.test(tagName);

/**
 * Windows puts a header before the HTML it copies (`Version:0.9`, `StartHTML:…`). It is blanked,
 * not cut, so that every line and column stays where it is in the input.
 */
function blankClipboardHeader(source: string): string {
  if (!/^Version:\d/.test(source)) return source;
  const start = source.search(/<(?:!|html|body|[a-z])/i);
  if (start <= 0) return source;
  return source.slice(0, start).replace(/[^\n\r]/g, ' ') + source.slice(start);
}

function childElement(parent: { childNodes: P5Node[] }, tagName: string): P5Element | undefined {
  return parent.childNodes.find((node): node is P5Element => isElement(node) && node.tagName === tagName);
}

/** Reads a whole HTML document or fragment into a `Document`. */
export function documentFromHtml(input: string, options: HtmlReadOptions): Document {
  const source = blankClipboardHeader(input);
  const tree = parseHtml5(source, { sourceCodeLocationInfo: true });
  const lines = new LineIndex(source);
  const warn = dedupedWarn(options.warn);
  const warnAt = (code: Warning['code']) => (message: string, element?: P5Element) => {
    const location = element?.sourceCodeLocation;
    warn({
      code,
      message,
      ...(location ? { position: lines.position(location.startOffset, location.endOffset) } : {}),
    });
  };
  const htmlElement = childElement(tree, 'html');
  const body = htmlElement ? childElement(htmlElement, 'body') : undefined;
  const meta: Meta = {};
  if (!htmlElement || !body) {
    return { type: 'document', version: AST_VERSION, meta, children: [], footnotes: [] };
  }
  const lang = htmlElement.attrs.find((attr) => attr.name === 'lang')?.value.trim();
  // A page's language is kept when it says which Chinese it is; `en` on a Chinese page is a template's default.
  if (lang && /^zh(?:-[A-Za-z0-9]+)*$/i.test(lang)) meta.lang = lang;

  // A clipboard fragment is what the user chose; a page written whole is searched for its content,
  // unless an office program wrote it (a document saved as a web page is all content).
  const clipboard = /<!--\s*StartFragment\s*-->/i.test(source);
  const office =
    /<meta\b[^>]*\b(?:ProgId|Generator)\b[^>]*(?:Word|Excel|WPS|Kingsoft|LibreOffice|OpenOffice)/i.test(source) ||
    /xmlns:w=["']urn:schemas-microsoft-com:office:word/i.test(source);
  const page = !clipboard && !office && /<(?:html|body)[\s>]/i.test(source);

  const formulas = readFormulas(body);
  if (formulas.textOnly > 0) {
    warnAt('html-unknown')(
      `${formulas.textOnly} formula${formulas.textOnly === 1 ? '' : 's'} without TeX source kept as text`,
    );
  }
  dropChrome(body, page, warnAt('html-dropped'));
  const main = page ? mainContent(body, pageTitle(htmlElement), warnAt('html-dropped')) : { root: body };
  const root = main.root;
  unframeCode(root);
  readWordLists(root);
  readStyles(root);
  collapseWhitespace(root);

  const children = blocksFromDocument(main.title ? [main.title, ...root.childNodes] : root.childNodes, source, {
    lines,
    warn,
    depth: 0,
    maxDepth: options.maxDepth,
    document: { quiet },
  });
  const document: Document = { type: 'document', version: AST_VERSION, meta, children, footnotes: [] };
  if (textOf(body).trim() !== '' && children.length === 0) {
    warn({ code: 'html-dropped', message: 'the page has text, but none of it is content wenshu reads' });
  }
  return document;
}

/**
 * The page's `<title>` without the site's name after it (`标题_频道_网站`, `标题 | 网站`): how the
 * main content's title is recognised when the page sets it in a `<div>`.
 */
function pageTitle(htmlElement: P5Element): string | undefined {
  const head = childElement(htmlElement, 'head');
  const title = head ? childElement(head, 'title') : undefined;
  const text = title ? textOf(title).trim() : '';
  const first = text.split(/\s*(?:_|\||｜| - | — |–)\s*/)[0]?.trim();
  return first ? first : undefined;
}

/**
 * One warning per distinct message about an unknown element: a page may hold a thousand `<font>`s,
 * and the first says all there is to say.
 */
function dedupedWarn(warn: (warning: Warning) => void): (warning: Warning) => void {
  const seen = new Set<string>();
  return (warning) => {
    if (warning.code === 'html-unknown') {
      if (seen.has(warning.message)) return;
      seen.add(warning.message);
    }
    warn(warning);
  };
}
