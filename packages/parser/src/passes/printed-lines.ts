/**
 * Paragraphs run together by line layout. Text taken from a PDF keeps each printed line, often with
 * a hard break at its end (`…收单机  ⏎构应当…`), and shows where a paragraph starts only by how
 * lines end and begin. Inside one paragraph of the source, a line starts a new paragraph when
 * - it starts with a wide indent (`&emsp;&emsp;`, U+3000) and so did the paragraph's first line, or
 *   it follows a hard break; or
 * - in a paragraph of printed lines (three or more hard breaks, lines of body width), the line
 *   before it ends a sentence or clause (`。；：`) and is short of the full width, or it starts with
 *   an ordinal (`（二）`, `2.`).
 * - in a paragraph of lines never wrapped (some run far past any page's width: a database that
 *   puts one paragraph on each line), the line before it ends a sentence, or is a short line with
 *   no punctuation that starts a paragraph (a heading line), or the line starts with an ordinal.
 * - every line is a field (`日期: 2025-09-11`, a date, `第1版()`, a byline): one field a line.
 * - the paragraph's lines are numbered (`(1) …` / `(2) …`, no blank line between): one item a number.
 * The other hard breaks of a paragraph of printed lines are where the page wrapped: they become
 * soft breaks, which the `cjkLineBreaks` pass removes between CJK characters. Part of the
 * `brokenParagraphs` pass: both say where paragraphs really begin.
 */
import type { Paragraph, PhrasingContent, Position } from '../ast.js';
import { displayWidth, isWide, PARAGRAPH_END, SENTENCE_END, trimLayout, WIDE_SPACE_CHARS } from './characters.js';
import { frameElementOf, isDateLine, isSignatureLine, PRINT_PAGE } from './elements.js';
import { matchOrdinal } from './ordinal-marker.js';
import { dropEmpty, phrasingText, splitPhrasing } from './phrasing.js';

/** An indent a Markdown reader keeps at a line start: a wide space, or two plain ones in plain text. */
const INDENTED = new RegExp(`^(?:[${WIDE_SPACE_CHARS}]|[ \\t]{2})`);

/** Hard breaks that make a paragraph one of printed lines, and the body width its lines reach. */
const MIN_HARD_BREAKS = 3;
const MIN_LINE_WIDTH = 40;

/** A field and its value: `日期: 2025-09-11`, `**版本**: 现行有效`, `专栏：` (empty). */
const LABELLED_LINE = /^[^\s：:]{1,8}[：:]/;

/** A line of a block of fields: a labelled field, a date, the page printed on, a byline. */
function isFieldLine(line: string): boolean {
  return LABELLED_LINE.test(line) || PRINT_PAGE.test(line) || isDateLine(line) || frameElementOf(line) === 'byline';
}

/** The most lines a paragraph laid out as printed lines may have. */
const MAX_LINES = 1000;

