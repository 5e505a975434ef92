/**
 * Raw HTML inside Markdown, read with a real HTML parser (parse5) and mapped onto AST nodes.
 *
 * Markdown splits HTML into fragments: `PM<sub>2.5</sub>` is text `PM`, html `<sub>`, text `2.5`,
 * html `</sub>`. We serialise a run of sibling nodes back into one HTML string (raw HTML as written,
 * text escaped, every other node as a `<wenshu-slot>` placeholder), parse that string once, and walk
 * the result. This is the approach of rehype-raw, and it pairs tags across Markdown nodes.
 */
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';
import type { AlignType, BlockContent, ListItem, PhrasingContent, Table, TableCell, TableRow } from '../ast.js';
import { blocksToPhrasing, mergeTexts, trimPhrasing } from './phrasing.js';
import type { LineIndex } from './positions.js';
import { isSafeUrl } from './urls.js';
import type { Warning } from './warnings.js';

type P5Node = DefaultTreeAdapterMap['childNode'];
type P5Element = DefaultTreeAdapterMap['element'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];

/** One piece of a run of siblings, in source order. */
export type Segment =
  /** Raw HTML exactly as in the source; `offset` is where it starts there. */
  | { kind: 'html'; value: string; offset: number }
  /** Literal text (escaped when serialised). */
  | { kind: 'text'; value: string; offset: number }
  /** A node converted already (emphasis, a paragraph…): kept as it is. */
  | { kind: 'node'; node: PhrasingContent | BlockContent };

export interface HtmlContext {
  lines: LineIndex;
  warn: (warning: Warning) => void;
  /** Nesting depth of the node that holds this run; deeper than `maxDepth` is flattened to text. */
  depth: number;
  maxDepth: number;
}

const SLOT = 'wenshu-slot';

