/**
 * Raw HTML inside Markdown, read with a real HTML parser (parse5) and mapped onto AST nodes.
 * `html-segments.ts` writes a run of Markdown siblings out as one HTML string; this file walks what
 * parse5 made of it. Supported elements become nodes, `<script>`, `<style>` and friends vanish
 * with their content, anything else is unwrapped (its text kept) with a warning.
 */
import { parseFragment } from 'parse5';
import type { BlockContent, ListItem, PhrasingContent, Position, Table, TableCell, TableRow } from '../ast.js';
import {
  attribute,
  BLOCK_ELEMENTS,
  cellAlign,
  childrenOf,
  DROPPED,
  hasBlockInside,
  INLINE_OTHERS,
  MATH,
  type P5Element,
  type P5Node,
  PHRASING_WRAPPERS,
  spanOf,
  TRANSPARENT,
  UNMAPPED_BLOCKS,
} from './html-elements.js';
import { OffsetMap, PHRASING_TYPES, type Segment, type Serialised, SLOT, serialise } from './html-segments.js';
import { blocksToPhrasing, mergeTexts, trimPhrasing } from './phrasing.js';
import type { LineIndex } from './positions.js';
import { toText } from './to-text.js';
import { isSafeUrl, linkRefusal, linkRefusalMessage } from './urls.js';
import type { Warning } from './warnings.js';

export interface HtmlContext {
  lines: LineIndex;
  warn: (warning: Warning) => void;
  /** Nesting depth of the node that holds this run; deeper than `maxDepth` is flattened to text. */
  depth: number;
  maxDepth: number;
  /**
   * Reading a whole HTML document (`parseHtml`): `wenshu-math` elements are formulas, comments
   * vanish silently (Word's conditional comments, the clipboard's `StartFragment`), and the
   * elements in `quiet` are unwrapped without a warning (a page's `<section>`, Word's `<o:p>`).
   */
  document?: { quiet: (tagName: string) => boolean };
}

/** The walker over one parsed run. */
class HtmlReader {
  private readonly offsets: OffsetMap;
  /** Slots met so far: a slot parse5 threw away (inside `<select>`…) is put back at the end. */
  readonly used = new Set<number>();

  constructor(
    private readonly serialised: Serialised,
    private readonly ctx: HtmlContext,
  ) {
    this.offsets = new OffsetMap(serialised.spans, ctx.lines);
  }

  private position(node: P5Node) {
    const location = node.sourceCodeLocation;
    if (!location) return undefined;
    const start = this.offsets.toParsed(location.startOffset, 'start');
    if (start === undefined) return undefined;
    const end = this.offsets.toParsed(location.endOffset, 'end');
    return this.ctx.lines.position(start, Math.max(start, end ?? start));
  }

  private at(node: P5Node) {
    const position = this.position(node);
    return position ? { position } : {};
  }

  warn(code: Warning['code'], message: string, node?: P5Node) {
    this.ctx.warn({ code, message, ...(node ? this.at(node) : {}) });
  }

  private slot(element: P5Element): PhrasingContent | BlockContent | undefined {
    const index = Number(attribute(element, 'data-i'));
    this.used.add(index);
    return this.serialised.nodes[index];
  }

