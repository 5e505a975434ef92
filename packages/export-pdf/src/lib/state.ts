/**
 * What the handlers share while a document is rendered: the theme and page, the faces, the
 * pictures read beforehand, the headings met so far (for bookmarks and the table of contents),
 * warnings; and `one`/`blocks`/`phrasing`/`text` to render children through the handler table.
 */
import {
  type BlockContent,
  type FootnoteDefinition,
  type Heading,
  type Nodes,
  type PhrasingContent,
  type Position,
  toText,
} from '@wenshu/parser';
import { pictureName, picturePlaceholder } from '@wenshu/picture';
import { addClosingLayout, type ClosingLayout, emptyClosingLayout, type Theme } from '@wenshu/theme';
import { describeCodePoint } from './fonts/coverage.js';
import type { FontRegistry } from './fonts/registry.js';
import type { ImageResult } from './images.js';
import type { PdfWarningCode } from './options.js';
import type { BlockStyle, Geometry } from './page.js';
import type { Content, ImageNode, TextNode } from './pdf/definition.js';
import type { Styles } from './styles.js';
import { CHUNK_LINES, chunkRanges } from './text/chunks.js';
import type { Run, RunStyle } from './text/runs.js';
import { type SetText, setText } from './text/set.js';
import type { Shaper } from './text/shape.js';

/** Where a node is rendered. */
export interface Context {
  /** The width blocks are set to here. */
  width: number;
  /** How paragraphs look here: body, quote, list, table cell, note. */
  block: BlockStyle;
  /** Inline formatting inherited from the wrappers around a run. */
  run: RunStyle;
  /** How many lists enclose this block. */
  listDepth: number;
}

/** What a handler gives: runs for inline nodes, content for the others. */
export type Output<N extends Nodes> = N extends PhrasingContent ? Run[] : Content[];

export type Handler<N extends Nodes> = (state: State, node: N, context: Context) => Output<N>;

/** One handler per node type: a missing one is a compile error. */
export type Handlers = { [K in Nodes['type']]: Handler<Extract<Nodes, { type: K }>> };

/** A heading as the outline and the table of contents need it. */
export interface HeadingEntry {
  id: string;
  level: number;
  text: string;
}

export interface StateInit {
  theme: Theme;
  styles: Styles;
  page: Geometry;
  handlers: Handlers;
  shaper: Shaper;
  faces: FontRegistry;
  images: Map<string, ImageResult>;
  footnotes: readonly FootnoteDefinition[];
  titleHeading: Heading | undefined;
  /** The word a missing picture's placeholder starts with: 图片, or 圖片 in a Traditional document. */
  pictureWord: string;
  /** The 公文 is sealed (front matter `sealed: true`): its signature and date are set for the seal. */
  sealed?: boolean;
  warn: (code: PdfWarningCode, message: string, position?: Position) => void;
}

/**
 * Lines kept with a heading at the top of the next paragraph, so a heading never ends a page; and
 * the fewest lines of a paragraph at the foot or the head of a page (Word's widow control).
 */
const KEEP_LINES = 2;

/** The closing of a 公文: kept together with the body's last lines (GB/T 9704 7.3.5). */
const CLOSING = new Set<string>(['attachments', 'signature', 'date', 'note']);

