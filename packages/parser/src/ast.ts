/**
 * The wenshu AST: a typed, JSON-safe tree modelled on mdast and pandoc.
 *
 * Every node is a plain object with a `type` discriminant. Parents have `children` whose allowed
 * types are fixed by a content model (block, phrasing, list, table). Unions are built from
 * interface maps (`BlockContentMap`, `PhrasingContentMap`) so a later package can extend them
 * with declaration merging, as mdast does.
 *
 * `packages/parser/SPEC.md` documents every node with an example; keep the two in step.
 */

/** Version of the serialised form. Bump it when a node changes shape. */
export const AST_VERSION = 1 as const;

/** A place in the source file: 1-based line and column, 0-based offset in UTF-16 code units. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** The span of source a node came from. Absent on nodes that passes create. */
export interface Position {
  start: Point;
  end: Point;
}

/** What every node has. */
export interface Node {
  type: string;
  position?: Position;
}

/** A node whose content is a string. */
export interface Literal extends Node {
  value: string;
}

/** A node with children. */
export interface Parent extends Node {
  children: Node[];
}

/* ------------------------------------------------------------------------------------------------
 * Report structure
 * --------------------------------------------------------------------------------------------- */

/**
 * The numbering style of a Chinese report ordinal, as written.
 * - `chinese-comma`: `一、` (level 1)
 * - `formal-comma`: `壹、` (level 1, above `一、`): the formal numerals of Taiwan's documents
 * - `attachment`: `附件1` alone on a line, heading a document attached to a 公文 (above all else)
 * - `stem-paren`: `（甲）` (level 1, above `一、`): the heavenly stems 甲乙丙丁… in brackets
 * - `chinese-space`: `一　` (level 1): the numeral and a wide space, as older texts and Taiwan's law database write list entries
 * - `chinese-paren`: `（一）` or `(一)` (level 2)
 * - `arabic-dot`: `1.` `1．` `1、` (level 3)
 * - `arabic-paren`: `（1）` or `(1)` (level 4)
 * - `circled`: `①` (level 5)
 * - `decimal`: `1.2` `1.2.3` section numbers of papers and standards (level: how many numbers)
 * - `part`, `subpart`, `chapter`, `section`, `subsection`, `article`: `第一编`, `第一分编`, `第一章`,
 *   `第一节`, `第一款` (a heading in Taiwan's laws), `第一条` (`第 1 條`) in legal texts
 */
export type OrdinalStyle =
  | 'chinese-comma'
  | 'chinese-space'
  | 'formal-comma'
  | 'stem-paren'
  | 'attachment'
  | 'chinese-paren'
  | 'arabic-dot'
  | 'arabic-paren'
  | 'circled'
  | 'decimal'
  | 'part'
  | 'subpart'
  | 'chapter'
  | 'section'
  | 'subsection'
  | 'article';

/** A Chinese or Arabic ordinal at the start of a heading or item. */
export interface Ordinal {
  /**
   * Outline level: 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）`. Legal texts take the level
   * whose typography they share: `第一章` 1, `第一节` 2, `第一条` 3 (a numbered paragraph, like `1.`).
   */
  level: number;
  /** The number the ordinal stands for: `四十二、` is 42; `1.2.3` is 3 (its last number). */
  number: number;
  /** An article inserted after another one: `第一百二十条之一` is number 120, sub 1. */
  sub?: number;
  /** The marker exactly as written, including its punctuation: `（一）`, `1．`. */
  marker: string;
  style: OrdinalStyle;
}

/* ------------------------------------------------------------------------------------------------
 * Document
 * --------------------------------------------------------------------------------------------- */

/** A JSON value, the only kind of data a node may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What is known about the document as a whole. */
export interface Meta {
  /** The document's title: front matter `title`, else the single leading level-1 heading. */
  title?: string;
  /** BCP 47 language tag: `zh-CN` by default, `zh-TW` for a Taiwan edition. */
  lang?: string;
  /** The page this text continues from, from a marker such as `(上接7版)`: `"7"`. */
  continuedFrom?: string;
  /** The page this text continues on, from a marker such as `(下转9版)`: `"9"`. */
  continuedTo?: string;
  /** The YAML front matter as JSON, when the file had any. */
  frontMatter?: { [key: string]: JsonValue };
}

/** The root: a whole report. */
export interface Document extends Parent {
  type: 'document';
  /** Schema version of this tree ({@link AST_VERSION}). */
  version: typeof AST_VERSION;
  meta: Meta;
  children: BlockContent[];
  /** Footnote definitions in the order of their first reference, numbered from 1. */
  footnotes: FootnoteDefinition[];
}

/* ------------------------------------------------------------------------------------------------
 * Blocks
 * --------------------------------------------------------------------------------------------- */

