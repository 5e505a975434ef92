/**
 * Pass `pageMarkers`: newspaper jump lines, `(上接7版)` at the top of a continued article and
 * `(下转9版)` where it breaks off, say where the text comes from and goes to; they are not part of
 * it. A marker that is a whole paragraph (or heading), or that opens or closes a paragraph, before
 * the text begins or after it ends leaves the body for `meta.continuedFrom` / `meta.continuedTo`.
 * One between two paragraphs of text marks where another article begins or continues (an OCR'd
 * journal issue): it stays as a paragraph of its own, the `boundary` element. One in the middle of
 * a sentence stays and `check` reports it.
 *
 * What the pattern allows, from what OCR makes of these lines: half- or full-width or square
 * brackets, mixed (`（上接7版)`), or none for a whole-paragraph marker; spaces anywhere (`( 上接 第 7 版 )`);
 * traditional forms (`下轉`, `續見`); `转`/`接` alone (not `见` alone: `(见第5页)` is a cross-reference); 第 or not; Arabic, full-width or Chinese
 * page numbers and letter sections (`A2`); 版, 页 or the misread 板.
 */
import type { BlockContent, Document, Meta, Paragraph, PhrasingContent } from '../ast.js';
import { mapBlockLists } from './blocks.js';
import { isLayout, trimEndWhere, trimLayout } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { chineseNumber } from './ordinal-marker.js';
import { dropEmpty, phrasingText, splitPhrasing, trimPhrasingStart } from './phrasing.js';

/** The spaces OCR puts between a marker's characters: a few, never a run, which keeps the patterns linear. */
const S = '[\\s\\u3000]{0,2}';
const OPEN = '[(（\\[［【〔]';
const CLOSE = '[)）\\]］】〕]';
const FROM = `(?:上${S}[接承]|接|[续續]${S}[自接]?)`;
const TO = `(?:下${S}[转轉接见見]|[转轉]${S}[至到见見]?|[续續]${S}[见見转轉])`;
const PAGE = `第?${S}(?<page>[A-Za-zＡ-Ｚａ-ｚ]?${S}[0-9０-９]{1,3}|[零〇一二三四五六七八九十百]{1,4}|[A-Za-zＡ-Ｚ])${S}[版页頁板]`;
const BODY = `(?:(?<from>${FROM})|(?<to>${TO}))${S}${PAGE}`;
const MARKER = `${OPEN}${S}${BODY}${S}${CLOSE}`;

/** A marker in brackets, anywhere in a text (what `check` looks for). */
export const BRACKETED_MARKER = new RegExp(MARKER);
const WHOLE = new RegExp(`^${OPEN}?${S}${BODY}${S}${CLOSE}?$`);
const OPENING = new RegExp(`^${MARKER}`);
const CLOSING = new RegExp(`${MARKER}$`);

/** A page-jump marker read from a text. */
export interface PageMarker {
  direction: 'from' | 'to';
  /** The page as a plain string: `"7"`, `"A2"`. */
  page: string;
  /** The marker as written, trimmed. */
  text: string;
}

function markerOf(match: RegExpExecArray): PageMarker {
  const groups = match.groups ?? {};
  return {
    direction: groups.from !== undefined ? 'from' : 'to',
    page: normalisePage(groups.page ?? ''),
    text: match[0].trim(),
  };
}

/** `７` → `7`, `七` → `7`, `a 2` → `A2`. */
export function normalisePage(page: string): string {
  const compact = page
    .replace(/[\s\u3000]+/g, '')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .toUpperCase();
  const chinese = chineseNumber(compact);
  return chinese === null ? compact : String(chinese);
}

/** The marker a whole text consists of (spaces around it allowed), or `null`. */
export function wholeMarker(text: string): PageMarker | null {
  const match = WHOLE.exec(trimLayout(text));
  return match ? markerOf(match) : null;
}

/** How many characters at `from` are layout (spaces, U+3000, zero-width). */
function layoutRun(text: string, from: number): number {
  let end = from;
  while (end < text.length && isLayout(text[end])) end++;
  return end - from;
}

/** The bracketed marker a text starts with, and how much to cut (the marker and the spaces around it). */
export function openingMarker(text: string): (PageMarker & { length: number }) | null {
  const lead = layoutRun(text, 0);
  const match = OPENING.exec(text.slice(lead));
  if (!match) return null;
  const end = lead + match[0].length;
  return { ...markerOf(match), length: end + layoutRun(text, end) };
}

/** The bracketed marker a text ends with, and how much to cut from the end. */
function closingMarker(text: string): (PageMarker & { length: number }) | null {
  const body = trimEndWhere(text, isLayout);
  const match = CLOSING.exec(body);
  if (!match) return null;
  const before = trimEndWhere(body.slice(0, match.index), isLayout);
  return { ...markerOf(match), length: text.length - before.length };
}

interface Found {
  marker: PageMarker;
  line: number;
}

/** A block's markers: a whole-block one, or the ones opening and closing it, and the block without them. */
interface Taken {
  rest: BlockContent | null;
  whole: PageMarker | null;
  opening: PageMarker | null;
  closing: PageMarker | null;
}

/** A block without its markers, and the markers taken out of it. */
function takeMarkers(block: BlockContent): Taken {
  const none = { rest: block, whole: null, opening: null, closing: null };
  if (block.type !== 'paragraph' && block.type !== 'heading') return none;
  const text = phrasingText(block.children);
  const whole = wholeMarker(text);
  if (whole) return { ...none, rest: null, whole };
  if (block.type === 'heading') return none;
  let children: PhrasingContent[] = block.children;
  const opening = openingMarker(text);
  if (opening) children = dropEmpty(splitPhrasing(children, opening.length)[1]);
  const rest = phrasingText(children);
  let closing = closingMarker(rest);
  if (closing && closing.length < rest.length) {
    children = dropEmpty(splitPhrasing(children, rest.length - closing.length)[0]);
  } else closing = null;
  if (!opening && !closing) return none;
  return { rest: { ...block, children }, whole: null, opening, closing };
}