export class State {
  readonly theme: Theme;
  readonly styles: Styles;
  readonly page: Geometry;
  readonly shaper: Shaper;
  readonly faces: FontRegistry;
  readonly images: Map<string, ImageResult>;
  /** Destination names of the notes: one per number (the first definition of a number wins). */
  readonly #notes = new Map<number, { id: string; node: FootnoteDefinition }>();
  /** The heading that is the document's title (its text is `meta.title`). */
  readonly titleHeading: Heading | undefined;
  readonly pictureWord: string;
  /** Headings in document order, but the title. */
  readonly headings: HeadingEntry[] = [];
  readonly #handlers: Handlers;
  readonly #warn: StateInit['warn'];
  /** Text nodes that can be cut after a line, and how. */
  readonly #splittable = new WeakMap<
    Content,
    { set: SetText; props: Partial<TextNode>; after: number; pitch: number }
  >();
  /** Pieces of text blocks cut for widow control, and how tall they are. */
  readonly #pieceLines = new WeakMap<Content, { lines: number; pitch: number }>();
  /** Whether the 公文 is sealed (7.3.5.1). */
  readonly sealed: boolean;
  /** How the closings are set: signatures' and dates' indents, the seal's room, stacked and sealed rows (theme). */
  readonly closing: ClosingLayout<BlockContent> = emptyClosingLayout();
  /** Headings whose bookmarks may be parents: the last of each level. */
  #outlineStack: HeadingEntry[] = [];
  readonly #missing = new Set<string>();

