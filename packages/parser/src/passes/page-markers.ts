/**
 * Pass `pageMarkers`: newspaper jump lines, `(上接7版)` at the top of a continued article and
 * `(下转9版)` where it breaks off, say where the text comes from and goes to; they are not part of
 * it. A marker that is a whole paragraph (or heading), or that opens or closes a paragraph, leaves
 * the body for `meta.continuedFrom` / `meta.continuedTo`. One in the middle of a sentence stays and
 * `check` reports it.
 *
 * What the pattern allows, from what OCR makes of these lines: half- or full-width or square
 * brackets, mixed (`（上接7版)`), or none for a whole-paragraph marker; spaces anywhere (`( 上接 第 7 版 )`);
 * traditional forms (`下轉`, `續見`); `转`/`接` alone (not `见` alone: `(见第5页)` is a cross-reference); 第 or not; Arabic, full-width or Chinese
 * page numbers and letter sections (`A2`); 版, 页 or the misread 板.
 */
import type { BlockContent, Document, Meta, PhrasingContent } from '../ast.js';
import { mapBlockLists } from './blocks.js';
import { isLayout, trimEndWhere, trimLayout } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { chineseNumber } from './ordinal-marker.js';
import { dropEmpty, phrasingText, splitPhrasing } from './phrasing.js';

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

/** A block without its markers, and the markers taken out of it. */
function takeMarkers(block: BlockContent): { block: BlockContent | null; found: PageMarker[] } {
  if (block.type !== 'paragraph' && block.type !== 'heading') return { block, found: [] };
  const text = phrasingText(block.children);
  const whole = wholeMarker(text);
  if (whole) return { block: null, found: [whole] };
  if (block.type === 'heading') return { block, found: [] };
  let children: PhrasingContent[] = block.children;
  const found: PageMarker[] = [];
  const opening = openingMarker(text);
  if (opening) {
    children = dropEmpty(splitPhrasing(children, opening.length)[1]);
    found.push(opening);
  }
  const rest = phrasingText(children);
  const closing = closingMarker(rest);
  if (closing && closing.length < rest.length) {
    children = dropEmpty(splitPhrasing(children, rest.length - closing.length)[0]);
    found.push(closing);
  }
  return found.length === 0 ? { block, found } : { block: { ...block, children }, found };
}

export function pageMarkersPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const markers: Found[] = [];
  const out = mapBlockLists(document, (blocks) => {
    const kept: BlockContent[] = [];
    for (const block of blocks) {
      const { block: rest, found } = takeMarkers(block);
      for (const marker of found) {
        markers.push({ marker, line: startLine(block) });
        fixes.push({ kind: 'page-marker', line: startLine(block), before: marker.text, after: '' });
      }
      if (rest) kept.push(rest);
    }
    return kept.length === blocks.length && kept.every((block, index) => block === blocks[index]) ? blocks : kept;
  });
  if (markers.length === 0) return { document, fixes };
  // The first "continued from" and the last "continued on" describe the text as a whole.
  const meta: Meta = { ...out.meta };
  const from = markers.find((found) => found.marker.direction === 'from');
  const to = markers.findLast((found) => found.marker.direction === 'to');
  if (from && meta.continuedFrom === undefined) meta.continuedFrom = from.marker.page;
  if (to && meta.continuedTo === undefined) meta.continuedTo = to.marker.page;
  return { document: { ...out, meta }, fixes };
}
