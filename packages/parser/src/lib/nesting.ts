/**
 * Nesting limits. Nesting deeper than `maxDepth` is flattened to text with a warning, so that no
 * later stage (the mdast utilities, our converters, `JSON.stringify`) can run out of stack.
 *
 * A guard in front of micromark: container markers (`>`, `-`, `1.`) nested beyond a limit on one
 * line are cut out of the text before it is parsed.
 *
 * Why: micromark re-checks every open container for each new one on a line, so `> > > …` or
 * `- - - …` ten thousand deep costs minutes, and the mdast utilities that run after it recurse per
 * level and overflow the stack. Levels beyond `maxDepth` are flattened to text afterwards anyway
 * (`flattenTooDeep`), so cutting their markers loses no text: the content of the deepest kept
 * container is the rest of the line. The cuts are recorded so that positions still point into the
 * source (`LineIndex`).
 *
 * Nesting spread over lines (each line indented two columns deeper than the one before) is bounded
 * by cutting indentation beyond `INDENT_LIMIT` columns: a list item needs at least two columns a
 * level, so no line can sit more than 32 list levels deep by indentation. Without it the cost of a
 * line grows with its depth in micromark and in mdast-util-from-markdown (every enclosing list walks
 * the events of its items again), and a list indented 1,000 levels took minutes.
 *
 * Images nested in brackets (`[![[![…`) beyond the limit lose their `!` and are read as bracketed
 * text: micromark resolves everything inside an image again when the image closes, so N nested
 * images cost N² (45 KB took 28 s). Past the limit they are flattened to text afterwards anyway.
 */
import type * as M from 'mdast';
import type { Cut } from './positions.js';

export interface Guarded {
  /** The text micromark reads. */
  text: string;
  cuts: Cut[];
  /** Source offsets of the lines that lost markers (for warnings). */
  lineOffsets: number[];
  /** Source offsets of the lines whose indentation was cut to `INDENT_LIMIT` columns. */
  indentOffsets: number[];
  /** Source offsets of the `!` cut from images nested deeper than the limit in brackets. */
  imageOffsets: number[];
}

/** Columns of indentation a line keeps (32 list levels at two columns each). */
export const INDENT_LIMIT = 64;

/**
 * How many characters of the indentation at `lineStart` to cut so that at most `INDENT_LIMIT`
 * columns are left (tabs count to the next multiple of 4, as CommonMark says); 0 when none.
 */
function indentExcess(text: string, lineStart: number, lineEnd: number): number {
  let end = lineStart;
  while (end < lineEnd && isSpaceOrTab(text.charCodeAt(end))) end++;
  if (end - lineStart <= INDENT_LIMIT / 4) return 0;
  // Keep the last characters of the run whose width, counted from the line's start, fits.
  let cut = lineStart;
  for (;;) {
    let columns = 0;
    for (let q = cut; q < end; q++) columns = text.charCodeAt(q) === 9 ? columns + 4 - (columns % 4) : columns + 1;
    if (columns <= INDENT_LIMIT) return cut - lineStart;
    // Cut whole excess at once when the run is all spaces (the common case); else a character at a time.
    cut += Math.max(1, columns - INDENT_LIMIT - 3);
  }
}