  constructor(init: StateInit) {
    this.theme = init.theme;
    this.styles = init.styles;
    this.page = init.page;
    this.shaper = init.shaper;
    this.faces = init.faces;
    this.images = init.images;
    init.footnotes.forEach((node, index) => {
      if (!this.#notes.has(node.number)) this.#notes.set(node.number, { id: `fn${index + 1}`, node });
    });
    this.titleHeading = init.titleHeading;
    this.pictureWord = init.pictureWord;
    this.sealed = init.sealed === true;
    this.#handlers = init.handlers;
    this.#warn = init.warn;
  }

  warn(code: PdfWarningCode, message: string, position?: Position): void {
    this.#warn(code, message, position);
  }

  /** Renders one node with its handler. */
  one<N extends Nodes>(node: N, context: Context): Output<N> {
    const handler = this.#handlers[node.type as N['type']] as unknown as Handler<N>;
    return handler(this, node, context);
  }

  phrasing(nodes: readonly PhrasingContent[], context: Context): Run[] {
    const out: Run[] = [];
    for (const node of nodes) out.push(...this.one(node, context));
    return out;
  }

  /**
   * Renders blocks, paginated as GB/T 9704 wants the page and Word's own rules do (so that Word,
   * LibreOffice and the PDF break alike): in the body, no paragraph leaves one line alone at the
   * foot or the head of a page (widow control: its first two and last two lines are unbreakable
   * pieces); a heading is kept with the first two lines after it; the closing (附件说明, 署名,
   * 成文日期, 附注) is kept with the last two lines of the body. All by unbreakable pieces, laid out
   * once: pdfmake's own `headlineLevel`/`pageBreakBefore` hook re-lays the whole document out for
   * every break it inserts (minutes for a long report). Inside lists, quotes and cells the
   * paragraphs stay whole blocks pdfmake may break anywhere, as before.
   */
  blocks(nodes: readonly BlockContent[], context: Context): Content[] {
    const elementOf = (node: BlockContent) => (node.type === 'paragraph' ? node.element : undefined);
    addClosingLayout(this.closing, nodes, elementOf, (node) => toText(node), this.sealed);
    const body = context.block === this.styles.body && context.listDepth === 0;
    const out: Content[] = [];
    let held: Content[] = [];
    let closing: Content[] = [];
    const keep = (parts: Content[]) => {
      if (parts.length === 1) return parts[0] as Content;
      // A page break asked for by the first part (an attached document starts a page) goes on the
      // kept block itself: pdfmake drops a break inside an unbreakable block, and the text with it.
      const first = parts[0];
      if (first && typeof first === 'object' && !Array.isArray(first) && first.pageBreak) {
        const { pageBreak, ...rest } = first;
        return { stack: [rest, ...parts.slice(1)], unbreakable: true, pageBreak };
      }
      return { stack: parts, unbreakable: true };
    };
    const release = () => {
      if (held.length > 0) out.push(keep(held));
      held = [];
    };
    const close = () => {
      if (closing.length > 0) out.push(keep(closing));
      closing = [];
    };
    for (const node of nodes) {
      const rendered = this.one(node, context);
      const pieces = body ? rendered.flatMap((content) => this.#guard(content)) : rendered;
      if (body && node.type === 'paragraph' && node.element && CLOSING.has(node.element)) {
        release();
        // The closing opens with the body's last lines (its last piece) when they are short.
        const last = closing.length === 0 ? out.at(-1) : undefined;
        if (last && this.estimate(last) <= this.page.bodyHeightPt / 3) closing.push(out.pop() as Content);
        closing.push(...pieces);
        continue;
      }
      close();
      if (node.type === 'heading') {
        held.push(...pieces);
        continue;
      }
      const first = pieces[0];
      if (held.length > 0 && first) {
        if (!body && this.#splittable.has(first)) {
          const [head, tail] = this.#cut(first);
          held.push(head);
          release();
          for (const chunk of tail) out.push(chunk);
        } else if (this.estimate(first) <= this.page.bodyHeightPt / 3) {
          held.push(first);
          release();
        } else {
          release();
          out.push(first);
        }
        out.push(...pieces.slice(1));
        continue;
      }
      release();
      out.push(...pieces);
    }
    release();
    close();
    if (body) return out;
    // Outside the body a text block stays one block pdfmake may break anywhere: a long one in chunks.
    const spread: Content[] = [];
    for (const content of out) for (const chunk of this.#chunks(content)) spread.push(chunk);
    return spread;
  }

  /**
   * A text block of more than `CHUNK_LINES` lines as nodes of at most that many, stacked as the one
   * node was (the first keeps its props and top margin, the last its bottom margin); any other
   * content as it is.
   */
  #chunks(content: Content): Content[] {
    const split = this.#splittable.get(content);
    if (!split || split.set.lineCount <= CHUNK_LINES) return [content];
    const { props, set } = split;
    const [left = 0, top = 0, right = 0, bottom = 0] = props.margin ?? [];
    return this.#chunkNodes(set, 0, props, [left, top, right, bottom], split.pitch);
  }

  /** Lines `[from, end)` of `set` in chunks; `props` go on the first, the margin's top on the first and bottom on the last. */
  #chunkNodes(
    set: SetText,
    from: number,
    props: Partial<TextNode>,
    [left, top, right, bottom]: [number, number, number, number],
    pitch: number,
  ): Content[] {
    const ranges = chunkRanges(from, set.lineCount);
    return ranges.map(([start, end], index) => {
      const first = index === 0;
      const last = index === ranges.length - 1;
      const margin: [number, number, number, number] = [left, first ? top : 0, right, last ? bottom : 0];
      const node = set.node(first ? { ...props, margin } : { margin }, start, end);
      // Measured as pieces only when cut: one node is measured as it always was.
      if (ranges.length > 1) this.#pieceLines.set(node, { lines: end - start, pitch });
      return node;
    });
  }

  /**
   * A text block in pieces pdfmake breaks only between (widow control, two lines a side): up to three
   * lines one unbreakable piece; more, its first two lines, the lines between, its last two.
   */
  #guard(content: Content): Content[] {
    const split = this.#splittable.get(content);
    const count = split?.set.lineCount ?? 0;
    if (!split || count < 2) return [content];
    if (count < 2 * KEEP_LINES) {
      content.unbreakable = true;
      return [content];
    }
    const { set, props, pitch } = split;
    const [left = 0, top = 0, right = 0, bottom = 0] = props.margin ?? [];
    const piece = (from: number, to: number, margin: [number, number, number, number], extra = {}) => {
      const node = set.node({ ...extra, margin }, from, to);
      this.#pieceLines.set(node, { lines: to - from, pitch });
      return node;
    };
    const head = piece(0, KEEP_LINES, [left, top, right, 0], { ...props, unbreakable: true });
    const tail = piece(count - KEEP_LINES, count, [left, 0, right, bottom], { unbreakable: true });
    if (count === 2 * KEEP_LINES) return [head, tail];
    // The lines between, a bounded number a node (see `chunks.ts`): a huge paragraph costs pdfmake per chunk.
    const middle = chunkRanges(KEEP_LINES, count - KEEP_LINES).map(([from, to]) =>
      piece(from, to, [left, 0, right, 0]),
    );
    return [head, ...middle, tail];
  }