/**
 * What a paragraph is in the frame of a report or 公文 (GB/T 9704's 公文要素), when it is not body text:
 * - `subtitle`: a line under the title (`——2024年3月5日在第十四届全国人民代表大会第二次会议上`, a code's
 *   `1979年7月1日第五届全国人民代表大会第二次会议通过`)
 * - `byline`: the author or office under the title (`国务院总理　李　强`, `来源：四川日报`)
 * - `addressee`: 主送机关 (`各省、自治区、直辖市人民政府，国务院各部委、各直属机构：`)
 * - `salutation`: `各位代表：`
 * - `signature`: 署名, the issuing body at the end (one paragraph per body when several sign)
 * - `date`: 成文日期 (`2024年3月5日`), or the date line of an article
 * - `boundary`: a page-jump marker in the middle of the text (`（上接第51页）`), where another article
 *   begins or continues; kept in the text as a visible break
 * - `attachments`: 附件说明 after the body (`附件：1.…`), every attachment's name on a line of its own
 *   (the lines after the first separated by `break` nodes)
 * - `note`: 附注 under the date (`（此件公开发布）`), a line in brackets
 */
export type DocumentElement =
  | 'subtitle'
  | 'byline'
  | 'addressee'
  | 'salutation'
  | 'signature'
  | 'date'
  | 'boundary'
  | 'attachments'
  | 'note';

/** A run of phrasing content: the unit of running text. */
export interface Paragraph extends Parent {
  type: 'paragraph';
  /** The frame element this paragraph is, set by `structure()`; absent for body text. */
  element?: DocumentElement;
  children: PhrasingContent[];
}

/**
 * A section heading of depth 1 to 6 (as written: `##` is 2); `ordinal` is set when its text starts
 * with one. `level` is the heading's place in the document's outline, decided by `structure()` from
 * the depths and the ordinals together: 1 for the top sections of the body, 2 inside those, and so
 * on (`## 第一编` › `### 第一章` › `#### 第一节` are 1 › 2 › 3; OCR's all-`#` `一、` › `（一）` are 1 › 2).
 * Every output nests and styles headings by `level`; without it (a tree `structure()` has not seen),
 * by `depth`. The document's title heading has no level.
 */
export interface Heading extends Parent {
  type: 'heading';
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  level?: number;
  ordinal?: Ordinal;
  /** Set by `structure()` on a heading that opens a document attached after a 公文's body. */
  attached?: AttachedHeading;
  children: PhrasingContent[];
}

/**
 * How a heading opens a document attached to a 公文 (GB/T 9704-2012 7.3.8, 附件): `role` is `label`
 * for `附件1` and `title` for the attached document's title (under its label, or alone after the
 * closing: a 印发 notice's attached plan); `start` is true on the first of them, where the attached
 * document begins (a new page in the `gov` theme).
 */
export interface AttachedHeading {
  role: 'label' | 'title';
  start: boolean;
}

/**
 * A numbered work item with an optional run-in title: `1.社保工作获全国全省现场观摩推广。强化……`
 * is an item whose `title` is the first sentence and whose `children` are the rest.
 * The marker is not part of `title` or `children`; it lives in `ordinal.marker`.
 */
export interface Item extends Parent {
  type: 'item';
  ordinal: Ordinal;
  /** The run-in title, including its closing punctuation; absent when the item has none. */
  title?: PhrasingContent[];
  children: PhrasingContent[];
}

/** Quoted blocks. */
export interface Blockquote extends Parent {
  type: 'blockquote';
  children: BlockContent[];
}

/** An ordered or bullet list. */
export interface List extends Parent {
  type: 'list';
  ordered: boolean;
  /** The first number of an ordered list; `null` for bullet lists. */
  start: number | null;
  /** Loose list (items separated by blank lines). */
  spread: boolean;
  children: ListItem[];
}

/** One entry of a list; `checked` is `true`/`false` for task items and `null` otherwise. */
export interface ListItem extends Parent {
  type: 'listItem';
  checked: boolean | null;
  spread: boolean;
  children: BlockContent[];
}

/** Preformatted text. */
export interface Code extends Literal {
  type: 'code';
  /** The info string's first word: the language. */
  lang: string | null;
  /** The rest of the info string. */
  meta: string | null;
}

/** Display math in TeX (`$$ … $$`). */
export interface Math extends Literal {
  type: 'math';
}

/** A scene break (`***`, `<hr>`). */
export interface ThematicBreak extends Node {
  type: 'thematicBreak';
}

/** A forced page break. */
export interface PageBreak extends Node {
  type: 'pageBreak';
}

/** Column alignment in a table. */
export type AlignType = 'left' | 'right' | 'center' | null;

/**
 * A table: rows of cells on a grid. `headerRows` leading rows are the header. A cell that spans
 * covers the grid positions to its right (`colSpan`) and below (`rowSpan`); covered positions have
 * no cell of their own, as in HTML.
 */
export interface Table extends Parent {
  type: 'table';
  /** Alignment per grid column; may be shorter than the widest row. */
  align: AlignType[];
  /** How many leading rows form the header (repeated on each page). */
  headerRows: number;
  /** A caption (`<caption>`), when the source had one. */
  caption?: PhrasingContent[];
  children: TableRow[];
}