/** Where the container marker starting at `at` ends, or -1 when there is none there. */
function markerEnd(text: string, at: number): number {
  let q = at;
  // Up to three spaces of indentation before a marker (four would be an indented code block).
  for (let spaces = 0; spaces < 3 && text.charCodeAt(q) === 32; spaces++) q++;
  const code = text.charCodeAt(q);
  if (code === 62 /* > */) {
    q++;
    return isSpaceOrTab(text.charCodeAt(q)) ? q + 1 : q;
  }
  if (code === 45 /* - */ || code === 43 /* + */ || code === 42 /* * */) {
    return isSpaceOrTab(text.charCodeAt(q + 1)) ? q + 2 : -1;
  }
  let digits = 0;
  while (digits < 9 && isDigit(text.charCodeAt(q))) {
    q++;
    digits++;
  }
  if (digits === 0) return -1;
  const delimiter = text.charCodeAt(q);
  if ((delimiter === 46 /* . */ || delimiter === 41) /* ) */ && isSpaceOrTab(text.charCodeAt(q + 1))) return q + 2;
  return -1;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `- - -` and `* * *` are thematic breaks, not lists. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The text with container markers beyond `limit` per line removed; `text === source` when none were. */
export function limitContainerNesting(source: string, limit: number): Guarded {
  const cuts: Cut[] = [];
  const lineOffsets: number[] = [];
  const indentOffsets: number[] = [];
  const imageOffsets: number[] = [];
  let bracketDepth = 0;
  const parts: string[] = [];
  let copied = 0;
  let removed = 0;
  let lineStart = 0;
  const lineEnding = /\r\n?|\n/g;
  while (lineStart <= source.length) {
    lineEnding.lastIndex = lineStart;
    const ending = lineEnding.exec(source);
    const lineEnd = ending ? ending.index : source.length;
    const excess = indentExcess(source, lineStart, lineEnd);
    if (excess > 0) {
      parts.push(source.slice(copied, lineStart));
      cuts.push({ at: lineStart - removed, length: excess });
      indentOffsets.push(lineStart);
      removed += excess;
      copied = lineStart + excess;
    }
    let at = lineStart;
    let count = 0;
    let keepEnd = -1;
    for (let end = markerEnd(source, at); end !== -1 && end <= lineEnd; end = markerEnd(source, at)) {
      at = end;
      count++;
      if (count === limit) keepEnd = at;
    }
    if (count > limit && keepEnd !== -1 && !THEMATIC_BREAK.test(source.slice(lineStart, lineEnd))) {
      parts.push(source.slice(copied, keepEnd));
      cuts.push({ at: keepEnd - removed, length: at - keepEnd });
      lineOffsets.push(lineStart);
      removed += at - keepEnd;
      copied = at;
    }
    // Brackets open across the lines of a paragraph; a blank line ends it.
    if (/^[ \t]*$/.test(source.slice(at, lineEnd))) bracketDepth = 0;
    for (let q = at; q < lineEnd; q++) {
      const code = source.charCodeAt(q);
      if (code === 92 /* \ */) q++;
      else if (code === 93 /* ] */) bracketDepth = Math.max(0, bracketDepth - 1);
      else if (code === 91 /* [ */) {
        if (bracketDepth >= limit && q - 1 >= Math.max(at, copied) && source.charCodeAt(q - 1) === 33 /* ! */) {
          parts.push(source.slice(copied, q - 1));
          cuts.push({ at: q - 1 - removed, length: 1 });
          imageOffsets.push(q - 1);
          removed += 1;
          copied = q;
        }
        bracketDepth++;
      }
    }
    lineStart = ending ? ending.index + ending[0].length : source.length + 1;
  }
  if (cuts.length === 0) return { text: source, cuts, lineOffsets, indentOffsets, imageOffsets };
  parts.push(source.slice(copied));
  return { text: parts.join(''), cuts, lineOffsets, indentOffsets, imageOffsets };
}

/* ------------------------------------------------------------------------------------------------
 * Flattening the tree
 * --------------------------------------------------------------------------------------------- */

/** What text a node's end adds when its subtree is flattened: a line per block, a tab per cell. */
const SEPARATOR_AFTER: { [type: string]: string } = {
  paragraph: '\n',
  heading: '\n',
  listItem: '\n',
  code: '\n',
  math: '\n',
  tableRow: '\n',
  tableCell: '\t',
  break: '\n',
};

/** Text of an mdast subtree, without recursion (the subtree may be thousands of levels deep). */
export function mdastText(root: M.Nodes): string {
  const parts: string[] = [];
  const stack: (M.Nodes | string)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop() as M.Nodes | string;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    const separator = SEPARATOR_AFTER[item.type];
    if (separator) stack.push(separator);
    if (item.type === 'html' || item.type === 'yaml') continue;
    if ('value' in item && typeof item.value === 'string') parts.push(item.value);
    else if (item.type === 'image' || item.type === 'imageReference') parts.push(item.alt ?? '');
    if ('children' in item) {
      const children = item.children as M.Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as M.Nodes);
    }
  }
  return parts
    .join('')
    .replace(/[ \t]*\n\s*/g, '\n')
    .trim();
}

const PHRASING_PARENTS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);
const TABLE_PARTS = new Set(['tableRow', 'tableCell']);

export interface FlattenOptions {
  maxDepth: number;
  /** Called once per flattened subtree, with the subtree's position. */
  onFlatten: (position: M.Node['position']) => void;
}

/**
 * Replaces every subtree that starts deeper than `maxDepth` by its text (a paragraph at block
 * level, a text node inline), walking with an explicit stack. Runs as the first mdast transform,
 * before the GFM transforms, which recurse per level.
 */
export function flattenTooDeep(root: M.Root, options: FlattenOptions): void {
  const stack: { node: M.Parent; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as (typeof stack)[number];
    const children = node.children as M.Nodes[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as M.Nodes;
      if (!('children' in child)) continue;
      // Table rows and cells stay where they are: a table is flattened whole or not at all.
      if (depth + 1 < options.maxDepth || TABLE_PARTS.has(child.type)) {
        stack.push({ node: child, depth: depth + 1 });
        continue;
      }
      options.onFlatten(child.position);
      const position = child.position;
      const text: M.Text = { type: 'text', value: mdastText(child), ...(position ? { position } : {}) };
      const paragraph: M.Paragraph = { type: 'paragraph', children: [text], ...(position ? { position } : {}) };
      if (PHRASING_PARENTS.has(child.type)) children[index] = text;
      else if (child.type === 'listItem') children[index] = { type: 'listItem', children: [paragraph] };
      else children[index] = paragraph;
    }
  }
}
