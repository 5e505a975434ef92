/**
 * Plain-text reports (`.txt`) → `Document`. Nothing in the text is markup: `*`, `#`, `<` and `|`
 * are characters like any other. Run `structure` on the result, as for Markdown.
 *
 * Paragraphs. Text files come in two kinds, and the reader tells them apart by how often a line is
 * followed by a blank one:
 * - one paragraph per line, no blank lines between (text extracted from Word, `2025-sichuan-gwr`);
 * - paragraphs separated by blank lines, each possibly wrapped over several lines (wiki exports,
 *   where a linked phrase sits on a line of its own). The lines of a block are joined by soft line
 *   breaks (`\n` in the text), which the `cjkLineBreaks` pass resolves.
 * Lines holding only spaces, U+3000 or zero-width characters are blank.
 *
 * Positions: lines and columns as in the file; offsets count in the text after a byte-order mark
 * is dropped and CRLF line ends are made LF.
 *
 * Headings. The first paragraph is the title (a depth-1 heading) when it is a short line with no
 * sentence, clause or ordinal in it (`政府工作报告`), with the line after it when the title is set on
 * two (`国务院关于2018年度` / `国家科学技术奖励的决定`). Numbered lines are the `ordinals` pass's to read,
 * as in Markdown: it decides for each list whether its short lines are headings or entries.
 */
import { AST_VERSION, type BlockContent, type Document, type Heading, type Paragraph, type Point } from './ast.js';
import type { Warning } from './lib/warnings.js';
import { keepXmlCharacters } from './lib/xml-characters.js';
import { characterCount, trimEndWhere, trimLayout } from './passes/characters.js';
import { looksLikeHeading } from './passes/heading-lines.js';
import { matchOrdinal } from './passes/ordinal-marker.js';
import { phrasingText, sliceText } from './passes/phrasing.js';
import { DOCUMENT_KIND, titleGoesOn } from './passes/title.js';

const BLANK = /^[\s\u3000\u200b-\u200d\u2060\ufeff]*$/;

/** Spaces and tabs: what is trimmed from a line (U+3000 is layout, for the layout pass to record). */
const isSpace = (char: string) => char === ' ' || char === '\t';

/** A run of source lines read as one paragraph. */
interface Block {
  /** Line values with spaces and tabs trimmed (U+3000 indents stay: they are the layout pass's to remove). */
  lines: string[];
  /** Index of the first line in the source. */
  first: number;
}

function blocksOf(lines: string[], onePerLine: boolean): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  lines.forEach((line, index) => {
    if (BLANK.test(line)) {
      current = null;
      return;
    }
    const value = trimEndWhere(line.replace(/^[ \t]+/, ''), isSpace);
    if (current && !onePerLine) current.lines.push(value);
    else {
      current = { lines: [value], first: index };
      blocks.push(current);
    }
  });
  return blocks;
}

/** True when most non-blank lines are followed by a blank one: paragraphs are blank-line separated. */
function blankLineSeparated(lines: string[]): boolean {
  let nonBlank = 0;
  let ending = 0;
  lines.forEach((line, index) => {
    if (BLANK.test(line)) return;
    nonBlank++;
    const next = lines[index + 1];
    if (next === undefined || BLANK.test(next)) ending++;
  });
  return nonBlank > 0 && ending / nonBlank > 0.5;
}

function paragraphOf(block: Block, sourceLines: string[], lineStarts: number[]): Paragraph {
  const point = (index: number, column: number): Point => ({
    line: index + 1,
    column: column + 1,
    offset: (lineStarts[index] ?? 0) + column,
  });
  const firstLine = sourceLines[block.first] ?? '';
  const lastIndex = block.first + block.lines.length - 1;
  const lastLine = sourceLines[lastIndex] ?? '';
  const position = {
    start: point(block.first, firstLine.length - firstLine.replace(/^[ \t]+/, '').length),
    end: point(lastIndex, trimEndWhere(lastLine, isSpace).length),
  };
  return { type: 'paragraph', children: [{ type: 'text', value: block.lines.join('\n'), position }], position };
}

/** A 公文's title may run long: `市发展改革委关于印发《…2020年工作总结和2021年工作计划》的通知`. */
const MAX_DOCUMENT_TITLE = 100;

