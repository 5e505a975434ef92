/**
 * Pass `headings`: lines that head what follows without a number or a Markdown mark. It runs after
 * the `ordinals` pass, which reads numbered lines (a bold numbered line alone is a heading there).
 * - A bold line standing alone (`**2025年基层落实的重点与成效**：`), which AI chat tools write for
 *   the level below their `###`.
 * - A short line between paragraphs, with no punctuation (`2024年工作回顾`, `关于教育改革问题`), or
 *   a short label ending in a colon over a list (`說　　明：`).
 * Either goes one level below the last heading the source or its numbers made, or at the level of
 * the body's top sections before any.
 * - After a closing (a date line), the title of an attached document (`国家职业教育改革实施方案`):
 *   a heading above the body's sections, which then nest under it.
 * A caption (`表2 …`) or a frame element (a signature, a salutation, a date) is none of these.
 */
import type { BlockContent, Document, Heading, Ordinal, Paragraph } from '../ast.js';
import { isBoldLine, MAX_BOLD_HEADING } from './bold-lines.js';
import {
  CAPTION,
  characterCount,
  isLayoutRow,
  PARAGRAPH_END,
  SENTENCE_END,
  trimLayout,
  withoutSpaces,
} from './characters.js';
import { frameElementOf, isDateLine, isPaperSubtitle } from './elements.js';
import { type Fix, startLine } from './fix.js';
import { matchOrdinal, type OrdinalMatch } from './ordinal-marker.js';
import { headingDepths, headingFromLine } from './ordinals.js';
import { dropEmpty, head, phrasingText, splitPhrasing, trimPhrasingStart } from './phrasing.js';
import { titleGoesOn, titleHeading } from './title.js';

type Depth = Heading['depth'];

/** A plain line is a heading up to this long. */
const MAX_PLAIN_HEADING = 25;
/** A label (`說明：`), spaces removed. */
const LABEL = /^\p{Script=Han}+[：:]$/u;
/** A label heading (`公告事項：`) is this short. */
const MAX_LABEL = 6;
/** The paragraph a plain heading line heads is at least this long. */
const MIN_BODY_AFTER = 40;
/** Or, when it ends a sentence, at least this long. */
const MIN_SENTENCES_AFTER = 20;

function textOf(block: Paragraph): string {
  return trimLayout(phrasingText(block.children));
}

/** A line that can be (part of) a title: short, no sentence or clause in it. */
function isTitleLine(text: string): boolean {
  return text !== '' && characterCount(text) <= MAX_BOLD_HEADING && !/[。，；：！？,;:!?]/.test(text);
}