/** A page marker kept in the text as a boundary between articles. */
function boundary(marker: PageMarker, at: BlockContent): Paragraph {
  const paragraph: Paragraph = {
    type: 'paragraph',
    element: 'boundary',
    children: [{ type: 'text', value: marker.text }],
  };
  if (at.position) paragraph.position = at.position;
  return paragraph;
}

/** Blocks that carry the text itself, which page markers before and after frame. */
function isContent(block: BlockContent | null): boolean {
  return block !== null && block.type !== 'heading' && block.type !== 'thematicBreak' && block.type !== 'pageBreak';
}

/** A journal's running head (`第51卷第9期 2007年9月`): volume, issue, year and month. */
const RUNNING_HEAD =
  /^第[\s\u3000]?[0-9０-９]{1,3}[\s\u3000]?卷[\s\u3000]?第[\s\u3000]?[0-9０-９]{1,2}[\s\u3000]?期[\s\u3000]{0,2}[0-9０-９]{4}[\s\u3000]?年[\s\u3000]?[0-9０-９]{1,2}[\s\u3000]?月/;

/**
 * Right after a boundary where the article breaks off (`(下转第83页)`), the next page's running head
 * that OCR ran into the text of the article printed there (`第51卷第9期 2007年9月在转化主体…`) is
 * where that article continues: a boundary of its own, cut from the text. Returns whether it cut one.
 */
function splitRunningHeads(blocks: BlockContent[], fixes: Fix[]): boolean {
  let changed = false;
  for (let index = 1; index < blocks.length; index++) {
    const before = blocks[index - 1] as BlockContent;
    const block = blocks[index] as BlockContent;
    if (before.type !== 'paragraph' || before.element !== 'boundary' || block.type !== 'paragraph') continue;
    if (wholeMarker(phrasingText(before.children))?.direction !== 'to') continue;
    const text = phrasingText(block.children);
    const head = RUNNING_HEAD.exec(text);
    if (!head || trimLayout(text.slice(head[0].length)) === '') continue;
    const [marker, rest] = splitPhrasing(block.children, head[0].length);
    const kept: Paragraph = { type: 'paragraph', element: 'boundary', children: dropEmpty(marker) };
    const continued: Paragraph = { ...block, children: trimPhrasingStart(dropEmpty(rest), /^[\s\u3000]+/) };
    if (block.position) kept.position = block.position;
    fixes.push({ kind: 'element', line: startLine(block), before: head[0], after: `[boundary] ${head[0]}` });
    blocks.splice(index, 1, kept, continued);
    changed = true;
  }
  return changed;
}

export function pageMarkersPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const markers: Found[] = [];
  const out = mapBlockLists(document, (blocks) => {
    const taken = blocks.map(takeMarkers);
    // In the body, a marker before the text's first block or after its last frames the whole text;
    // one between two blocks of text is where another article begins or continues (an OCR'd journal
    // issue, a newspaper page): it stays, as a boundary. In quotes and notes every marker frames.
    const body = blocks === document.children;
    const first = body ? taken.findIndex((entry) => isContent(entry.rest)) : Number.POSITIVE_INFINITY;
    const last = body ? taken.findLastIndex((entry) => isContent(entry.rest)) : -1;
    const frames = (index: number, where: 'whole' | 'opening' | 'closing') =>
      first === -1 ||
      (where === 'whole' && (index < first || index > last)) ||
      (where === 'opening' && index <= first) ||
      (where === 'closing' && index >= last);
    const kept: BlockContent[] = [];
    let changed = false;
    taken.forEach((entry, index) => {
      const block = blocks[index] as BlockContent;
      const leave = (marker: PageMarker) => {
        markers.push({ marker, line: startLine(block) });
        fixes.push({ kind: 'page-marker', line: startLine(block), before: marker.text, after: '' });
        changed = true;
      };
      const keep = (marker: PageMarker) => {
        fixes.push({
          kind: 'element',
          line: startLine(block),
          before: marker.text,
          after: `[boundary] ${marker.text}`,
        });
        changed = true;
        return boundary(marker, block);
      };
      if (entry.whole) {
        if (frames(index, 'whole')) leave(entry.whole);
        else kept.push(keep(entry.whole));
        return;
      }
      if (entry.opening) {
        if (frames(index, 'opening')) leave(entry.opening);
        else kept.push(keep(entry.opening));
      }
      if (entry.rest) kept.push(entry.rest);
      if (entry.rest !== block) changed = true;
      if (entry.closing) {
        if (frames(index, 'closing')) leave(entry.closing);
        else kept.push(keep(entry.closing));
      }
    });
    if (body) changed = splitRunningHeads(kept, fixes) || changed;
    return changed ? kept : blocks;
  });
  if (markers.length === 0) return { document: out, fixes };
  // The first "continued from" and the last "continued on" describe the text as a whole.
  const meta: Meta = { ...out.meta };
  const from = markers.find((found) => found.marker.direction === 'from');
  const to = markers.findLast((found) => found.marker.direction === 'to');
  if (from && meta.continuedFrom === undefined) meta.continuedFrom = from.marker.page;
  if (to && meta.continuedTo === undefined) meta.continuedTo = to.marker.page;
  return { document: { ...out, meta }, fixes };
}