/** Whether a first paragraph reads as the document's title. */
function isTitleLine(text: string): boolean {
  const line = trimLayout(text);
  if (matchOrdinal(text) || /^[—―-]/.test(line)) return false;
  if (looksLikeHeading(text)) return true;
  // A long one names what it is about and the kind of document it is, with no sentence in it.
  return (
    characterCount(line) <= MAX_DOCUMENT_TITLE &&
    !/[。，；！？\n]/.test(line) &&
    /关于|關於/.test(line) &&
    DOCUMENT_KIND.test(line)
  );
}

/** A title, then its subtitle from the dash on, on one line; where the subtitle ends, a byline may follow. */
/**
 * The paragraphs of a title block set on one line, or `null`: `政府工作报告——2024年3月5日在第十四届全国
 * 人民代表大会第二次会议上国务院总理 李强` is the title, the subtitle and the byline.
 */
function splitTitleBlock(paragraph: Paragraph): Paragraph[] | null {
  const node = paragraph.children[0];
  if (paragraph.children.length !== 1 || node?.type !== 'text' || node.value.includes('\n')) return null;
  const text = node.value;
  const dash = text.indexOf('——');
  if (dash < 2 || !isTitleLine(text.slice(0, dash))) return null;
  const delivered = /(?:会议|大会|會議|大會)上/.exec(text.slice(dash));
  const cuts = [dash];
  if (delivered) {
    const end = dash + delivered.index + delivered[0].length;
    if (end < text.length && characterCount(text.slice(end)) <= MAX_BYLINE) cuts.push(end);
  }
  const pieces = [0, ...cuts].map((start, index) => sliceText(node, start, cuts[index] ?? text.length));
  return pieces
    .filter((piece) => piece.value.trim() !== '')
    .map((piece) => {
      const value = piece.value.trim();
      const child = value === piece.value ? piece : { ...piece, value };
      const out: Paragraph = { type: 'paragraph', children: [child] };
      if (piece.position) out.position = piece.position;
      return out;
    });
}

/** A byline after a subtitle on the same line is at most this long (`国务院总理 李强`). */
const MAX_BYLINE = 30;

/**
 * Whether `second` is the second line of a title whose first line is `first` (`国务院关于2018年度` /
 * `国家科学技术奖励的决定`): a title-like line that is not a subtitle (`——…`), a document number
 * (`国发〔2019〕4号`), a byline or a date, where the first line stops inside a phrase or the second
 * ends with the kind of document (`…的通知`).
 */
function continuesTitle(first: string, second: string): boolean {
  const line = trimLayout(second);
  if (!isTitleLine(line) || /^[—―\-（(〔［[]/.test(line) || /[〔［[]\d{4}[〕］\]]\d+号$/.test(line)) return false;
  if (/\d{4}年|[ \u3000]{1,}\S{2,4}$/.test(line)) return false;
  return titleGoesOn(trimLayout(first), line);
}

export interface PlainTextOptions {
  /** Called for characters XML cannot hold, which are replaced (`xml-characters.ts`). */
  onWarning?: (warning: Warning) => void;
}

/** A plain-text report as a document: paragraphs, the title and numbered headings. */
export function parsePlainText(text: string, options: PlainTextOptions = {}): Document {
  const source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const paragraphs = blocksOf(lines, !blankLineSeparated(lines)).map((block) => paragraphOf(block, lines, lineStarts));
  const children: BlockContent[] = [...paragraphs];
  // A title block set on one line (`政府工作报告——2024年3月5日在…会议上国务院总理 李强`): title, subtitle, byline.
  const block = paragraphs[0] ? splitTitleBlock(paragraphs[0]) : null;
  if (block) {
    children.splice(0, 1, ...block);
    paragraphs.splice(0, 1, ...block);
  }
  const first = paragraphs[0];
  if (first && isTitleLine(phrasingText(first.children))) {
    const second = paragraphs[1];
    const twoLines =
      second !== undefined && continuesTitle(phrasingText(first.children), phrasingText(second.children));
    const title: Heading = {
      type: 'heading',
      depth: 1,
      children: twoLines ? [...first.children, { type: 'break' }, ...second.children] : first.children,
    };
    const position =
      twoLines && first.position && second.position
        ? { start: first.position.start, end: second.position.end }
        : first.position;
    if (position) title.position = position;
    children.splice(0, twoLines ? 2 : 1, title);
  }
  const draft: Document = { type: 'document', version: AST_VERSION, meta: {}, children, footnotes: [] };
  const end = lines.length - 1;
  const document: Document = {
    ...draft,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: end + 1, column: (lines[end] ?? '').length + 1, offset: source.length },
    },
  };
  keepXmlCharacters(document, options.onWarning ?? (() => {}));
  return document;
}