/** A short line with no punctuation in it, or a short label and a colon. */
function isPlainHeadingLine(text: string): boolean {
  if (text === '' || text.includes('\n') || characterCount(text) > MAX_PLAIN_HEADING || isLayoutRow(text)) return false;
  const label = text.replace(/[\s\u3000]/g, '');
  // A label (`說明：`, `公告事項：`), not a clause that leads on (`将引言修改为：`).
  if (LABEL.test(label)) return characterCount(label) - 1 <= MAX_LABEL && !/[为為如下是]：$/.test(label);
  // A line of quoted text (the new wording an amendment quotes) is not a heading.
  if (/^[“「『"]/.test(text)) return false;
  return !/[。，；：！？,;:!?…]/.test(text) && /\p{Script=Han}/u.test(text);
}

/** What heads content: a long paragraph, a list, an item or a numbered line below it. */
function isBodyAfter(block: BlockContent | undefined): boolean {
  if (!block) return false;
  if (block.type === 'list' || block.type === 'item' || block.type === 'table') return true;
  if (block.type !== 'paragraph') return false;
  const text = textOf(block);
  const length = characterCount(text);
  // A paragraph of text, or a sentence or two of it (`日本的阁潮，经过了几度风波之后，…结束了。`).
  return (
    length >= MIN_BODY_AFTER ||
    (length >= MIN_SENTENCES_AFTER && SENTENCE_END.has(text.slice(-1))) ||
    matchOrdinal(text) !== null
  );
}

/** The block before ends a paragraph, is a heading or the title repeated: the line stands apart. */
function standsApart(block: BlockContent | undefined, titleText: string | null): boolean {
  if (block?.type !== 'paragraph') return true;
  const text = textOf(block);
  return (
    PARAGRAPH_END.has(text.slice(-1)) ||
    frameElementOf(text) !== null ||
    isDateLine(text) ||
    withoutSpaces(text) === titleText
  );
}

/** The numbers of a paper's section number (`1.2` → 1, 2). */
function sectionNumbers(ordinal: Ordinal): number[] {
  return ordinal.marker.trim().split(/[.．]/).map(Number);
}

/**
 * A short line that is the next section of a paper's numbering (`2…` after `1.2`, `3.3` after `3.2`):
 * OCR lost its heading mark. The numbering is the evidence, whatever stands before it (a figure's
 * caption often does). Returns its ordinal, or `null`.
 */
function missingSection(text: string, last: Ordinal | null): OrdinalMatch | null {
  if (last === null || !isPlainHeadingLine(text)) return null;
  const match = matchOrdinal(text, { context: 'heading' });
  if (match?.ordinal.style !== 'decimal') return null;
  const numbers = sectionNumbers(match.ordinal);
  const before = sectionNumbers(last).slice(0, numbers.length);
  if (before.length < numbers.length) return null;
  const expected = [...before.slice(0, -1), (before[before.length - 1] as number) + 1];
  return expected.join('.') === numbers.join('.') ? match : null;
}

/** The most title lines an attached document opens with (its title, a schedule's name, a part's). */
const MAX_ATTACHED_TITLE_LINES = 3;
/** The longest of them, a note in brackets included. */
const MAX_ATTACHED_TITLE = 100;

/** A line of an attached document's title: short, no clause outside its brackets, not a bracketed note. */
function isAttachedTitleLine(text: string): boolean {
  if (text === '' || characterCount(text) > MAX_ATTACHED_TITLE || /^[（(【[].*[）)】\]]$/.test(text)) return false;
  const outside = text.replace(/[（(][^（()）]*[）)]/g, '');
  return (
    characterCount(outside) <= MAX_BOLD_HEADING &&
    !/[。，；：！？,;:!?]/.test(outside) &&
    /\p{Script=Han}/u.test(outside) &&
    !matchOrdinal(text)
  );
}

/** How many title lines open an attached document at `index` (`修正「…」` / `附表二` / `第二級毒品（…）`), over its body; 0 when none. */
function attachedTitleRun(blocks: BlockContent[], index: number): number {
  let run = 0;
  while (run < MAX_ATTACHED_TITLE_LINES) {
    const block = blocks[index + run];
    if (block?.type !== 'paragraph' || block.element || !isAttachedTitleLine(textOf(block))) break;
    run++;
  }
  return run > 0 && isBodyAfter(blocks[index + run]) ? run : 0;
}

/** How far below a line the first numbered heading under it may stand (an introduction between). */
const MAX_PART_LEAD = 3;

/**
 * The depth of the next heading, when it is numbered one and stands right under the line or after a
 * paragraph or two (`2021年工作计划` / `2021年是…` / `一、以创新为核…`): a list starts under the line.
 */
function partDepth(blocks: BlockContent[], index: number): Depth | null {
  for (const block of blocks.slice(index + 1, index + 1 + MAX_PART_LEAD)) {
    if (block.type === 'heading') return block.ordinal?.number === 1 ? block.depth : null;
    if (block.type !== 'paragraph') return null;
  }
  return null;
}

/** How near the start a headline repeated and glued to the next line is looked for. */
const FRAME_LINES = 8;

/**
 * A paragraph that opens with the title repeated and goes on with other text, as the title and
 * the rest; `null` otherwise. Spaces in the paragraph (a database's indent) are skipped over.
 */
function splitRepeatedTitle(block: Paragraph, titleText: string): [Paragraph, Paragraph] | null {
  const text = phrasingText(block.children);
  let matched = 0;
  let at = 0;
  while (at < text.length && matched < titleText.length) {
    const char = text[at] as string;
    if (/\s/.test(char)) at++;
    else if (char === titleText[matched]) {
      at++;
      matched++;
    } else return null;
  }
  if (matched < titleText.length || trimLayout(text.slice(at)) === '') return null;
  const [title, rest] = splitPhrasing(block.children, at);
  const parts: [Paragraph, Paragraph] = [
    { type: 'paragraph', children: dropEmpty(title) },
    { type: 'paragraph', children: trimPhrasingStart(dropEmpty(rest), /^[\s\u3000]+/) },
  ];
  // Both stand on the line the paragraph started on.
  if (block.position) for (const part of parts) part.position = block.position;
  return parts;
}

/** The fix that records a line read as a heading: the line as it was, the heading as Markdown. */
function headingFix(heading: Heading, before: string): Fix {
  return {
    kind: 'heading',
    line: startLine(heading),
    before,
    after: `${'#'.repeat(heading.depth)} ${phrasingText(heading.children)}`,
  };
}

/** One heading of one or two lines (a title set on two lines keeps its break). */
function joinedHeading(lines: Paragraph[], depth: Depth): Heading {
  const [first, second] = lines as [Paragraph, Paragraph | undefined];
  const heading = asHeading(first, depth);
  if (!second) return heading;
  heading.children = [...first.children, { type: 'break' }, ...second.children];
  if (first.position && second.position) heading.position = { start: first.position.start, end: second.position.end };
  return heading;
}

function asHeading(block: Paragraph, depth: Depth): Heading {
  const heading: Heading = { type: 'heading', depth, children: block.children };
  if (block.position) heading.position = block.position;
  return heading;
}

/** A journal's running head (`第51卷第9期 2007年9月`), which OCR may write as a heading. */
const RUNNING_HEAD =
  /^(?:\S{0,20}\s*)?第\s*[0-9]{1,4}\s*卷\s*(?:第\s*[0-9]{1,3}\s*期)?\s*(?:[0-9]{4}\s*年\s*[0-9]{1,2}\s*月)?$|^Vol\.?\s*\d+/i;
/** A table-of-contents placeholder (`[TOC]`, `[[_TOC_]]`), which the heading above labels. */
const TOC_PLACEHOLDER = /^\[\[?_?toc_?\]?\]/i;
/** A parallel title in English (a Chinese paper's English title, over its English abstract) has this many words at least. */
const MIN_PARALLEL_TITLE_WORDS = 4;

/** A heading in Latin letters only, in a document whose headings are Chinese: an English parallel title. */
function isParallelTitle(text: string, hanHeadings: number, headings: number): boolean {
  if (/\p{Script=Han}/u.test(text) || matchOrdinal(text, { context: 'heading' })) return false;
  const words = text.match(/[A-Za-z]{2,}/g) ?? [];
  return words.length >= MIN_PARALLEL_TITLE_WORDS && hanHeadings * 2 > headings;
}

/**
 * Headings of the page, not of the text: an English parallel title, a journal's running head, the
 * label of a table of contents (`## 目錄` over `[TOC]`), and a column label right above the title (`# 转型与发展` over `# 中国经济转型的路径分析`). OCR writes
 * them all as `#`; they become paragraphs again, so that they stay in the text but out of the outline.
 */
function withoutPageHeadings(document: Document, fixes: Fix[]): Document {
  const blocks = document.children;
  const headings = blocks.filter((block): block is Heading => block.type === 'heading');
  const hanHeadings = headings.filter((heading) => /\p{Script=Han}/u.test(phrasingText(heading.children))).length;
  const title = titleHeading(document);
  const titleAt = title ? blocks.indexOf(title) : -1;
  const label = blocks[titleAt - 1];
  let changed = false;
  const children = blocks.map((block, index): BlockContent => {
    if (block.type !== 'heading' || block === title) return block;
    const text = trimLayout(phrasingText(block.children));
    const columnLabel = block === label && block === headings[0] && block.depth === title?.depth;
    const next = blocks[index + 1];
    const tocLabel = next?.type === 'paragraph' && TOC_PLACEHOLDER.test(trimLayout(phrasingText(next.children)));
    if (!columnLabel && !tocLabel && !RUNNING_HEAD.test(text) && !isParallelTitle(text, hanHeadings, headings.length))
      return block;
    changed = true;
    fixes.push({ kind: 'heading', line: startLine(block), before: `${'#'.repeat(block.depth)} ${text}`, after: text });
    const paragraph: Paragraph = { type: 'paragraph', children: block.children };
    if (block.position) paragraph.position = block.position;
    return paragraph;
  });
  return changed ? { ...document, children } : document;
}

export function headingsPass(input: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const document = withoutPageHeadings(input, fixes);
  // A copy: a headline glued to the line after it is split into two blocks here.
  const blocks = [...document.children];
  const title = titleHeading(document);
  const topDepth = headingDepths(document)(1);
  const titleText = title ? withoutSpaces(phrasingText(title.children)) : null;
  // The depth of the last heading the source or its numbers made: a line this pass reads as a
  // heading goes one below it (`关于教育改革问题` inside `二、关于社会主义建设`), never below another such line.
  let sectionDepth = 0;
  let closed = false;
  let lastSection: Ordinal | null = null;
  // The body starts at its first heading, list or paragraph of prose; above it is the title's frame.
  let bodyStarted = false;
  const topDepthFor = headingDepths(document);
  const out: BlockContent[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as BlockContent;
    const previous = blocks[index - 1];
    if (block.type === 'heading') {
      if (block !== title) {
        sectionDepth = block.depth;
        bodyStarted = true;
      }
      if (block.ordinal?.style === 'decimal') lastSection = block.ordinal;
      out.push(block);
      continue;
    }
    if (block.type !== 'paragraph' || block.element) {
      if (block.type !== 'thematicBreak') bodyStarted = true;
      out.push(block);
      continue;
    }
    const text = textOf(block);
    if (characterCount(text) >= MIN_BODY_AFTER || SENTENCE_END.has(text.slice(-1))) bodyStarted = true;
    const next = blocks[index + 1];
    // An attachment's title stands under its label (`附件1`), on one line or two.
    if (previous?.type === 'heading' && previous.ordinal?.style === 'attachment' && isTitleLine(text)) {
      const second =
        next?.type === 'paragraph' && isTitleLine(textOf(next)) && titleGoesOn(text, textOf(next)) ? next : null;
      const heading = joinedHeading(second ? [block, second] : [block], previous.depth);
      if (second) index++;
      fixes.push(headingFix(heading, text));
      out.push(heading);
      continue;
    }
    // A date or a signature closes a text (an attached document's title may follow); one in the frame dates it.
    if ((isDateLine(text) || frameElementOf(text) === 'byline') && bodyStarted) closed = true;
    if (previous === title && isPaperSubtitle(text)) {
      out.push(block);
      continue;
    }
    // `2测量与控制系统设计` between `# 1.2 …` and `# 2.1 …`: a section OCR did not mark as a heading.
    const section = missingSection(text, lastSection);
    if (section) {
      const heading = headingFromLine(block, section, topDepthFor(section.ordinal.level));
      lastSection = section.ordinal;
      fixes.push(headingFix(heading, text));
      out.push(heading);
      continue;
    }
    // The title repeated and glued to the line after it (`电讯要简练新华社各地总分社…：`) is split from it.
    const glued = titleText !== null && index <= FRAME_LINES ? splitRepeatedTitle(block, titleText) : null;
    if (glued) {
      fixes.push({ kind: 'paragraph-split', line: startLine(block), before: head(text, 12), after: '2 paragraphs' });
      out.push(glued[0]);
      blocks.splice(index + 1, 0, glued[1]);
      continue;
    }
    if (CAPTION.test(text) || frameElementOf(text) !== null || isDateLine(text) || matchOrdinal(text)) {
      out.push(block);
      continue;
    }
    // After the closing, the title lines of an attached document, each heading the next, over its body.
    const run = closed ? attachedTitleRun(blocks, index) : 0;
    if (run > 1) {
      const base = Math.max(1, topDepth - 1);
      const lines = blocks.slice(index, index + run) as Paragraph[];
      // The title itself may be set on two lines (`常州市发展和改革委员会` / `2020年工作总结和2021年工作计划`).
      const titleLines = titleGoesOn(textOf(lines[0] as Paragraph), textOf(lines[1] as Paragraph)) ? 2 : 1;
      const headings = [joinedHeading(lines.slice(0, titleLines), base as Depth)];
      lines.slice(titleLines).forEach((line, at) => {
        headings.push(asHeading(line, Math.min(6, base + 1 + at) as Depth));
      });
      for (const heading of headings) {
        fixes.push(headingFix(heading, phrasingText(heading.children)));
        out.push(heading);
      }
      index += run - 1;
      sectionDepth = (headings[headings.length - 1] as Heading).depth;
      closed = false;
      continue;
    }
    // The title repeated under itself (a database prints the headline twice) is not a heading.
    if (titleText !== null && withoutSpaces(text) === titleText) {
      out.push(block);
      continue;
    }
    let depth: number | null = null;
    if (isBoldLine(block) && characterCount(text) <= MAX_BOLD_HEADING && isBodyAfter(next)) {
      depth = Math.max(sectionDepth + 1, topDepth);
    } else if (
      isPlainHeadingLine(text) &&
      standsApart(previous, titleText) &&
      // After the closing, an attached document's title may stand right over its first section (`一、…`).
      (isBodyAfter(next) || (closed && next?.type === 'heading' && next.ordinal?.number === 1)) &&
      // A database's empty field above the body (`专栏：`) labels nothing.
      (bodyStarted || !LABEL.test(withoutSpaces(text)))
    ) {
      // The title of a document attached after the closing heads that document's sections; a line
      // over sections numbered from one again (`2021年工作计划` over `一、…`) stands where they do.
      const part = partDepth(blocks, index);
      depth = closed
        ? Math.max(1, topDepth - 1)
        : part !== null
          ? part
          : sectionDepth === 0
            ? topDepth
            : sectionDepth + 1;
      if (closed) sectionDepth = 0;
      closed = false;
    }
    if (depth === null) {
      out.push(block);
      continue;
    }
    const heading = asHeading(block, Math.min(6, depth) as Depth);
    fixes.push(headingFix(heading, text));
    out.push(heading);
  }
  if (fixes.length === 0) return { document, fixes };
  return { document: { ...document, children: out }, fixes };
}