  /** The slotted Markdown inside an element that is dropped: it is the author's text, not the element's. */
  private slotsInside(element: P5Element): (PhrasingContent | BlockContent)[] {
    const out: (PhrasingContent | BlockContent)[] = [];
    const stack: P5Node[] = [...childrenOf(element)].reverse();
    while (stack.length > 0) {
      const node = stack.pop() as P5Node;
      if (!('tagName' in node)) continue;
      if (node.tagName === SLOT) {
        const slotted = this.slot(node);
        if (slotted) out.push(slotted);
        continue;
      }
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as P5Node);
    }
    return out;
  }

  /** The text of an element, slotted Markdown included, without recursion (nesting can be deep). */
  private textContent(root: P5Node): string {
    let text = '';
    const stack: P5Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop() as P5Node;
      if (node.nodeName === '#text' && 'value' in node) text += node.value;
      else if ('tagName' in node && node.tagName === SLOT) {
        const slotted = this.slot(node);
        if (slotted) text += toText(slotted);
      } else if ('childNodes' in node && !('tagName' in node && DROPPED.has(node.tagName))) {
        const children = childrenOf(node);
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as P5Node);
      }
    }
    return text;
  }

  /** Comments vanish. One never closed hides everything after it, which the warning says. */
  private comment(node: P5Node): void {
    const location = node.sourceCodeLocation;
    const raw = location ? this.serialised.html.slice(location.startOffset, location.endOffset) : '';
    const closed = /--!?>$/.test(raw) || /^<!-?-?>$/.test(raw) || !raw.startsWith('<!--');
    // A page's comments (Word's conditional comments, the clipboard's markers) are no news; one
    // never closed hides the rest of the page, which is.
    if (this.ctx.document && closed) return;
    this.warn(
      'html-comment',
      closed ? 'HTML comment dropped' : 'HTML comment never closed: it and everything after it dropped',
      node,
    );
  }

  /** An element dropped with its content; Markdown inside it survives. */
  private dropped(element: P5Element): (PhrasingContent | BlockContent)[] {
    this.warn('html-dropped', `<${element.tagName}> dropped with its content`, element);
    return this.slotsInside(element);
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
      return [{ type: 'text', value: node.value, ...this.at(node) }];
    }
    if (node.nodeName === '#comment') {
      this.comment(node);
      return [];
    }
    if (!('tagName' in node)) return [];
    const element = node;
    const tag = element.tagName;
    if (tag === SLOT) {
      const slotted = this.slot(element);
      if (!slotted) return [];
      return isPhrasing(slotted) ? [slotted] : blocksToPhrasing([slotted]);
    }
    if (depth > this.ctx.maxDepth) {
      this.warn('too-deep', `HTML nested deeper than ${this.ctx.maxDepth} levels flattened to text`, node);
      return [{ type: 'text', value: this.textContent(element) }];
    }
    const at = this.at(element);
    const children = () => this.phrasing(childrenOf(element), depth + 1);
    if (tag in PHRASING_WRAPPERS) {
      const type = PHRASING_WRAPPERS[tag as keyof typeof PHRASING_WRAPPERS];
      return [{ type, children: children(), ...at }];
    }
    switch (tag) {
      case 'br':
        return [{ type: 'break', ...at }];
      case 'code':
        return [{ type: 'inlineCode', value: this.textContent(element), ...at }];
      case 'a': {
        const href = attribute(element, 'href');
        if (href === undefined) return children();
        const refusal = linkRefusal(href);
        if (refusal !== undefined) {
          this.warn('unsafe-url', linkRefusalMessage(href, refusal), element);
          return children();
        }
        return [{ type: 'link', url: href, title: attribute(element, 'title') ?? null, children: children(), ...at }];
      }
      case 'img': {
        const src = attribute(element, 'src') ?? '';
        const alt = attribute(element, 'alt') ?? '';
        if (!isSafeUrl(src, 'image')) {
          // As for Markdown images: the picture goes, its text equivalent stays.
          this.warn('unsafe-url', `image with an unsafe URL dropped: ${src.slice(0, 60)}`, element);
          return alt ? [{ type: 'text', value: alt, ...at }] : [];
        }
        return [{ type: 'image', url: src, title: attribute(element, 'title') ?? null, alt, ...at }];
      }
    }
    if (tag === MATH && this.ctx.document) {
      return [{ type: 'inlineMath', value: attribute(element, 'data-tex') ?? '', ...at }];
    }
    if (DROPPED.has(tag)) return blocksToPhrasing(this.dropped(element).map(asBlock));
    if (TRANSPARENT.has(tag) || this.ctx.document?.quiet(tag)) return children();
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
      if (children.length > 0) out.push({ type: 'paragraph', children, ...spanOfChildren(children) });
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
        this.comment(node);
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
    if (tag === MATH && this.ctx.document) {
      if (attribute(element, 'data-display') === undefined) return 'inline';
      return [{ type: 'math', value: attribute(element, 'data-tex') ?? '', ...this.at(element) }];
    }
    if (!BLOCK_ELEMENTS.has(tag)) {
      if (DROPPED.has(tag)) return this.dropped(element).map(asBlock);
      const known =
        tag in PHRASING_WRAPPERS ||
        TRANSPARENT.has(tag) ||
        INLINE_OTHERS.has(tag) ||
        this.ctx.document?.quiet(tag) === true;
      // Inline HTML, known or not, belongs to the paragraph around it (`正文<font>红字</font>` is one
      // line); only when it wraps blocks (`<em>` around a Markdown paragraph) can it not stay inline.
      if (!UNMAPPED_BLOCKS.has(tag) && !hasBlockInside(element)) return 'inline';
      if (!known) this.warn('html-unknown', `unsupported HTML element <${tag}> removed, its content kept`, element);
      return this.blocks(childrenOf(element), depth + 1);
    }
    if (depth > this.ctx.maxDepth) {
      this.warn('too-deep', `HTML nested deeper than ${this.ctx.maxDepth} levels flattened to text`, node);
      return [{ type: 'paragraph', children: [{ type: 'text', value: this.textContent(element) }] }];
    }
    const at = this.at(element);
    switch (tag) {
      case 'p': {
        if (hasBlockInside(element)) return this.blocks(childrenOf(element), depth + 1);
        const children = trimPhrasing(this.phrasing(childrenOf(element), depth + 1));
        return children.length > 0 ? [{ type: 'paragraph', children, ...at }] : [];
      }
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const children = trimPhrasing(this.phrasing(childrenOf(element), depth + 1));
        // A page's empty heading (a template's `<h3>` for a missing subtitle) is not a section.
        if (children.length === 0 && this.ctx.document) return [];
        return [{ type: 'heading', depth: Number(tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6, children, ...at }];
      }
      case 'hr':
        return [{ type: 'thematicBreak', ...at }];
      case 'blockquote':
        return [{ type: 'blockquote', children: this.blocks(childrenOf(element), depth + 1), ...at }];
      case 'pre': {
        const code = childrenOf(element).find(
          (child): child is P5Element => 'tagName' in child && child.tagName === 'code',
        );
        // Prism and the reader of documents put the language on the <pre> itself.
        const languageOf = (of: P5Element | undefined) =>
          of ? /(?:^|\s)(?:language|lang)-(\S+)/.exec(attribute(of, 'class') ?? '')?.[1] : undefined;
        const lang = languageOf(code) ?? languageOf(element) ?? null;
        return [{ type: 'code', lang, meta: null, value: this.textContent(element).replace(/\n$/, ''), ...at }];
      }
      case 'ul':
      case 'ol':
        return [this.list(element, depth)];
      case 'table':
        return [this.table(element, depth)];
      default:
        // div, a stray <li>, and table parts met outside a table: their content.
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
        children.push({
          type: 'listItem',
          checked: null,
          spread: false,
          children: this.blocks(childrenOf(child), depth + 2),
          ...this.at(child),
        });
      } else if (
        'tagName' in child &&
        (child.tagName === 'ul' || child.tagName === 'ol') &&
        stray.length === 0 &&
        children.length > 0
      ) {
        // `<ul><li>a</li><ul><li>b</li></ul></ul>` (Google Docs, old editors): browsers show the
        // inner list under the item before it, so that is where it goes.
        (children[children.length - 1] as ListItem).children.push(this.list(child, depth + 2));
      } else if (!(child.nodeName === '#text' && 'value' in child && child.value.trim() === '')) {
        stray.push(child);
      }
    }
    flushStray();
    return { type: 'list', ordered, start, spread: false, children, ...this.at(element) };
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
        const align = cellAlign(cell);
        const blocks = this.blocks(childrenOf(cell), depth + 2);
        // `rowspan="0"` spans to the end of the table (HTML 4.8.10.14).
        const rowSpan = attribute(cell, 'rowspan')?.trim() === '0' ? rows.length - rowIndex : spanOf(cell, 'rowspan');
        return {
          type: 'tableCell',
          header: cell.tagName === 'th' || rowIndex < headerRows,
          rowSpan: Math.max(1, Math.min(rowSpan, 65534)),
          colSpan: Math.min(spanOf(cell, 'colspan'), 1000),
          ...(align ? { align } : {}),
          children: blocksToPhrasing(blocks),
          ...this.at(cell),
        };
      });
      return { type: 'tableRow', children: cells, ...this.at(row.element) };
    });
    return {
      type: 'table',
      align: [],
      headerRows,
      ...(caption && caption.length > 0 ? { caption } : {}),
      children,
      ...this.at(element),
    };
  }

  /** Slotted nodes parse5 did not place in the tree (it drops unknown elements inside `<select>`). */
  lost(): (PhrasingContent | BlockContent)[] {
    return this.serialised.nodes.filter((_, index) => !this.used.has(index));
  }
}

