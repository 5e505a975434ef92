/**
 * What the handlers share while a document is rendered: the theme, the style ids, the pictures
 * read beforehand, the list numbering, warnings; and `one`/`blocks`/`phrasing` to render children
 * through the handler table.
 */

import {
  type BlockContent,
  exportWarning,
  type Heading,
  type Nodes,
  type PhrasingContent,
  type Position,
  toText,
} from '@wenshu/parser';
import { addClosingLayout, type ClosingLayout, emptyClosingLayout, type Theme } from '@wenshu/theme';
import { Paragraph, type ParagraphChild, Table } from 'docx';
import type { ImageResult } from './images.js';
import type { ListNumbering, ListRef } from './numbering.js';
import type { DocxWarningCode, ToDocxOptions } from './options.js';
import type { StyleIds } from './styles.js';

/** A block of the body: a paragraph or a table. */
export type Block = Paragraph | Table;

/** Run formatting inherited from the inline wrappers around a run. */
export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  underline?: { type: 'single' };
  highlight?: 'yellow';
  subScript?: boolean;
  superScript?: boolean;
  /** A character style id. */
  style?: string;
  /** Size in half-points (a table set smaller to fit the page). */
  size?: number;
}

/** Where a node is rendered. */
export interface Context {
  /** The paragraph style plain paragraphs take here: Normal, Quote, FootnoteText… */
  paragraphStyle: string;
  /** Formatting of the runs rendered here. */
  run: RunFormat;
  /** The list whose items are being rendered, and its level (0-based). */
  list?: { ref: ListRef; level: number; checked?: boolean | null };
  /** How many lists enclose this block (for continuation paragraphs of list items). */
  listDepth: number;
  /** Inside a footnote, where Word allows paragraphs only. */
  inNote: boolean;
}

/** What a handler gives: runs for inline nodes, blocks for the others. */
export type Output<N extends Nodes> = N extends PhrasingContent ? ParagraphChild[] : Block[];

export type Handler<N extends Nodes> = (state: State, node: N, context: Context) => Output<N>;

/** One handler per node type: a missing one is a compile error. */
export type Handlers = { [K in Nodes['type']]: Handler<Extract<Nodes, { type: K }>> };

export interface StateInit {
  theme: Theme;
  ids: StyleIds;
  handlers: Handlers;
  images: Map<string, ImageResult>;
  footnotes: ReadonlySet<number>;
  numbering: ListNumbering;
  textWidthTwips: number;
  /** The text width of a landscape section (a table too wide for the portrait page). */
  landscapeTextWidthTwips: number;
  textHeightTwips: number;
  titleHeading: Heading | undefined;
  /** The word a missing picture's placeholder starts with: 图片, or 圖片 in a Traditional document. */
  pictureWord: string;
  /** The 公文 is sealed (front matter `sealed: true`): its signature and date are set for the seal. */
  sealed?: boolean;
  onWarning: NonNullable<ToDocxOptions['onWarning']>;
}

export class State {
  readonly theme: Theme;
  readonly ids: StyleIds;
  readonly images: Map<string, ImageResult>;
  readonly footnotes: ReadonlySet<number>;
  readonly numbering: ListNumbering;
  readonly textWidthTwips: number;
  readonly landscapeTextWidthTwips: number;
  readonly textHeightTwips: number;
  /** The heading that is the document's title (its text is `meta.title`), rendered as Title. */
  readonly titleHeading: Heading | undefined;
  readonly pictureWord: string;
  /** Whether the 公文 is sealed (7.3.5.1). */
  readonly sealed: boolean;
  /** How the closings are set: signatures' and dates' indents, the seal's room, stacked and sealed rows (theme). */
  readonly closing: ClosingLayout<BlockContent> = emptyClosingLayout();
  /** Blocks kept on the page of the block after them: the body's last, above the signature. */
  readonly keepWithNext = new Set<BlockContent>();
  readonly #handlers: Handlers;
  readonly #onWarning: StateInit['onWarning'];

  constructor(init: StateInit) {
    this.theme = init.theme;
    this.ids = init.ids;
    this.images = init.images;
    this.footnotes = init.footnotes;
    this.numbering = init.numbering;
    this.textWidthTwips = init.textWidthTwips;
    this.landscapeTextWidthTwips = init.landscapeTextWidthTwips;
    this.textHeightTwips = init.textHeightTwips;
    this.titleHeading = init.titleHeading;
    this.pictureWord = init.pictureWord;
    this.sealed = init.sealed === true;
    this.#handlers = init.handlers;
    this.#onWarning = init.onWarning;
  }

  /** Renders one node with its handler. */
  one<N extends Nodes>(node: N, context: Context): Output<N> {
    const handler = this.#handlers[node.type as N['type']] as unknown as Handler<N>;
    return handler(this, node, context);
  }

  /** Renders blocks; two tables in a row would merge into one in Word, so a paragraph goes between. */
  blocks(nodes: readonly BlockContent[], context: Context): Block[] {
    const elementOf = (node: BlockContent) => (node.type === 'paragraph' ? node.element : undefined);
    addClosingLayout(this.closing, nodes, elementOf, (node) => toText(node), this.sealed);
    // The signature block (and the 附件说明 over it) stays with the last lines of the body (Word keeps a paragraph's last
    // lines with the next paragraph, widow control makes them two), as the PDF keeps them.
    nodes.forEach((node, at) => {
      const next = nodes[at + 1];
      if (next?.type === 'paragraph' && (next.element === 'signature' || next.element === 'attachments'))
        this.keepWithNext.add(node);
    });
    const out: Block[] = [];
    for (const node of nodes) {
      for (const block of this.one(node, context)) {
        if (block instanceof Table && out.at(-1) instanceof Table)
          out.push(new Paragraph({ style: this.ids.tableText }));
        out.push(block);
      }
    }
    return out;
  }

  phrasing(nodes: readonly PhrasingContent[], context: Context): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of nodes) out.push(...this.one(node, context));
    return out;
  }

  warn(code: DocxWarningCode, message: string, position?: Position): void {
    this.#onWarning(exportWarning(code, message, position));
  }
}