/** Inline elements that wrap phrasing content, and the node each becomes. */
const PHRASING_WRAPPERS = {
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
const DROPPED = new Set([
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
const TRANSPARENT = new Set(['span', 'small']);

/** Block elements we map; anything else that is not phrasing is unwrapped with a warning. */
const BLOCK_ELEMENTS = new Set([
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

interface Serialised {
  html: string;
  /** Start of each segment in `html`, and where it maps in the source (`-1` for nodes). */
  starts: number[];
  sourceOffsets: number[];
  nodes: (PhrasingContent | BlockContent)[];
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function serialise(segments: Segment[]): Serialised {
  const out: Serialised = { html: '', starts: [], sourceOffsets: [], nodes: [] };
  for (const segment of segments) {
    out.starts.push(out.html.length);
    if (segment.kind === 'node') {
      out.sourceOffsets.push(-1);
      // Block slots are marked so that `hasBlockInside` sees them without a lookup.
      const marker = isPhrasing(segment.node) ? '' : ' data-block=""';
      out.html += `<${SLOT} data-i="${out.nodes.length}"${marker}></${SLOT}>`;
      out.nodes.push(segment.node);
    } else {
      out.sourceOffsets.push(segment.offset);
      out.html += segment.kind === 'html' ? segment.value : escapeText(segment.value);
    }
  }
  return out;
}

/** The walker over one parsed run. */
class HtmlReader {
  constructor(
    private readonly serialised: Serialised,
    private readonly ctx: HtmlContext,
  ) {}

  /** Map an offset in the serialised string back to the source (approximately inside escaped text). */
  private sourceOffset(at: number): number | undefined {
    const { starts, sourceOffsets } = this.serialised;
    let index = 0;
    for (let i = 0; i < starts.length; i++) {
      if ((starts[i] ?? 0) <= at) index = i;
      else break;
    }
    const base = sourceOffsets[index];
    if (base === undefined || base < 0) return undefined;
    return base + (at - (starts[index] ?? 0));
  }

  private position(node: P5Node) {
    const location = node.sourceCodeLocation;
    if (!location) return undefined;
    const start = this.sourceOffset(location.startOffset);
    const end = this.sourceOffset(location.endOffset);
    if (start === undefined) return undefined;
    return this.ctx.lines.position(start, Math.max(start, end ?? start));
  }

  private warn(code: Warning['code'], message: string, node: P5Node) {
    const position = this.position(node);
    this.ctx.warn(position ? { code, message, position } : { code, message });
  }

  private slot(element: P5Element): PhrasingContent | BlockContent | undefined {
    const index = Number(attribute(element, 'data-i'));
    return this.serialised.nodes[index];
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Phrasing                                                                                  */
  /* ---------------------------------------------------------------------------------------- */

  phrasing(nodes: P5Node[], depth: number): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    for (const node of nodes) out.push(...this.phrasingNode(node, depth));
    return mergeTexts(out);
  }

  private phrasingNode(node: P5Node, depth: number): PhrasingContent[] {
    if (node.nodeName === '#text' && 'value' in node) {
      const position = this.position(node);
      return [position ? { type: 'text', value: node.value, position } : { type: 'text', value: node.value }];
    }
    if (node.nodeName === '#comment') {
      this.warn('html-comment', 'HTML comment dropped', node);
      return [];
    }
    if (!('tagName' in node)) return [];
    const element = node;
    const tag = element.tagName;
    if (depth > this.ctx.maxDepth) {
      this.warn('too-deep', `HTML nested deeper than ${this.ctx.maxDepth} levels flattened to text`, node);
      return [{ type: 'text', value: textContent(element) }];
    }
    if (tag === SLOT) {
      const slotted = this.slot(element);
      if (!slotted) return [];
      return isPhrasing(slotted) ? [slotted] : blocksToPhrasing([slotted]);
    }
    const position = this.position(element);
    const at = position ? { position } : {};
    const children = () => this.phrasing(childrenOf(element), depth + 1);
    if (tag in PHRASING_WRAPPERS) {
      const type = PHRASING_WRAPPERS[tag as keyof typeof PHRASING_WRAPPERS];
      return [{ type, children: children(), ...at }];
    }
    switch (tag) {
      case 'br':
        return [{ type: 'break', ...at }];
      case 'code':
        return [{ type: 'inlineCode', value: textContent(element), ...at }];
      case 'a': {
        const href = attribute(element, 'href');
        if (href === undefined) return children();
        if (!isSafeUrl(href, 'link')) {
          this.warn('unsafe-url', `link to an unsafe URL dropped: ${href.slice(0, 60)}`, element);
          return children();
        }
        return [{ type: 'link', url: href, title: attribute(element, 'title') ?? null, children: children(), ...at }];
      }
      case 'img': {
        const src = attribute(element, 'src') ?? '';
        if (!isSafeUrl(src, 'image')) {
          this.warn('unsafe-url', `image with an unsafe URL dropped: ${src.slice(0, 60)}`, element);
          return [];
        }
        return [
          {
            type: 'image',
            url: src,
            title: attribute(element, 'title') ?? null,
            alt: attribute(element, 'alt') ?? '',
            ...at,
          },
        ];
      }
    }
    if (DROPPED.has(tag)) {
      this.warn('html-dropped', `<${tag}> dropped with its content`, element);
      return [];
    }
    if (TRANSPARENT.has(tag)) return children();
    if (BLOCK_ELEMENTS.has(tag)) {
      // A block inside running text (`foo <div>bar</div>`): keep its text in the line.
      return blocksToPhrasing(this.blocks([element], depth));
    }
    this.warn('html-unknown', `unsupported HTML element <${tag}> removed, its text kept`, element);
    return children();
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Blocks                                                                                    */
  /* ---------------------------------------------------------------------------------------- */

  blocks(nodes: P5Node[], depth: number): BlockContent[] {
    const out: BlockContent[] = [];
    let run: P5Node[] = [];
    const flush = () => {
      const children = trimPhrasing(this.phrasing(run, depth + 1));
      run = [];
      if (children.length > 0) out.push({ type: 'paragraph', children });
    };
    for (const node of nodes) {
      const block = this.blockNode(node, depth);
      if (block === 'inline') {
        run.push(node);
      } else {
        flush();
        out.push(...block);
      }
    }
    flush();
    return out;
  }

  /** The blocks a node makes, or `'inline'` when it is phrasing that belongs to a paragraph. */
  private blockNode(node: P5Node, depth: number): BlockContent[] | 'inline' {
    if (!('tagName' in node)) {
      if (node.nodeName === '#comment') {
        this.warn('html-comment', 'HTML comment dropped', node);
        return [];
      }
      return 'inline';
    }
    const element = node;
    const tag = element.tagName;
    if (tag === SLOT) {
      const slotted = this.slot(element);
      if (!slotted) return [];
      return isPhrasing(slotted) ? 'inline' : [slotted];
    }
    if (!BLOCK_ELEMENTS.has(tag)) {
      if (DROPPED.has(tag)) {
        this.warn('html-dropped', `<${tag}> dropped with its content`, element);
        return [];
      }
      if (
        tag in PHRASING_WRAPPERS ||
        TRANSPARENT.has(tag) ||
        tag === 'a' ||
        tag === 'img' ||
        tag === 'br' ||
        tag === 'code'
      ) {
        // Inline HTML that wraps blocks (`<em>` around a Markdown paragraph) cannot stay inline.
        return hasBlockInside(element) ? this.blocks(childrenOf(element), depth + 1) : 'inline';
      }
      this.warn('html-unknown', `unsupported HTML element <${tag}> removed, its content kept`, element);
      return this.blocks(childrenOf(element), depth + 1);
    }
    if (depth > this.ctx.maxDepth) {
      this.warn('too-deep', `HTML nested deeper than ${this.ctx.maxDepth} levels flattened to text`, node);
      return [{ type: 'paragraph', children: [{ type: 'text', value: textContent(element) }] }];
    }
    const position = this.position(element);
    const at = position ? { position } : {};
    switch (tag) {
      case 'p':
        if (hasBlockInside(element)) return this.blocks(childrenOf(element), depth + 1);
        {
          const children = trimPhrasing(this.phrasing(childrenOf(element), depth + 1));
          return children.length > 0 ? [{ type: 'paragraph', children, ...at }] : [];
        }
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return [
          {
            type: 'heading',
            depth: Number(tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6,
            children: trimPhrasing(this.phrasing(childrenOf(element), depth + 1)),
            ...at,
          },
        ];
      case 'hr':
        return [{ type: 'thematicBreak', ...at }];
      case 'blockquote':
        return [{ type: 'blockquote', children: this.blocks(childrenOf(element), depth + 1), ...at }];
      case 'pre': {
        const code = childrenOf(element).find(
          (child): child is P5Element => 'tagName' in child && child.tagName === 'code',
        );
        const lang = code
          ? (/(?:^|\s)(?:language|lang)-(\S+)/.exec(attribute(code, 'class') ?? '')?.[1] ?? null)
          : null;
        return [{ type: 'code', lang, meta: null, value: textContent(element).replace(/\n$/, ''), ...at }];
      }
      case 'ul':
      case 'ol':
        return [this.list(element, depth)];
      case 'table':
        return [this.table(element, depth)];
      case 'li':
        // A stray <li> outside a list: its content, as blocks.
        return this.blocks(childrenOf(element), depth + 1);
      default:
        // div, and table parts met outside a table: their content.
        return this.blocks(childrenOf(element), depth + 1);
    }
  }

  private list(element: P5Element, depth: number): BlockContent {
    const ordered = element.tagName === 'ol';
    const startAttribute = attribute(element, 'start');
    const start = ordered
      ? startAttribute !== undefined && /^-?\d+$/.test(startAttribute.trim())
        ? Number(startAttribute)
        : 1
      : null;
    const children: ListItem[] = [];
    let stray: P5Node[] = [];
    const flushStray = () => {
      const blocks = this.blocks(stray, depth + 1);
      stray = [];
      if (blocks.length > 0) children.push({ type: 'listItem', checked: null, spread: false, children: blocks });
    };
    for (const child of childrenOf(element)) {
      if ('tagName' in child && child.tagName === 'li') {
        flushStray();
        const position = this.position(child);
        children.push({
          type: 'listItem',
          checked: null,
          spread: false,
          children: this.blocks(childrenOf(child), depth + 2),
          ...(position ? { position } : {}),
        });
      } else if (!(child.nodeName === '#text' && 'value' in child && child.value.trim() === '')) {
        stray.push(child);
      }
    }
    flushStray();
    const position = this.position(element);
    return { type: 'list', ordered, start, spread: false, children, ...(position ? { position } : {}) };
  }

  private table(element: P5Element, depth: number): Table {
    const rows: { element: P5Element; inHead: boolean }[] = [];
    let caption: PhrasingContent[] | undefined;
    const collectRows = (parent: P5Element, inHead: boolean) => {
      for (const child of childrenOf(parent)) {
        if ('tagName' in child && child.tagName === 'tr') rows.push({ element: child, inHead });
      }
    };
    for (const child of childrenOf(element)) {
      if (!('tagName' in child)) continue;
      if (child.tagName === 'thead') collectRows(child, true);
      else if (child.tagName === 'tbody' || child.tagName === 'tfoot') collectRows(child, false);
      else if (child.tagName === 'tr') rows.push({ element: child, inHead: false });
      else if (child.tagName === 'caption') caption = trimPhrasing(this.phrasing(childrenOf(child), depth + 1));
    }
    // Header rows first, as HTML renders them even when <thead> comes late.
    rows.sort((a, b) => Number(b.inHead) - Number(a.inHead));
    const cellsOf = (row: P5Element) =>
      childrenOf(row).filter((c): c is P5Element => 'tagName' in c && (c.tagName === 'td' || c.tagName === 'th'));
    let headerRows = rows.filter((row) => row.inHead).length;
    if (headerRows === 0) {
      // Without <thead>, leading rows made only of <th> are the header.
      while (headerRows < rows.length) {
        const cells = cellsOf(rows[headerRows]?.element as P5Element);
        if (cells.length === 0 || cells.some((cell) => cell.tagName !== 'th')) break;
        headerRows++;
      }
    }
    const children: TableRow[] = rows.map((row, rowIndex) => {
      const cells: TableCell[] = cellsOf(row.element).map((cell) => {
        const position = this.position(cell);
        const align = cellAlign(cell);
        const blocks = this.blocks(childrenOf(cell), depth + 2);
        return {
          type: 'tableCell',
          header: cell.tagName === 'th' || rowIndex < headerRows,
          rowSpan: spanAttribute(cell, 'rowspan', 65534),
          colSpan: spanAttribute(cell, 'colspan', 1000),
          ...(align ? { align } : {}),
          children: blocksToPhrasing(blocks),
          ...(position ? { position } : {}),
        };
      });
      const position = this.position(row.element);
      return { type: 'tableRow', children: cells, ...(position ? { position } : {}) };
    });
    const position = this.position(element);
    return {
      type: 'table',
      align: [],
      headerRows,
      ...(caption && caption.length > 0 ? { caption } : {}),
      children,
      ...(position ? { position } : {}),
    };
  }
}

/* ------------------------------------------------------------------------------------------------
 * parse5 helpers
 * --------------------------------------------------------------------------------------------- */

function childrenOf(node: P5Parent): P5Node[] {
  if (node.nodeName === 'template' && 'content' in node) return node.content.childNodes;
  return node.childNodes;
}

function attribute(element: P5Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function spanAttribute(element: P5Element, name: string, max: number): number {
  const raw = attribute(element, name);
  const value = raw === undefined ? 1 : Number.parseInt(raw, 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
}

function cellAlign(cell: P5Element): AlignType | undefined {
  const value = (
    attribute(cell, 'align') ??
    /text-align\s*:\s*(\w+)/i.exec(attribute(cell, 'style') ?? '')?.[1] ??
    ''
  ).toLowerCase();
  return value === 'left' || value === 'right' || value === 'center' ? value : undefined;
}

/** The text of an element, iteratively (nesting can be arbitrarily deep). */
function textContent(root: P5Node): string {
  let text = '';
  const stack: P5Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as P5Node;
    if (node.nodeName === '#text' && 'value' in node) text += node.value;
    else if ('childNodes' in node && !('tagName' in node && DROPPED.has(node.tagName))) {
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as P5Node);
    }
  }
  return text;
}

function hasBlockInside(element: P5Element): boolean {
  const stack: P5Node[] = [...childrenOf(element)];
  while (stack.length > 0) {
    const node = stack.pop() as P5Node;
    if (!('tagName' in node)) continue;
    if (node.tagName === SLOT) {
      if (node.attrs.some((a) => a.name === 'data-block')) return true;
      continue;
    }
    if (BLOCK_ELEMENTS.has(node.tagName)) return true;
    stack.push(...childrenOf(node));
  }
  return false;
}

function isPhrasing(node: PhrasingContent | BlockContent): node is PhrasingContent {
  return PHRASING_TYPES.has(node.type);
}

const PHRASING_TYPES = new Set<string>([
  'text',
  'emphasis',
  'strong',
  'delete',
  'underline',
  'mark',
  'subscript',
  'superscript',
  'inlineCode',
  'inlineMath',
  'link',
  'image',
  'break',
  'footnoteReference',
]);

/* ------------------------------------------------------------------------------------------------
 * Entry points
 * --------------------------------------------------------------------------------------------- */

function parseRun(segments: Segment[]) {
  const serialised = serialise(segments);
  const fragment = parseFragment(serialised.html, { sourceCodeLocationInfo: true });
  return { serialised, fragment };
}

/** Phrasing content from a run of inline siblings that includes raw HTML. */
export function phrasingFromHtml(segments: Segment[], ctx: HtmlContext): PhrasingContent[] {
  const { serialised, fragment } = parseRun(segments);
  return new HtmlReader(serialised, ctx).phrasing(fragment.childNodes, ctx.depth);
}

/** Blocks from a run of block siblings that includes raw HTML blocks. */
export function blocksFromHtml(segments: Segment[], ctx: HtmlContext): BlockContent[] {
  const { serialised, fragment } = parseRun(segments);
  return new HtmlReader(serialised, ctx).blocks(fragment.childNodes, ctx.depth);
}