function isPhrasing(node: PhrasingContent | BlockContent): node is PhrasingContent {
  return PHRASING_TYPES.has(node.type);
}

/** The position from the first child's start to the last child's end, when both have one. */
function spanOfChildren(children: PhrasingContent[]): { position?: Position } {
  const start = children[0]?.position?.start;
  const end = children[children.length - 1]?.position?.end;
  return start && end ? { position: { start, end } } : {};
}

/** A slotted node where a block is needed: phrasing goes in a paragraph. */
function asBlock(node: PhrasingContent | BlockContent): BlockContent {
  return isPhrasing(node) ? { type: 'paragraph', children: [node] } : node;
}

/* ------------------------------------------------------------------------------------------------
 * Entry points
 * --------------------------------------------------------------------------------------------- */

function read(segments: Segment[], ctx: HtmlContext, separator: string) {
  const serialised = serialise(segments, separator);
  const fragment = parseFragment(serialised.html, { sourceCodeLocationInfo: true });
  return { reader: new HtmlReader(serialised, ctx), fragment };
}

function warnLost(ctx: HtmlContext, lost: (PhrasingContent | BlockContent)[]): void {
  for (const node of lost) {
    ctx.warn({
      code: 'html-unknown',
      message: 'Markdown inside an HTML element that cannot hold it (such as <select>) moved after the element',
      ...(node.position ? { position: node.position } : {}),
    });
  }
}