  /**
   * About how tall `content` will be (pt): text from its lines, containers from their parts. Used
   * to decide what may be kept together on a page; never for placing anything.
   */
  estimate(content: Content): number {
    const [, top = 0, , bottom = 0] = content.margin ?? [];
    let height = 0;
    if ('text' in content) {
      const split = this.#splittable.get(content);
      const piece = this.#pieceLines.get(content);
      if (split) height = split.set.lineCount * split.pitch;
      else height = piece ? piece.lines * piece.pitch : this.styles.body.pitchPt;
    } else if ('stack' in content) {
      for (const part of content.stack) height += this.estimate(part);
    } else if ('columns' in content) {
      for (const column of content.columns) {
        height = Math.max(
          height,
          column.stack.reduce((sum, part) => sum + this.estimate(part), 0),
        );
      }
    } else if ('table' in content) {
      for (const row of content.table.body) {
        let tallest = 0;
        for (const cell of row) {
          if ('stack' in cell && cell.stack)
            tallest = Math.max(
              tallest,
              cell.stack.reduce((sum, part) => sum + this.estimate(part), 0),
            );
        }
        height += tallest + 4 + this.theme.table.borderPt;
      }
    } else if ('image' in content || 'svg' in content) height = content.height;
    else if ('canvas' in content) {
      for (const vector of content.canvas) if (vector.type === 'path' && vector.h) height = Math.max(height, vector.h);
    }
    return height + top + bottom;
  }

  /** A text block cut after its first lines (the whole of it when it is short), else the block and nothing. */
  #cut(content: Content): [Content, Content[]] {
    const split = this.#splittable.get(content);
    if (!split || split.set.lineCount <= KEEP_LINES + 1) {
      return [content, []];
    }
    const { set, props, after, pitch } = split;
    const [, top, , bottom] = props.margin ?? [0, 0, 0, 0];
    const head = set.node({ ...props, margin: [0, top, 0, 0] }, 0, KEEP_LINES);
    // The rest in chunks when it is long (one node, as before, when it is not).
    return [head, this.#chunkNodes(set, KEEP_LINES, {}, [0, 0, 0, bottom || after], pitch)];
  }

