/**
 * Pass `ordinals`: reads the Chinese or Arabic ordinal at the start of headings and paragraphs.
 * - A heading gets `ordinal`; its text keeps the marker (`四十、市自然资源和规划局` is what a reader sees).
 * - A paragraph that is a short ordinal line with no body (`一、经济运行总体平稳`) becomes a heading.
 * - Any other paragraph that starts with an ordinal becomes an `item`; the marker leaves the text
 *   for `ordinal.marker` (the run-in title is the next pass's business).
 *
 * Depth of a heading made from a line: the depth Markdown headings with the same ordinal level have
 * in this document (`## 四十、…` makes level 1 depth 2); failing that, counted from the nearest
 * level that has one; failing that, level 1 sits at the depth of the shallowest unnumbered heading,
 * or just below the title heading, or at 1.
 */
import type { BlockContent, Document, Heading, Item, Ordinal, Paragraph } from '../ast.js';
import { mapBlockLists } from './blocks.js';
import { isBoldLine, MAX_BOLD_HEADING } from './bold-lines.js';
import { characterCount, INDENT_CHARS, isLayoutRow, trimLayout } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { ordinalHeading } from './heading-lines.js';
import { matchOrdinal, type OrdinalMatch } from './ordinal-marker.js';
import { dropEmpty, head, phrasingText, splitPhrasing, trimPhrasingStart } from './phrasing.js';
import { articleClauses, lastHeldNumber, ordinalRank, siblingRuns } from './sibling-runs.js';
import { titleHeading } from './title.js';

type Depth = Heading['depth'];

const LEADING_INDENT = new RegExp(`^[${INDENT_CHARS}]+`);

function clampDepth(depth: number, minimum = 1): Depth {
  return Math.max(minimum, Math.min(6, depth)) as Depth;
}

/** How deep a heading made from an ordinal line of each level goes, learnt from the document's headings. */
export function headingDepths(document: Document): (level: number) => Depth {
  const title = titleHeading(document);
  const below = title ? title.depth + 1 : 1;
  const known = new Map<number, number>();
  let unnumbered = Number.POSITIVE_INFINITY;
  for (const block of document.children) {
    if (block.type !== 'heading' || block === title) continue;
    const level =
      block.ordinal?.level ?? matchOrdinal(phrasingText(block.children), { context: 'heading' })?.ordinal.level;
    // An unnumbered heading as high as the title (an attached document's) holds the sections, not beside them.
    if (level === undefined) {
      if (block.depth >= below) unnumbered = Math.min(unnumbered, block.depth);
    } else if (!known.has(level)) known.set(level, block.depth);
  }
  return (level) => {
    const exact = known.get(level);
    if (exact !== undefined) return clampDepth(exact);
    const levels = [...known.keys()];
    const lower = Math.max(...levels.filter((other) => other < level));
    if (Number.isFinite(lower)) return clampDepth((known.get(lower) as number) + level - lower);
    const higher = Math.min(...levels.filter((other) => other > level));
    if (Number.isFinite(higher)) return clampDepth((known.get(higher) as number) - (higher - level), below);
    const base = Number.isFinite(unnumbered) ? unnumbered : below;
    return clampDepth(base + level - 1);
  };
}

/** A heading made from a paragraph that is a short ordinal line; the text keeps its marker. */
export function headingFromLine(paragraph: Paragraph, match: OrdinalMatch, depth: Depth): Heading {
  const heading: Heading = {
    type: 'heading',
    depth,
    ordinal: match.ordinal,
    children: trimPhrasingStart(paragraph.children, LEADING_INDENT),
  };
  if (paragraph.position) heading.position = paragraph.position;
  return heading;
}

/** An item made from a paragraph that starts with an ordinal: the marker leaves the text. */
export function itemFromParagraph(paragraph: Paragraph, match: OrdinalMatch): Item {
  const item: Item = {
    type: 'item',
    ordinal: match.ordinal,
    children: dropEmpty(splitPhrasing(paragraph.children, match.end)[1]),
  };
  if (paragraph.position) item.position = paragraph.position;
  return item;
}

/** `附件：1.国土资源部…的报告`: the label of a 公文's list of attachments, with its first entry. */
const ATTACHMENT_LIST = /^附\s*件\s*[：:]\s*[1１一][.．、]/;