/** Phrasing content from a run of inline siblings that includes raw HTML. */
export function phrasingFromHtml(segments: Segment[], ctx: HtmlContext): PhrasingContent[] {
  const { reader, fragment } = read(segments, ctx, '');
  const out = reader.phrasing(fragment.childNodes, ctx.depth);
  const lost = reader.lost();
  warnLost(ctx, lost);
  return lost.length > 0 ? mergeTexts([...out, ...blocksToPhrasing(lost.map(asBlock))]) : out;
}

/** Blocks from a run of block siblings that includes raw HTML blocks. */
export function blocksFromHtml(segments: Segment[], ctx: HtmlContext): BlockContent[] {
  const { reader, fragment } = read(segments, ctx, '\n');
  const out = reader.blocks(fragment.childNodes, ctx.depth);
  const lost = reader.lost();
  warnLost(ctx, lost);
  return lost.length > 0 ? [...out, ...lost.map(asBlock)] : out;
}

/**
 * Blocks from nodes of a whole HTML document that parse5 read from `source` itself (`parseHtml`):
 * every offset is the source's, so one span maps them all.
 */
export function blocksFromDocument(nodes: P5Node[], source: string, ctx: HtmlContext): BlockContent[] {
  const serialised: Serialised = {
    html: source,
    nodes: [],
    spans: [{ htmlStart: 0, htmlEnd: source.length, start: 0, end: source.length, approximate: false }],
  };
  return new HtmlReader(serialised, ctx).blocks(nodes, ctx.depth);
}