function countLines(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1 && count <= MAX_LINES; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** A line this wide (in half-width units) was never wrapped to a page, when this share of the lines end a paragraph. */
const UNWRAPPED_LINE = 120;
const UNWRAPPED_ENDS = 0.6;

/** A heading line among unwrapped lines: short, no punctuation after its number (`１、工商业放款`). */
function isHeadingLine(text: string): boolean {
  const rest = text.slice(matchOrdinal(text)?.end ?? 0);
  return rest !== '' && displayWidth(text) <= 50 && !/[。，；：！？,;:!?、]/.test(rest);
}

const CONTINUES = /^[。，、；：！？）」』”’]/;

/**
 * The share of lines that end a sentence or clause, leaving out the heading lines at the top (a
 * title set on two lines) and a short line at the bottom (who signs): lines of their own by nature.
 */
function endingShare(lines: readonly Line[]): number {
  const texts = lines.map((line) => trimLayout(line.text));
  // A line that opens with a sentence's punctuation (`。蘇聯根據…` after a link extracted onto its own
  // line) goes on from the one before: these breaks are not paragraph ends.
  if (texts.some((text) => CONTINUES.test(text))) return 0;
  let first = 0;
  while (first < texts.length - 1 && isHeadingLine(texts[first] as string)) first++;
  const last =
    texts.length > first + 1 && isHeadingLine(texts[texts.length - 1] as string) ? texts.length - 1 : texts.length;
  const body = texts.slice(first, last);
  return body.filter((text) => PARAGRAPH_END.has(text.slice(-1))).length / body.length;
}

/** The most lines that sign one text over its date (several bodies may sign). */
const MAX_CLOSING_SIGNATURES = 6;

/**
 * How many lines at the end of a paragraph are its closing: a last line that is only a date, with
 * the signature lines right above it (at least one); 0 when the paragraph does not end so.
 */
function closingLines(lines: readonly Line[]): number {
  if (lines.length < 2 || !isDateLine(trimLayout((lines[lines.length - 1] as Line).text))) return 0;
  let count = 1;
  while (
    count <= MAX_CLOSING_SIGNATURES &&
    count < lines.length &&
    isSignatureLine(trimLayout((lines[lines.length - 1 - count] as Line).text))
  ) {
    count++;
  }
  if (count === 1) return 0;
  // The line above ends its sentence (`特此通知。`), and the first signer is a name, not a clause cut
  // before its date (`会议定于` / `2025年3月1日`).
  const above = lines[lines.length - 1 - count];
  const first = trimLayout((lines[lines.length - count] as Line).text);
  if (above && !PARAGRAPH_END.has(trimLayout(above.text).slice(-1))) return 0;
  return CLAUSE_END.test(first) ? 0 : count;
}

/** A function word a clause cut before what follows ends with; a name does not. */
const CLAUSE_END = /[于於在的和与與及对對从從向为為是将將把被至到截止]$/;

/**
 * The lines grouped at each line that numbers on from the first line's ordinal (`(1)`, `(2)`, …; a
 * line without the next number goes on the one before), or `null` when no line numbers on.
 */
function numberedGroups(lines: Line[]): Line[][] | null {
  const first = matchOrdinal(trimLayout((lines[0] as Line).text))?.ordinal;
  if (!first) return null;
  let expected = first.number + 1;
  const groups: Line[][] = [[lines[0] as Line]];
  for (const line of lines.slice(1)) {
    const ordinal = matchOrdinal(trimLayout(line.text))?.ordinal;
    if (ordinal?.style === first.style && ordinal.number === expected) {
      groups.push([line]);
      expected++;
    } else (groups[groups.length - 1] as Line[]).push(line);
  }
  return groups.length > 1 ? groups : null;
}

/** A line this much shorter than a full line ends before the right margin: a paragraph's last line. */
const SHORT_LINE = 0.85;

/** The width of a full line: most printed lines run to the margin (the 80th percentile; last lines are shorter). */
function fullWidth(widths: readonly number[]): number {
  const sorted = [...widths].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * 0.8)] ?? 0;
}

/** Whether CJK characters are at least as many as Latin letters and digits. */
function mostlyWide(text: string): boolean {
  let wide = 0;
  let narrow = 0;
  for (const char of text) {
    if (isWide(char)) wide++;
    else if (/[A-Za-z0-9]/.test(char)) narrow++;
  }
  return wide >= narrow;
}

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
  // Each line is cut from the whole run, so that a line of a text node spanning several keeps
  // the position its node's start or end gives it.
  const slice = (from: number, to: number) => splitPhrasing(splitPhrasing(nodes, to)[0], from)[1];
  const lines: Line[] = [];
  let start = 0;
  for (const end of ends) {
    lines.push({ nodes: slice(start, end.at), text: text.slice(start, end.at), hard: end.hard });
    start = end.at + 1;
  }
  lines.push({ nodes: slice(start, text.length), text: text.slice(start), hard: false });
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
  // A page holds a few dozen lines: a paragraph of thousands was not laid out by one (and cutting
  // it line by line would take time in the square of its length).
  if (countLines(text) > MAX_LINES) return null;
  const lines = linesOf(paragraph.children);
  // A closing typed under the body's last line (`特此通知。` / `青山市农业农村局` / `2025年3月1日`): who signs
  // and the date, each a paragraph of its own; the lines above are read as they would be without it.
  const closing = closingLines(lines);
  if (closing > 0) {
    const tail = lines.slice(lines.length - closing).map((line) => paragraphOf([line], []));
    const bodyLines = lines.slice(0, lines.length - closing);
    if (bodyLines.length === 0) return tail;
    // The body's text runs to the break before the closing (each break is one character of the text).
    const bodyLength = bodyLines.reduce((length, line) => length + line.text.length + 1, -1);
    const children = dropEmpty(splitPhrasing(paragraph.children, bodyLength)[0]);
    const body: Paragraph = { type: 'paragraph', children };
    const position = phrasingPosition(children);
    if (position) body.position = position;
    return [...(splitLines(body, bodyLines) ?? [body]), ...tail];
  }
  return splitLines(paragraph, lines);
}