/** A paragraph a one-sentence numbered line heads is at least this long. */
const MIN_HEADED = 40;

/** What a paragraph that starts with an ordinal may become, before its list is decided. */
interface Candidate {
  match: OrdinalMatch;
  /** A short line with no body: a heading, unless its list says it is an entry. */
  line: boolean;
  /** A bare marker (`第 1 條`) whose text is the next paragraph. */
  bare: boolean;
}

function candidateOf(block: BlockContent, expectedArabic: number): Candidate | null {
  if (block.type !== 'paragraph') return null;
  const text = phrasingText(block.children);
  if (isLayoutRow(text)) return null;
  const options = { context: 'paragraph' as const, expectedArabic };
  const line = ordinalHeading(text, options);
  if (line) return { match: line, line: true, bare: false };
  // A bold numbered line alone heads what follows, whatever it ends with (`**1. 生育支持政策体系：**`).
  const bold =
    isBoldLine(block) && characterCount(trimLayout(text)) <= MAX_BOLD_HEADING ? matchOrdinal(text, options) : null;
  if (bold) return { match: bold, line: true, bare: false };
  const match = matchOrdinal(text, options);
  if (!match) return null;
  return { match, line: false, bare: trimLayout(text.slice(match.end)) === '' };
}

/**
 * Which short numbered lines of the list are entries, not headings. A list decides together: its
 * lines are entries when most of them head nothing (each is followed at once by the next entry, as
 * in `附件：` lists and a code's list of repealed acts), or when most of its members are items with a
 * body (`（三）基本原则` among `（一）…。正文` items).
 */
function entriesOf(
  run: number[],
  candidates: (Candidate | null)[],
  headsContent: (index: number) => boolean,
  members: (index: number) => number,
): Set<number> {
  const lines = run.filter((index) => candidates[index]?.line);
  if (lines.length === 0) return new Set();
  const empty = lines.filter((index) => !headsContent(index));
  const items = run.reduce((count, index) => count + (candidates[index]?.line ? 0 : members(index)), 0);
  return empty.length * 2 > lines.length || items > lines.length ? new Set(lines) : new Set();
}

/** A numbered label over a list is at most this long: `（戊）兑换：收兑生金银及其他货币票据之兑换业务：`. */
const MAX_LABEL_HEADING = 40;

/**
 * Members of a list of headings that are a label ending in a colon over a list of their own
 * (`（戊）兑换：…业务：` among `（甲）存款` … `（丁）工商业投资`): headings like their siblings.
 */
function labelHeadings(
  run: number[],
  candidates: (Candidate | null)[],
  entries: Set<number>,
  headsContent: (index: number) => boolean,
  blocks: BlockContent[],
): number[] {
  const headings = run.filter((index) => candidates[index]?.line && !entries.has(index));
  if (headings.length * 2 <= run.length) return [];
  return run.filter((index) => {
    const block = blocks[index];
    if (candidates[index]?.line || block?.type !== 'paragraph') return false;
    const text = trimLayout(phrasingText(block.children));
    return /[：:]$/.test(text) && characterCount(text) <= MAX_LABEL_HEADING && headsContent(index);
  });
}

/** An item made from a bare marker line and the paragraph after it, its text. */
function itemFromBareMarker(marker: Paragraph, body: Paragraph, match: OrdinalMatch): Item {
  const item: Item = { type: 'item', ordinal: match.ordinal, children: body.children };
  if (marker.position && body.position) item.position = { start: marker.position.start, end: body.position.end };
  return item;
}

