/**
 * The part of pdfmake 0.3's document definition wenshu writes, typed. Lengths are PDF points.
 * pdfmake reads these objects and mutates them while it lays the document out, so every render
 * builds fresh ones.
 */

export type Alignment = 'left' | 'center' | 'right' | 'justify';

/** A font file for `setFonts`: a path or virtual-file-system name, or `[file, PostScript name]` in a collection. */
export type FontFile = string | [string, string];

/** pdfmake's font families: a file for each of the four styles pdfmake asks for. */
export type FontFamilies = Record<
  string,
  { normal: FontFile; bold: FontFile; italics: FontFile; bolditalics: FontFile }
>;

export type Margin = [number, number, number, number];

/** Properties any node may carry. */
export interface NodeProps {
  margin?: Margin;
  /** A destination name: links (`linkToDestination`), page references and outline parents use it. */
  id?: string;
  pageBreak?: 'before' | 'after';
  /** The orientation of the page a `pageBreak` starts (a landscape page for a wide table). */
  pageOrientation?: 'portrait' | 'landscape';
  /** Keep the node on one page when it fits on one. */
  unbreakable?: boolean;
  /** Drawn this far from where the flow is, outside the flow (takes no room). */
  relativePosition?: { x: number; y: number };
  /** Drawn at this point of the page the flow is on, outside the flow (pt from the page's top left). */
  absolutePosition?: { x: number; y: number };
}

/** One inline of a text node: a run of text in one style. */
export interface Inline {
  text: string;
  /** A family registered with `setFonts`: wenshu registers one family per face. */
  font?: string;
  fontSize?: number;
  /** A multiple of the font's own line height (ascender − descender). */
  lineHeight?: number;
  bold?: boolean;
  italics?: boolean;
  /** Never break inside this inline (it is measured and drawn as one piece). */
  noWrap?: boolean;
  /** Keep the next inline on the same line as this one. */
  noNewLine?: boolean;
  /** Extra space after every character (PDF `Tc`); pdfmake measures it between the characters of an inline. */
  characterSpacing?: number;
  sup?: boolean;
  sub?: boolean;
  link?: string;
  linkToDestination?: string;
  decoration?: 'underline' | 'lineThrough' | ('underline' | 'lineThrough')[];
  background?: string;
  color?: string;
  preserveLeadingSpaces?: boolean;
  preserveTrailingSpaces?: boolean;
  /** Replaced by the page number of the node with this id, when the page is drawn. */
  pageReference?: string;
  /** 0 draws the text invisibly (a text layer under a drawing). */
  opacity?: number;
  /** Horizontal scaling in percent (PDF `Tz`; wenshu's pdfmake patch), not measured by pdfmake. */
  horizontalScaling?: number;
  /**
   * Paths drawn with the inline (wenshu's pdfmake patch): placed from the inline's left end on the
   * line's baseline, where the layout put it. An inline formula's drawing.
   */
  vectors?: CanvasPath[];
}

export interface TextNode extends NodeProps, Omit<Inline, 'text'> {
  text: string | Inline[];
  alignment?: Alignment;
  /** First-line indent. */
  leadingIndent?: number;
  /** A bookmark for this node: `outlineText` under the bookmark of `outlineParentId`. */
  outline?: boolean;
  outlineText?: string;
  outlineParentId?: string;
}

export interface StackNode extends NodeProps {
  stack: Content[];
}

export interface Column extends NodeProps {
  width: number | '*' | 'auto';
  stack: Content[];
}

export interface ColumnsNode extends NodeProps {
  columns: Column[];
  columnGap?: number;
}

/** A table cell, or `{}` where a spanning cell covers the position. */
export type Cell =
  | (NodeProps & { stack: Content[]; colSpan?: number; rowSpan?: number; fillColor?: string })
  | Record<string, never>;

export interface TableLayout {
  hLineWidth: () => number;
  vLineWidth: () => number;
  hLineColor?: () => string;
  vLineColor?: () => string;
  paddingLeft: () => number;
  paddingRight: () => number;
  paddingTop: () => number;
  paddingBottom: () => number;
  fillColor?: () => string | null;
}

export interface TableNode extends NodeProps {
  table: {
    /** Content widths of the columns, paddings and rules not included. */
    widths: (number | '*' | 'auto')[];
    body: Cell[][];
    headerRows?: number;
    /** How many body rows the header rows go with onto a page. */
    keepWithHeaderRows?: number;
    dontBreakRows?: boolean;
  };
  layout?: TableLayout | 'noBorders';
}

export interface ImageNode extends NodeProps {
  /** A data URL. */
  image: string;
  width: number;
  height: number;
  alignment?: Alignment;
}

/** A vector drawing (drawn by svg-to-pdfkit): a formula. `font` draws the drawing's `<text>` elements. */
export interface SvgNode extends NodeProps {
  svg: string;
  width: number;
  height: number;
  alignment?: Alignment;
  font?: string;
}

export interface CanvasLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth: number;
  lineColor?: string;
  /** A dashed line (dots: a very short dash with round caps). */
  dash?: { length: number; space?: number };
  lineCap?: 'butt' | 'round' | 'square';
}

/**
 * A filled path drawn at x/y of its canvas through `transform` (wenshu's pdfmake patch: pdfmake's own
 * `path` vectors are not moved with their canvas). `w`/`h` is the room it takes.
 */
export interface CanvasPath {
  type: 'path';
  /** SVG path data, or (wenshu's patch) a formula's glyphs, each drawn once per document and placed. */
  d?: string;
  glyphs?: {
    /** PDF path operators in the glyph's own units. */
    operators: string;
    box: [number, number, number, number];
    transform: [number, number, number, number, number, number];
  }[];
  x: number;
  y: number;
  w?: number;
  h?: number;
  transform: [number, number, number, number, number, number];
  color: string;
}

export interface CanvasNode extends NodeProps {
  canvas: (CanvasLine | CanvasPath)[];
  alignment?: Alignment;
}

export type Content = TextNode | StackNode | ColumnsNode | TableNode | ImageNode | SvgNode | CanvasNode;

/** The Info dictionary, with pdfmake's lower-case keys. */
export interface Info {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator: string;
  producer: string;
  creationDate: Date;
  modDate: Date;
}

/** What pdfmake's `pageBreakBefore` hook is told of a node after a layout. */
export interface PageBreakNode {
  id?: string;
  /** Where the node starts: `top` from the page's top edge, beside the height of the page's body. */
  startPosition: { pageNumber: number; top: number; pageInnerHeight: number };
}

export interface DocumentDefinition {
  pageSize: { width: number; height: number };
  /** The first page's orientation (a document that opens with a landscape table). */
  pageOrientation?: 'portrait' | 'landscape';
  /** Left, top, right, bottom. */
  pageMargins: Margin;
  /** PDF version pdfkit writes in the header. */
  version: '1.7';
  /** The catalog's `/Lang`. */
  language: string;
  info: Info;
  defaultStyle: { font: string; fontSize: number; lineHeight: number };
  content: Content[];
  footer?: (currentPage: number, pageCount: number) => Content;
  /** pdfmake's hook, asked once per node after a layout: true re-lays the document out with a break before it. */
  pageBreakBefore?: (node: PageBreakNode) => boolean;
}