/** {@link splitPrintedLines} for a paragraph and its lines, once any closing is cut off. */
function splitLines(paragraph: Paragraph, lines: Line[]): Paragraph[] | null {
  const text = phrasingText(paragraph.children);
  const hardBreaks = lines.filter((line) => line.hard).length;
  const widths = lines.map((line) => displayWidth(trimLayout(line.text)));
  const full = fullWidth(widths);
  const printed = hardBreaks >= MIN_HARD_BREAKS && full >= MIN_LINE_WIDTH;
  const indentedFirst = INDENTED.test(text);
  // Fields one a line (`1946-05-15` over `第1版()` over `专栏：`, `版次: 头版` over `日期: 2025-09-11`,
  // a paper's institutions): a generator's metadata or a title block's lines, each a paragraph.
  if (lines.length > 1 && lines.every((line) => isFieldLine(trimLayout(line.text)))) {
    return lines.map((line) => paragraphOf([line], []));
  }
  // Lines of Latin words with breaks (a figure's labels, a table that extraction flattened) are not Chinese print.
  if (!mostlyWide(text)) return null;
  // Lines far longer than any page's were never wrapped: each is a paragraph of its own, or a heading line.
  const unwrapped = !printed && Math.max(...widths) >= UNWRAPPED_LINE && endingShare(lines) >= UNWRAPPED_ENDS;
  // Numbered lines with no blank line between them (`(1) …` / `(2) …`): each number starts a paragraph.
  const numbered = printed ? null : numberedGroups(lines);
  if (numbered) return numbered.map((group) => paragraphOf(group, [{ type: 'text', value: '\n' }]));
  if (!printed && !indentedFirst && !unwrapped) return null;
  const groups: Line[][] = [[lines[0] as Line]];
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1] as Line;
    const line = lines[index] as Line;
    const ending = trimLayout(previous.text);
    const indented = INDENTED.test(line.text) && (indentedFirst || previous.hard);
    const short = (widths[index - 1] as number) < full * SHORT_LINE;
    const ends = PARAGRAPH_END.has(ending.slice(-1));
    // A line that stops short of the margin ends its paragraph (or is a title or heading line); a
    // line that ends a sentence before a numbered one ends its paragraph even at full width.
    // A short line that ends in a word wanting what follows (`…道路三维模型到` / `生成二维设计图…`) is
    // cut mid-clause, as a title or heading line never is: the paragraph goes on.
    const cut = !ends && CLAUSE_END.test(ending);
    const ended = printed && ((short && !cut) || (ends && matchOrdinal(line.text) !== null));
    // Unwrapped, a line ends its paragraph when it ends a sentence, or when it is a short line with
    // no punctuation standing at the start of a paragraph (a heading line).
    const alone = (groups[groups.length - 1] as Line[]).length === 1 && isHeadingLine(ending);
    // An addressee or salutation (`…各报馆、各救济团体公鉴：`) ends its line as a sentence does.
    const frame = frameElementOf(ending);
    // So does a sentence that introduces a document quoted below it (`原电如下：`).
    const addressed = frame === 'addressee' || frame === 'salutation' || /如下[：:]$/.test(ending);
    const finished =
      unwrapped && (SENTENCE_END.has(ending.replace(/[”’」』）)]+$/, '').slice(-1)) || alone || addressed);
    // Unwrapped, a numbered line starts a paragraph whatever the line before ends with (`…分为四种：` / `二、…`).
    const numbered = unwrapped && matchOrdinal(trimLayout(line.text)) !== null;
    if (indented || ended || finished || numbered) groups.push([line]);
    else (groups[groups.length - 1] as Line[]).push(line);
  }
  if (unwrapped && groups.length === 1) return null;
  if (groups.length === 1 && !printed) return null;
  if (groups.length === 1 && hardBreaks === 0) return null;
  // The lines of a group are one paragraph wrapped by the page: soft breaks between them.
  return groups.map((group) => paragraphOf(group, [{ type: 'text', value: '\n' }]));
}
