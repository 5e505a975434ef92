/**
 * Paragraphs run together by line layout. Text taken from a PDF keeps each printed line, often with
 * a hard break at its end (`…收单机  ⏎构应当…`), and shows where a paragraph starts only by how
 * lines end and begin. Inside one paragraph of the source, a line starts a new paragraph when
 * - it starts with a wide indent (`&emsp;&emsp;`, U+3000) and so did the paragraph's first line, or
 *   it follows a hard break; or
 * - in a paragraph of printed lines (three or more hard breaks, lines of body width), the line
 *   before it ends a sentence or clause (`。；：`) and is short of the full width, or it starts with
 *   an ordinal (`（二）`, `2.`).
 * The other hard breaks of a paragraph of printed lines are where the page wrapped: they become
 * soft breaks, which the `cjkLineBreaks` pass removes between CJK characters. Part of the
 * `brokenParagraphs` pass: both say where paragraphs really begin.
 */
import type { Paragraph, PhrasingContent, Position } from '../ast.js';
import { characterCount, PARAGRAPH_END, trimLayout, WIDE_SPACE_CHARS } from './characters.js';
import { matchOrdinal } from './ordinal-marker.js';
import { dropEmpty, phrasingText, splitPhrasing } from './phrasing.js';

/** An indent a Markdown reader keeps at a line start: a wide space, or two plain ones in plain text. */
const INDENTED = new RegExp(`^(?:[${WIDE_SPACE_CHARS}]|[ \\t]{2})`);

/** Hard breaks that make a paragraph one of printed lines, and the body width its lines reach. */
const MIN_HARD_BREAKS = 3;
const MIN_LINE_WIDTH = 20;

/** A line this much shorter than the paragraph's widest ends before the right margin: a paragraph's last line. */
const SHORT_LINE = 0.85;

interface Line {
  nodes: PhrasingContent[];
  text: string;
  /** Whether a hard break (not a soft one) ends the line. */
  hard: boolean;
}

/** The lines of a run of phrasing, cut at every line break (hard or soft), breaks removed. */
function linesOf(nodes: readonly PhrasingContent[]): Line[] {
  const text = phrasingText(nodes);
  const ends: { at: number; hard: boolean }[] = [];
  let offset = 0;
  const walk = (list: readonly PhrasingContent[]) => {
    for (const node of list) {
      if (node.type === 'break') ends.push({ at: offset, hard: true });
      if (node.type === 'text') {
        for (let at = node.value.indexOf('\n'); at !== -1; at = node.value.indexOf('\n', at + 1)) {
          ends.push({ at: offset + at, hard: false });
        }
      }
      if ('children' in node && node.type !== 'link') walk(node.children);
      else offset += phrasingText([node]).length;
    }
  };
  walk(nodes);
  const lines: Line[] = [];
  let rest: PhrasingContent[] = [...nodes];
  let consumed = 0;
  for (const end of ends) {
    const [line, after] = splitPhrasing(rest, end.at - consumed);
    const [, remainder] = splitPhrasing(after, 1);
    lines.push({ nodes: line, text: text.slice(consumed, end.at), hard: end.hard });
    rest = remainder;
    consumed = end.at + 1;
  }
  lines.push({ nodes: rest, text: text.slice(consumed), hard: false });
  return lines;
}

/** The span from the first positioned leaf of a run of phrasing to the last one. */
function phrasingPosition(nodes: readonly PhrasingContent[]): Position | undefined {
  const leaves: Position[] = [];
  const walk = (list: readonly PhrasingContent[]) => {
    for (const node of list) {
      if (node.position) leaves.push(node.position);
      else if ('children' in node) walk(node.children);
    }
  };
  walk(nodes);
  const first = leaves[0];
  const last = leaves[leaves.length - 1];
  return first && last ? { start: first.start, end: last.end } : undefined;
}

function paragraphOf(lines: Line[], softBreak: readonly PhrasingContent[]): Paragraph {
  const children: PhrasingContent[] = [];
  lines.forEach((line, index) => {
    if (index > 0) children.push(...softBreak);
    children.push(...line.nodes);
  });
  const paragraph: Paragraph = { type: 'paragraph', children: dropEmpty(children) };
  const position = phrasingPosition(paragraph.children);
  if (position) paragraph.position = position;
  return paragraph;
}

/**
 * The paragraphs a paragraph laid out as printed lines holds, or `null` when it is one paragraph
 * (nothing changes).
 */
export function splitPrintedLines(paragraph: Paragraph): Paragraph[] | null {
  const text = phrasingText(paragraph.children);
  if (!text.includes('\n')) return null;
  const lines = linesOf(paragraph.children);
  const hardBreaks = lines.filter((line) => line.hard).length;
  const widths = lines.map((line) => characterCount(trimLayout(line.text)));
  const widest = Math.max(...widths);
  const printed = hardBreaks >= MIN_HARD_BREAKS && widest >= MIN_LINE_WIDTH;
  const indentedFirst = INDENTED.test(text);
  if (!printed && !indentedFirst) return null;
  const groups: Line[][] = [[lines[0] as Line]];
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1] as Line;
    const line = lines[index] as Line;
    const ending = trimLayout(previous.text);
    const indented = INDENTED.test(line.text) && (indentedFirst || previous.hard);
    const short = (widths[index - 1] as number) < widest * SHORT_LINE;
    const ends = PARAGRAPH_END.has(ending.slice(-1));
    const numbered = matchOrdinal(line.text) !== null;
    // A short line ending a sentence ends its paragraph; a short numbered line is a heading; a line
    // that ends a sentence before a numbered one ends its paragraph even at full width.
    const ended =
      printed &&
      previous.hard &&
      ((short && (ends || numbered || matchOrdinal(ending) !== null)) || (ends && numbered));
    if (indented || ended) groups.push([line]);
    else (groups[groups.length - 1] as Line[]).push(line);
  }
  if (groups.length === 1 && !printed) return null;
  if (groups.length === 1 && hardBreaks === 0) return null;
  // The lines of a group are one paragraph wrapped by the page: soft breaks between them.
  return groups.map((group) => paragraphOf(group, [{ type: 'text', value: '\n' }]));
}