  /**
   * A block of phrasing set as lines of `context.width` in `context.block`'s style. Pictures in it
   * become blocks of their own between the text before and after them. `props` (an id, a bookmark)
   * go on the first block.
   */
  text(runs: readonly Run[], context: Context, props: Partial<TextNode> = {}, verbatim = false): Content[] {
    const style = context.block;
    const parts: (Run[] | Run)[] = [];
    let current: Run[] = [];
    for (const run of runs) {
      if (run.kind === 'image') {
        if (current.length > 0) parts.push(current);
        parts.push(run);
        current = [];
      } else current.push(run);
    }
    if (current.length > 0 || parts.length === 0) parts.push(current);
    const figure = parts.every((part) => !Array.isArray(part) || isBlank(part));

    const out: Content[] = [];
    // The props (a heading's destination and bookmark) go on the first text set, even after a picture:
    // a page reference to a destination no node carries stops pdfmake.
    let propsGiven = false;
    parts.forEach((part, index) => {
      const first = out.length === 0;
      const last = index === parts.length - 1;
      if (!Array.isArray(part)) {
        if (part.kind === 'image') out.push(this.#image(part.node.url, part.node.alt, context, part.node.position));
        return;
      }
      if (isBlank(part) && (figure || parts.length > 1)) return;
      const width = context.width - (style.rightPt ?? 0) - (style.leftPt ?? 0);
      // An inline formula must fit the narrowest line: the first, when it is indented.
      const roomPt = width - Math.max(0, first ? style.indentPt : 0);
      const shaped = this.shaper.shape(part, { role: style.role, bold: style.bold, sizePt: style.sizePt, roomPt });
      const set = setText(
        shaped,
        {
          width,
          indent: first ? style.indentPt : 0,
          align: style.align,
          pitch: style.pitchPt,
          spacing: style.spacingPt,
          verbatim,
          ...(style.keepTokens ? { keepTokens: true } : {}),
        },
        this.faces,
        { face: this.shaper.face(style.role, style.bold), sizePt: style.sizePt },
      );
      const nodeProps: Partial<TextNode> = {
        ...(propsGiven ? {} : props),
        margin: [style.leftPt ?? 0, first ? style.beforePt : 0, style.rightPt ?? 0, last ? style.afterPt : 0],
      };
      propsGiven = true;
      const node = set.node(nodeProps);
      this.#splittable.set(node, { set, props: nodeProps, after: style.afterPt, pitch: style.pitchPt });
      out.push(node);
    });
    if (figure) {
      const stackProps = propsGiven ? {} : props;
      return out.length > 0 ? [{ ...stackProps, stack: out, margin: [0, style.beforePt, 0, style.afterPt] }] : out;
    }
    return out;
  }

  #image(url: string, alt: string, context: Context, position?: Position): Content {
    const image = this.images.get(url);
    if (image?.ok) {
      const maxHeight = this.page.bodyHeightPt * 0.9;
      const scale = Math.min(1, context.width / image.widthPt, maxHeight / image.heightPt);
      const node: ImageNode = {
        image: image.dataUrl,
        width: image.widthPt * scale,
        height: image.heightPt * scale,
        alignment: 'center',
        margin: [0, 3, 0, 3],
      };
      return node;
    }
    const reason = image && !image.ok ? image.reason : 'not read';
    const code = image && !image.ok ? image.code : 'image-missing';
    this.warn(code, `image ${pictureName(url)}: ${reason}; a placeholder is shown`, position);
    const style = { ...context.block, indentPt: 0, align: 'center' as const };
    const [node] = this.text(
      [{ kind: 'text', text: picturePlaceholder(alt, url, this.pictureWord), style: { color: '#666666' } }],
      {
        ...context,
        block: style,
      },
    );
    return node ?? { text: '' };
  }

  /** The destination of the note a reference with this number points at, if there is one. */
  footnoteId(number: number): string | undefined {
    return this.#notes.get(number)?.id;
  }

  /** The destination name a note definition is rendered under (none for a repeated number). */
  footnoteTarget(node: FootnoteDefinition): string | undefined {
    const note = this.#notes.get(node.number);
    return note?.node === node ? note.id : undefined;
  }

  /** Records a heading for the outline; returns its id and its bookmark's parent. */
  addHeading(level: number, text: string): { id: string; parentId?: string } {
    const entry: HeadingEntry = { id: `h${this.headings.length + 1}`, level, text };
    this.headings.push(entry);
    while (this.#outlineStack.length > 0 && (this.#outlineStack.at(-1) as HeadingEntry).level >= level) {
      this.#outlineStack.pop();
    }
    const parent = this.#outlineStack.at(-1);
    this.#outlineStack.push(entry);
    return { id: entry.id, ...(parent ? { parentId: parent.id } : {}) };
  }

  /** Reports a character no face has, once per character and source line. */
  missingGlyph(codePoint: number, position: Position | undefined): void {
    const key = `${codePoint}:${position?.start.line ?? ''}`;
    if (this.#missing.has(key)) return;
    this.#missing.add(key);
    this.warn(
      'glyph-missing',
      `${describeCodePoint(codePoint)}: no glyph in any available font; it is drawn as an empty box`,
      position,
    );
  }
}

function isBlank(runs: readonly Run[]): boolean {
  return runs.every((run) => run.kind === 'text' && run.text.trim() === '');
}