/** A row of a table. */
export interface TableRow extends Parent {
  type: 'tableRow';
  children: TableCell[];
}

/** A cell. Paragraphs inside an HTML cell become phrasing separated by `break` nodes. */
export interface TableCell extends Parent {
  type: 'tableCell';
  /** A header cell (`th`, or any cell of a header row). */
  header: boolean;
  /** Rows covered, 1 unless the cell spans. */
  rowSpan: number;
  /** Columns covered, 1 unless the cell spans. */
  colSpan: number;
  align?: AlignType;
  children: PhrasingContent[];
}

/** The content of a footnote; referenced by `footnoteReference` nodes with the same identifier. */
export interface FootnoteDefinition extends Parent {
  type: 'footnoteDefinition';
  /** Normalised label (lower-cased, whitespace collapsed), unique in the document. */
  identifier: string;
  /** The label as written. */
  label: string;
  /** 1-based number in order of first reference. */
  number: number;
  children: BlockContent[];
}

/* ------------------------------------------------------------------------------------------------
 * Phrasing (inline)
 * --------------------------------------------------------------------------------------------- */

/** Plain text. */
export interface Text extends Literal {
  type: 'text';
}

/** Stress (`*a*`, `<em>`, `<i>`). */
export interface Emphasis extends Parent {
  type: 'emphasis';
  children: PhrasingContent[];
}

/** Strong importance (`**a**`, `<strong>`, `<b>`). */
export interface Strong extends Parent {
  type: 'strong';
  children: PhrasingContent[];
}

/** Struck-through text (`~~a~~`, `<del>`, `<s>`, `<strike>`). */
export interface Delete extends Parent {
  type: 'delete';
  children: PhrasingContent[];
}

/** Underlined or inserted text (`<u>`, `<ins>`). */
export interface Underline extends Parent {
  type: 'underline';
  children: PhrasingContent[];
}

/** Highlighted text (`<mark>`). */
export interface Mark extends Parent {
  type: 'mark';
  children: PhrasingContent[];
}

/** Subscript (`PM<sub>2.5</sub>`). */
export interface Subscript extends Parent {
  type: 'subscript';
  children: PhrasingContent[];
}

/** Superscript (`m<sup>2</sup>`). */
export interface Superscript extends Parent {
  type: 'superscript';
  children: PhrasingContent[];
}

/** Code in running text. */
export interface InlineCode extends Literal {
  type: 'inlineCode';
}

/** Math in running text, in TeX (`$x^2$`). */
export interface InlineMath extends Literal {
  type: 'inlineMath';
}

/** A hyperlink; references are resolved, so the target is always here. */
export interface Link extends Parent {
  type: 'link';
  url: string;
  title: string | null;
  children: PhrasingContent[];
}

/** An image; `alt` is its text equivalent. */
export interface Image extends Node {
  type: 'image';
  url: string;
  title: string | null;
  alt: string;
}

/** A hard line break. */
export interface Break extends Node {
  type: 'break';
}

/** A reference to a footnote in `document.footnotes`. */
export interface FootnoteReference extends Node {
  type: 'footnoteReference';
  identifier: string;
  /** The footnote's number, as the reader sees it. */
  number: number;
}

/* ------------------------------------------------------------------------------------------------
 * Content models
 * --------------------------------------------------------------------------------------------- */

/** Blocks allowed in the document, block quotes, list items and footnotes. Extend by merging. */
export interface BlockContentMap {
  paragraph: Paragraph;
  heading: Heading;
  item: Item;
  blockquote: Blockquote;
  list: List;
  code: Code;
  math: Math;
  thematicBreak: ThematicBreak;
  pageBreak: PageBreak;
  table: Table;
}

/** Inline content of paragraphs, headings, items, cells. Extend by merging. */
export interface PhrasingContentMap {
  text: Text;
  emphasis: Emphasis;
  strong: Strong;
  delete: Delete;
  underline: Underline;
  mark: Mark;
  subscript: Subscript;
  superscript: Superscript;
  inlineCode: InlineCode;
  inlineMath: InlineMath;
  link: Link;
  image: Image;
  break: Break;
  footnoteReference: FootnoteReference;
}

export type BlockContent = BlockContentMap[keyof BlockContentMap];
export type PhrasingContent = PhrasingContentMap[keyof PhrasingContentMap];

/** Every node type. */
export type Nodes = Document | BlockContent | PhrasingContent | ListItem | TableRow | TableCell | FootnoteDefinition;

/** Every node with children. */
export type Parents = Extract<Nodes, { children: unknown }>;

/** Phrasing nodes with children (the formatting wrappers and links). */
export type PhrasingParent = Extract<PhrasingContent, { children: unknown }>;

/** The `type` strings of all nodes. */
export type NodeType = Nodes['type'];

/** Look up a node interface by its `type` string. */
export type NodeOfType<T extends NodeType> = Extract<Nodes, { type: T }>;