export function ordinalsPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const depthFor = headingDepths(document);
  const out = mapBlockLists(document, (blocks) => {
    // The `1.` number due next in this section, to tell item 8 (`8.6个重大专项`) from the amount 8.6;
    // 0 until an item has been seen (`1.5亿元` opening a section is an amount).
    let expectedArabic = 0;
    const candidates = blocks.map((block) => {
      if (block.type === 'heading') expectedArabic = 0;
      const candidate = candidateOf(block, expectedArabic);
      if (!candidate) return null;
      const { ordinal } = candidate.match;
      if (candidate.line) expectedArabic = 0;
      else if (ordinal.style === 'arabic-dot') expectedArabic = ordinal.number + 1;
      else if (ordinal.level < 3) expectedArabic = 0;
      return candidate;
    });
    // A paragraph that runs on into its next siblings' numbers (`(1)…；(2)…；(6)…`) holds them all:
    // the list numbers on from the last (`（7）` is its sibling) and counts each as a member.
    const held = candidates.map((candidate, index) =>
      candidate && !candidate.line && candidate.match.ordinal.style === 'arabic-paren'
        ? lastHeldNumber(candidate.match.ordinal, phrasingText((blocks[index] as Paragraph).children))
        : (candidate?.match.ordinal.number ?? 0),
    );
    const ordinals = candidates.map((candidate, index) =>
      candidate ? { ...candidate.match.ordinal, number: held[index] as number } : null,
    );
    const members = (index: number) => (held[index] as number) - (candidates[index]?.match.ordinal.number ?? 0) + 1;
    const breaks = blocks.map((block) => block.type === 'heading');
    // A line heads content when what follows it is not a number of the same or a higher rank.
    const headsContent = (index: number) => {
      const next = blocks[index + 1];
      if (!next || next.type === 'heading') return false;
      const own = ordinals[index] as Ordinal;
      const following = ordinals[index + 1];
      // A list that starts right under the line is its content, whatever the styles' usual order
      // (`１、定期存款` over `一、利息…` in an old text).
      if (following) {
        return ordinalRank(following) > ordinalRank(own) || (following.style !== own.style && following.number === 1);
      }
      // A line that is a sentence (`一、依…規定辦理。`) heads only a paragraph of text, not a short line.
      const sentence = /。$/.test(trimLayout(phrasingText((blocks[index] as Paragraph).children)));
      return (
        !sentence || next.type !== 'paragraph' || characterCount(trimLayout(phrasingText(next.children))) >= MIN_HEADED
      );
    };
    const entries = articleClauses(ordinals, breaks);
    for (const run of siblingRuns(ordinals, breaks)) {
      // A list that goes on from `附件：1.…` (its first entry on the label's line) is the list of attachments.
      const before = blocks[(run[0] as number) - 1];
      const attachments =
        before?.type === 'paragraph' && ATTACHMENT_LIST.test(trimLayout(phrasingText(before.children)));
      for (const index of attachments ? run : entriesOf(run, candidates, headsContent, members)) entries.add(index);
      for (const index of labelHeadings(run, candidates, entries, headsContent, blocks)) {
        candidates[index] = { ...(candidates[index] as Candidate), line: true };
      }
    }
    if (candidates.every((candidate) => candidate === null) && !breaks.includes(true)) return blocks;
    const result: BlockContent[] = [];
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index] as BlockContent;
      const candidate = candidates[index];
      if (block.type === 'heading') {
        const match = matchOrdinal(phrasingText(block.children), { context: 'heading' });
        result.push(match ? { ...block, ordinal: match.ordinal } : block);
        continue;
      }
      if (!candidate || block.type !== 'paragraph') {
        result.push(block);
        continue;
      }
      const text = phrasingText(block.children);
      if (candidate.line && !entries.has(index)) {
        const heading = headingFromLine(block, candidate.match, depthFor(candidate.match.ordinal.level));
        fixes.push({
          kind: 'heading',
          line: startLine(block),
          before: text,
          after: `${'#'.repeat(heading.depth)} ${phrasingText(heading.children)}`,
        });
        result.push(heading);
        continue;
      }
      // A bare marker takes the next paragraph as its text: `第 1 條` over `中華民國基於三民主義…`.
      const next = blocks[index + 1];
      const body = candidate.bare && next?.type === 'paragraph' && candidates[index + 1] === null ? next : null;
      const item = body ? itemFromBareMarker(block, body, candidate.match) : itemFromParagraph(block, candidate.match);
      if (body) index++;
      fixes.push({
        kind: 'item',
        line: startLine(block),
        before: head(text, 20),
        after: `[${candidate.match.ordinal.marker}] ${head(phrasingText(item.children), 16)}`,
      });
      result.push(item);
    }
    return result;
  });
  return { document: out, fixes };
}
