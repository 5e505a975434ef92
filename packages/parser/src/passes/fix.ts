import type { Node } from '../ast.js';

/**
 * What a report pass changed. Stable strings, one or two per pass:
 * - `page-marker`: a page-jump marker `(上接7版)` moved from the text to `meta`
 * - `broken-paragraph`: two paragraphs split by a column or page break joined
 * - `page-number`: a printed page number on a line of its own (`-1-`, `— 2 —`) removed from the text
 * - `layout-table`: the lines of a table laid out with spaces (`pdftotext -layout`) kept together as laid out, in a preformatted block
 * - `paragraph-split`: a paragraph laid out as printed lines (text from a PDF) split where its indented lines start
 * - `line-break`: soft line breaks removed between CJK characters (or made spaces between Latin ones)
 * - `layout`: U+3000 indents and zero-width characters removed
 * - `punctuation`: half-width punctuation in Chinese text made full-width (opt-in)
 * - `item`: a paragraph that starts with an ordinal became a numbered item
 * - `heading`: a short ordinal line with no body became a heading
 * - `run-in-title`: an item's first sentence (or bold lead) became its title
 * - `title`: the document title taken from the leading level-1 heading
 * - `caption`: a paragraph right above a table that names it (`表1 …`) became the table's caption
 * - `element`: a paragraph read as a frame element (`[signature] 国务院`), or a page marker kept as a boundary
 */
export type FixKind =
  | 'page-marker'
  | 'broken-paragraph'
  | 'page-number'
  | 'layout-table'
  | 'paragraph-split'
  | 'line-break'
  | 'layout'
  | 'punctuation'
  | 'item'
  | 'heading'
  | 'run-in-title'
  | 'title'
  | 'element'
  | 'caption';

/**
 * One change a pass made, for `wenshu check` and the outline: `before` and `after` are short
 * excerpts of the text around the change (`after` is `''` when text left the body, as a page marker
 * does). `line` is the 1-based source line, 0 when the node has no position (built by code).
 */
export interface Fix {
  kind: FixKind;
  line: number;
  before: string;
  after: string;
}

/** The source line a node starts on, 0 when it has no position. */
export function startLine(node: Node): number {
  return node.position?.start.line ?? 0;
}

/** The source line a node ends on, 0 when it has no position. */
export function endLine(node: Node): number {
  return node.position?.end.line ?? 0;
}
