/**
 * Pass `brokenParagraphs`: a column or page break in the printed source splits a paragraph in two,
 * and OCR gives two paragraphs (`…重污` / `染天数从2019年…`). A paragraph that ends without
 * sentence-final punctuation is joined with the next when that one cannot start a block of its
 * own. Joining merges the phrasing children, so formatting survives; between CJK characters nothing
 * is inserted, between two Latin words a space.
 *
 * Not joined: after a colon (it introduces what follows) or a closing book-title mark; after a
 * short last line (a list entry `委员长，`, a title, a byline, an address) or one ending in a web
 * address or DOI; before an ordinal, a page marker, a dash or bullet line, a short heading-like
 * line, an indented paragraph, or any block that is not a paragraph (heading, list, table, code…);
 * across a switch between English and Chinese text.
 */
import type { BlockContent, Document, Paragraph, PhrasingContent, Position } from '../ast.js';
import { mergeTexts } from '../lib/phrasing.js';
import { mapBlockLists } from './blocks.js';
import {
  CAPTION,
  CONTINUATION_START,
  characterCount,
  firstCharacter,
  isLatinLetter,
  isLayout,
  isLayoutRow,
  isWide,
  lastCharacter,
  PARAGRAPH_END,
  SENTENCE_END,
  trimEndWhere,
  trimLayout,
} from './characters.js';
import { frameElementOf } from './elements.js';
import { endLine, type Fix, startLine } from './fix.js';
import { looksLikeHeading, ordinalHeading } from './heading-lines.js';
import { joinAcrossJumps, joinReferenceTails, REFERENCE } from './jumps.js';
import { keepLayoutTables } from './layout-tables.js';
import { matchOrdinal } from './ordinal-marker.js';
import { openingMarker, wholeMarker } from './page-markers.js';
import { head, phrasingText, rewriteTexts, tail, trimPhrasingEnd } from './phrasing.js';
import { splitPrintedLines } from './printed-lines.js';
import { closesBracket, HAN_END, HAN_START, PARALLEL_OPENING, sharedOpening, wordAcross } from './seams.js';
import { isPageNumber, type WrappedLayout, wrappedLayoutOf, wrapsOnto } from './wrapped-lines.js';

/** Lines that open a list-like block of their own: `——经济总体回升向好。`, `• 要点`, `注：…`. */
const LIST_LIKE = /^(?:—|―|[•·●○■□◆◇▪▫►▶※☆★]|[-*+]\s|(?:注|附件|附表|资料来源|来源)[：:])/;

/**
 * The paragraph's text as laid out: soft line breaks (source wrapping) removed, hard breaks kept
 * as `\n`, and trailing footnote references and images dropped (they are not how a sentence ends).
 */
function endingText(paragraph: Paragraph): string {
  let end = paragraph.children.length;
  while (end > 0) {
    const last = paragraph.children[end - 1] as PhrasingContent;
    if (last.type !== 'footnoteReference' && last.type !== 'image') break;
    end--;
  }
  // Only the paragraph's end is read: a paragraph joined again and again (thousands of cuts) grows,
  // and reading all of it at each join would take time in the square of its length.
  return trimLayout(edgeText(paragraph.children.slice(Math.max(0, end - EDGE_NODES), end), 'end'));
}

/** How much of a paragraph's start or end the decision reads, in UTF-16 units and in nodes. */
const EDGE = 400;
const EDGE_NODES = 64;

/**
 * The last (or first) `EDGE` characters of a run of phrasing as laid out: soft line breaks (inside
 * texts) removed, hard breaks kept as `\n`. A long text is cut before it is read.
 */
function edgeText(nodes: readonly PhrasingContent[], edge: 'start' | 'end'): string {
  let text = '';
  const order = edge === 'end' ? [...nodes].reverse() : nodes;
  for (const node of order) {
    if (text.length >= EDGE) break;
    const part =
      node.type === 'text'
        ? (edge === 'end' ? node.value.slice(-2 * EDGE) : node.value.slice(0, 2 * EDGE)).replace(/\n/g, '')
        : phrasingText(rewriteTexts([node], (value) => value.replace(/\n/g, '')));
    text = edge === 'end' ? part + text : text + part;
  }
  return edge === 'end' ? text.slice(-EDGE) : text.slice(0, EDGE);
}

/** A paragraph's last line shorter than this is a line of its own (a list entry, an address), not a cut-off paragraph. */
export const MIN_CUT_LINE = 20;

/** A web address, DOI or e-mail address ends a line of references, not a sentence. */
const ADDRESS = /(?:[/@]|\.(?:cn|com|org|net|edu|gov|int)$)/i;

/**
 * The run of printable ASCII that ends a line (`https://doi.org/10.1/x`), or `''` when the line ends
 * in Chinese: a `/` earlier in the line (`31微克/m3`) says nothing about how it ends.
 */
function trailingToken(line: string): string {
  return /[!-~]+$/.exec(line)?.[0] ?? '';
}

/** Whether Latin letters outnumber CJK characters: an English abstract next to Chinese text. */
function mostlyLatin(text: string): boolean {
  let latin = 0;
  let wide = 0;
  for (const char of text) {
    if (isLatinLetter(char)) latin++;
    else if (isWide(char)) wide++;
  }
  return latin > wide;
}

/** Most words of four letters or more capitalised, as English titles are set (`The Population and … New Area`). */
function isTitleCase(line: string): boolean {
  const words = line.match(/[A-Za-z][A-Za-z'’-]{3,}/g) ?? [];
  const capitalised = words.filter((word) => /^[A-Z]/.test(word)).length;
  return words.length >= 3 && capitalised * 3 >= words.length * 2;
}

/** Marks inside a sentence: a paragraph that ends with one was cut (a figure may stand in the cut). */
const MID_SENTENCE = new Set(['，', '、', '“', '（', ',']);

/** How many figures and tables a sentence may be cut by and still be joined. */
const MAX_FLOATS = 3;

/** A caption line is at most this long. */
const MAX_CAPTION = 80;

/** A figure, its caption or a table: a block that the page floats into a sentence. */
function isFloat(block: BlockContent): boolean {
  if (block.type === 'table') return true;
  if (block.type !== 'paragraph') return false;
  const lines = trimLayout(phrasingText(block.children.filter((node) => node.type !== 'image')))
    .split('\n')
    .map(trimLayout)
    .filter((line) => line !== '');
  // Pictures alone, or caption lines (with their pictures or without).
  if (lines.length === 0) return block.children.some((node) => node.type === 'image');
  return lines.every((line) => CAPTION.test(line) && characterCount(line) <= MAX_CAPTION);
}

/**
 * Phrases that open a paragraph (`在此背景下，`, `综上所述，`, `此外，`): a cut sentence hardly goes on
 * with one, a paragraph whose full stop the OCR lost often does.
 */
const PARAGRAPH_OPENER =
  /^(?:在此背景下|在這樣的背景下|在此基础上|在此基礎上|综上所述|綜上所述|总之|總之|总而言之|總而言之|此外|另外|与此同时|與此同時|首先|其次|再次|最后|最後|因此|然而|但是)[，,]/;

/** A Latin name and `是` opening a sentence: `CATIA是…`, `AutoCAD Civil 3D是…`. */
const DEFINES_TERM = /^[A-Za-z][A-Za-z0-9./+-]*(?: [A-Za-z0-9./+-]+){0,3}是/;

/** A short line that leads on to a formula or a list (`和电流电压的关系为`) is no heading. */
const LEADS_ON = /(?:为|為|是|如下|如|即)$/;

/**
 * Whether the paragraph ends where a paragraph may: at its end punctuation (a closing quote too:
 * `…“零跑腿、一键办”` ends a line of a list), not inside a formula (`$( d T u r n _ { t } )$` ends
 * in a bracket of TeX).
 */
function endsParagraph(paragraph: Paragraph, ending: string): boolean {
  // A formula ends the paragraph only with a mark of its own (`s \leqslant t ;`), not with a bracket of TeX.
  // A box (`□`) is a glyph OCR could not read: it says nothing of where the sentence ends, so what
  // stands before it decides (`…$\alpha < 2 ,$ □`).
  const children = paragraph.children;
  const unread = children.length > 1 && UNREAD_END.test(phrasingText(children.slice(-1)));
  const formula = children[children.length - (unread ? 2 : 1)];
  if (formula?.type === 'inlineMath') return /[;,.，。；]\s*$/.test(formula.value);
  const last = lastCharacter(ending);
  // A quoted term at the end of a long paragraph of prose (`…表明人口“负利”`) is inside a sentence cut
  // there: prose ends its sentences before the quote closes (`…。”`).
  if (CLOSING_QUOTES.has(last) && characterCount(ending) > MAX_LIST_LINE) {
    return SENTENCE_END.has(lastCharacter(ending.slice(0, -last.length)));
  }
  return PARAGRAPH_END.has(last);
}

const UNREAD_END = /^[\s\u3000]*□$/;
const CLOSING_QUOTES = new Set(['”', '’', '」', '』']);
/** A line of a list is at most this long; a paragraph past it is prose. */
const MAX_LIST_LINE = 80;

/** Bare markers that stand alone: an article over its text (the ordinals pass reads it), an attachment's label. */
const STANDS_ALONE = new Set(['article', 'attachment']);

/** A paper's front-matter and note labels: lines that are fields, not prose. */
const LABELLED_FRONT =
  /^[[【]?(?:摘\s*要|关键词|关键字|中图分类号|文献标识码|文章编号|DOI|收稿日期|基金项目|作者简介|通讯作者|Abstract|Key\s*words|CLC|Document code)[\]】]?\s*[：:]?/i;

/** Whether `second` continues `first`, cut off by a column or page break. */
export function continues(first: Paragraph, second: Paragraph): boolean {
  if (first.children[first.children.length - 1]?.type === 'break') return false;
  // The start of the first paragraph (its label, a marker it is): never all of a long paragraph.
  const firstText = edgeText(first.children.slice(0, EDGE_NODES), 'start');
  const ending = endingText(first);
  const secondText = phrasingText(second.children);
  const opening = trimLayout(secondText);
  if (ending === '' || opening === '') return false;
  // An indent (kept until the layout pass) says a new paragraph starts here.
  if (/^[\s\u3000]/.test(secondText) || second.children[0]?.type === 'image') return false;
  // An entry of a reference list ends with a full stop: one that ends at a separator was cut (`…Berlin:` / `Springer,2006:121-124.`).
  // So does one whose year, volume and pages stand alone after it (`…Expert Systems with Applications.` / `2015,42(1):259-268.`).
  const referenceCut =
    REFERENCE.test(trimLayout(firstText)) && (/[:：,，;；]$/.test(ending) || VOLUME_AND_PAGES.test(opening));
  if (endsParagraph(first, ending) && !closesBracket(ending, opening) && !referenceCut) return false;
  // A paper's labelled lines (`关键词：…`, `中图分类号：TP274`) stand alone, whatever they end with.
  if (LABELLED_FRONT.test(trimLayout(firstText)) || LABELLED_FRONT.test(opening)) return false;
  // A salutation or an addressee starts the body, whatever stands before it (`各位代表：`).
  if (frameElementOf(opening) === 'salutation' || frameElementOf(opening) === 'addressee') return false;
  if (wholeMarker(firstText) || wholeMarker(secondText) || openingMarker(secondText)) return false;
  if (matchOrdinal(opening) || LIST_LIKE.test(opening) || PARAGRAPH_OPENER.test(opening)) return false;
  // A paragraph that opens by saying what a named thing is (`CATIA是法国达索公司开发的…`) starts a topic
  // after a long paragraph of prose, which lost its full stop (`…设计中存在不足`).
  if (DEFINES_TERM.test(opening) && HAN_END.test(ending) && characterCount(ending) > MAX_LIST_LINE) return false;
  // A paragraph that opens with the first one's opening words is its parallel, not its rest
  // (`對資本主義工商業實行社會主義改造是…道路` / `對資本主義工商業的改造是…`): the first lost its full stop.
  if (sharedOpening(trimLayout(firstText), opening) >= PARALLEL_OPENING) return false;
  if (isLayoutRow(lastLineOf(ending)) || isLayoutRow(opening)) return false;
  // An entry of a reference list (`[8]于丽霞.…[J].现`) goes on in any paragraph that starts no entry.
  if (REFERENCE.test(trimLayout(firstText)))
    return !REFERENCE.test(opening) && (!/[.。]$/.test(ending) || referenceCut);
  if (CONTINUATION_START.has(firstCharacter(opening))) return true;
  // A bare ordinal (`一、` on a line of its own) is continued by its text; a bare article number
  // (`第 1 條` over its text, as Taiwan's law database prints them) is the ordinals pass's to read, and
  // an attachment's label (`附件1`) heads the attached document.
  const ordinal = matchOrdinal(ending);
  if (ordinal && trimLayout(ending.slice(ordinal.end)) === '') return !STANDS_ALONE.has(ordinal.ordinal.style);
  // The last line decides: a paragraph of hard-broken lines (an address block) ends with a line of its own.
  const lastLine = lastLineOf(ending);
  if (characterCount(lastLine) < MIN_CUT_LINE) return false;
  // A line with no punctuation may be a heading; one cut inside a word (`…带有对冲的回` / `测数据，…`) is not.
  if ((ordinalHeading(lastLine) || looksLikeHeading(lastLine)) && !wordAcross(lastLine, opening)) return false;
  if ((looksLikeHeading(opening) && !LEADS_ON.test(opening)) || ADDRESS.test(trailingToken(lastLine))) return false;
  // An English title (a Chinese paper's parallel title) is a line of its own; a cut list of
  // affiliations (`…Beijing 100049, China;`) ends in a separator.
  if (mostlyLatin(lastLine) && isTitleCase(lastLine) && /[A-Za-z0-9)）]$/.test(lastLine)) return false;
  // A cut between two Chinese characters is inside Chinese text, however much TeX or English the
  // paragraphs hold (`…采用非` / `线性优化技术…$\operatorname { f }$…`).
  if (HAN_END.test(ending) && HAN_START.test(opening) && !mostlyLatin(lastLineOf(endingText(withoutMath(first))))) {
    return true;
  }
  return mostlyLatin(ending) === mostlyLatin(opening);
}

/** A paragraph without its inline formulas (TeX is no language). */
function withoutMath(paragraph: Paragraph): Paragraph {
  if (!paragraph.children.some((node) => node.type === 'inlineMath')) return paragraph;
  return { ...paragraph, children: paragraph.children.filter((node) => node.type !== 'inlineMath') };
}

/** A reference's year, volume, issue and pages with nothing before them: `2015,42(1):259-268.` */
const VOLUME_AND_PAGES = /^(?:19|20)\d{2}\s*[,，]\s*\d{1,4}\s*[(（]\d{1,3}[)）]\s*[:：]\s*\d+/;

/** The last line of a paragraph's text as laid out. */
function lastLineOf(ending: string): string {
  return trimLayout(ending.slice(ending.lastIndexOf('\n') + 1));
}

/**
 * Whether `second` goes on from `first` in a wrapped layout, where `first` ends at the margin and
 * `second` starts flush left (`wrapsOnto`): the layout says so, whatever `first` ends with, unless
 * `second` opens a block of its own or either is a row of a table laid out with spaces.
 */
function goesOnByLayout(first: Paragraph, second: Paragraph): boolean {
  const ending = endingText(first);
  const opening = trimLayout(phrasingText(second.children));
  if (ending === '' || opening === '' || first.children[first.children.length - 1]?.type === 'break') return false;
  if (wholeMarker(opening) || openingMarker(opening) || matchOrdinal(opening) || LIST_LIKE.test(opening)) return false;
  if (frameElementOf(opening) === 'salutation' || frameElementOf(opening) === 'addressee') return false;
  return !isLayoutRow(lastLineOf(ending)) && !isLayoutRow(opening);
}

/** The blocks without printed page numbers (`-1-`), each removal a fix: they are the page's, not the text's. */
function dropPageNumbers(blocks: BlockContent[], fixes: Fix[]): BlockContent[] {
  if (!blocks.some(isPageNumber)) return blocks;
  return blocks.filter((block) => {
    if (!isPageNumber(block)) return true;
    fixes.push({ kind: 'page-number', line: startLine(block), before: phrasingText(block.children).trim(), after: '' });
    return false;
  });
}

function spanning(a: Position | undefined, b: Position | undefined): Position | undefined {
  return a && b ? { start: a.start, end: b.end } : undefined;
}

/** What goes between the two halves: nothing in Chinese, a space between two Latin words. */
function separator(first: string, second: string): string {
  return isLatinLetter(lastCharacter(first)) && isLatinLetter(firstCharacter(second)) ? ' ' : '';
}

/** `first` and `second` as one paragraph. */
export function joinParagraphs(first: Paragraph, second: Paragraph): Paragraph {
  return joinAll([first, second]);
}

/** The pieces of a cut paragraph as one, each cut closed as `joinParagraphs` closes it; in one pass. */
function joinAll(pieces: Paragraph[]): Paragraph {
  const nodes: PhrasingContent[] = [];
  pieces.forEach((piece, index) => {
    const last = index === pieces.length - 1;
    const own = last ? piece.children : trimPhrasingEnd(piece.children, isLayout);
    if (index > 0) {
      const before = edgeText(nodes.slice(-EDGE_NODES), 'end');
      const between = separator(before, edgeText(piece.children.slice(0, EDGE_NODES), 'start'));
      if (between) nodes.push({ type: 'text', value: between });
    }
    for (const node of own) nodes.push(node);
  });
  const joined: Paragraph = { type: 'paragraph', children: mergeTexts(nodes) };
  const position = spanning((pieces[0] as Paragraph).position, (pieces[pieces.length - 1] as Paragraph).position);
  if (position) joined.position = position;
  return joined;
}

/**
 * A paragraph that stands for a chain of pieces being joined, for `continues`: the first piece's
 * start and the last pieces' end, which is all it reads.
 */
function chainView(chain: Paragraph[]): Paragraph {
  if (chain.length === 1) return chain[0] as Paragraph;
  // The last nodes of the chain, back to at most EDGE_NODES; then the first piece's start, when the
  // end did not reach it.
  const end: PhrasingContent[] = [];
  let firstTaken = 0;
  for (let index = chain.length - 1; index >= 0 && end.length < EDGE_NODES; index--) {
    const children = (chain[index] as Paragraph).children;
    const taken = children.slice(-(EDGE_NODES - end.length));
    end.unshift(...taken);
    if (index === 0) firstTaken = taken.length;
  }
  const first = (chain[0] as Paragraph).children;
  const start = first.slice(0, Math.min(EDGE_NODES, first.length - firstTaken));
  return { type: 'paragraph', children: [...start, ...end] };
}

/** A paragraph split as printed lines: its fix, and how many pieces it became. */
interface Split {
  fix: Fix;
  pieces: number;
}

/**
 * The blocks with every paragraph laid out as printed lines split into its paragraphs; `splits`
 * learns which split each piece came from.
 */
function splitLaidOutParagraphs(blocks: BlockContent[], fixes: Fix[], splits: Map<Paragraph, Split>): BlockContent[] {
  let changed = false;
  const out: BlockContent[] = [];
  for (const block of blocks) {
    const pieces = block.type === 'paragraph' ? splitPrintedLines(block) : null;
    if (!pieces || block.type !== 'paragraph') {
      out.push(block);
      continue;
    }
    changed = true;
    const fix: Fix = {
      kind: 'paragraph-split',
      line: startLine(block),
      before: head(phrasingText(block.children), 12),
      after: splitResult(pieces.length),
    };
    fixes.push(fix);
    const split = { fix, pieces: pieces.length };
    for (const piece of pieces) {
      splits.set(piece, split);
      out.push(piece);
    }
  }
  return changed ? out : blocks;
}

/** The record of a join: the line the first part ends on, and the seam before and after. */
function joinFix(first: Paragraph, second: Paragraph, line = endLine(first)): Fix {
  const firstText = trimEndWhere(edgeText(first.children.slice(-EDGE_NODES), 'end'), isLayout);
  const secondText = edgeText(second.children.slice(0, EDGE_NODES), 'start');
  return {
    kind: 'broken-paragraph',
    line,
    before: `${tail(firstText, 10)}\n\n${head(secondText, 10)}`,
    after: `${tail(firstText, 10)}${separator(firstText, secondText)}${head(secondText, 10)}`,
  };
}

function splitResult(pieces: number): string {
  return pieces === 1 ? 'lines rejoined' : `${pieces} paragraphs`;
}

export function brokenParagraphsPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const out = mapBlockLists(document, (input) => {
    const splits = new Map<Paragraph, Split>();
    const blocks = splitLaidOutParagraphs(keepLayoutTables(dropPageNumbers(input, fixes), fixes), fixes, splits);
    const layout: WrappedLayout | null = wrappedLayoutOf(blocks);
    const joined: BlockContent[] = [];
    // The last paragraph of text, as the pieces it is being joined from (joined once, at its end:
    // joining piece by piece would copy a paragraph cut a thousand times a thousand times), and
    // where it stands in `joined`: figures and tables may follow it.
    let chain: Paragraph[] = [];
    let textAt = -1;
    const close = () => {
      if (chain.length > 1) joined[textAt] = joinAll(chain);
      chain = [];
    };
    for (const block of blocks) {
      const floats = joined.length - 1 - textAt;
      const previous = chain.length > 0 ? chainView(chain) : undefined;
      // A figure or table set inside a sentence (`…在调运运输队时，` / a figure / `根据各个运输队…`):
      // the sentence is joined, and the floats follow the paragraph.
      const across =
        floats === 0 ||
        (floats <= MAX_FLOATS &&
          previous !== undefined &&
          MID_SENTENCE.has(lastCharacter(endingText(previous))) &&
          joined.slice(textAt + 1).every(isFloat));
      const last = chain[chain.length - 1];
      const goesOn =
        previous !== undefined &&
        block.type === 'paragraph' &&
        across &&
        (layout && last && floats === 0 && wrapsOnto(last, block, layout)
          ? goesOnByLayout(previous, block)
          : continues(previous, block));
      const split = last && splits.get(last);
      if (goesOn && split && split === splits.get(block)) {
        // Two lines of one source paragraph that the printed-lines split cut apart and the sentence
        // puts back (`…地下水,2010,` / `32(2): 110-112.`): no paragraph of the source was cut, so
        // this is no join; the split's fix counts one piece fewer.
        split.pieces--;
        split.fix.after = splitResult(split.pieces);
        chain.push(block);
      } else if (goesOn) {
        fixes.push(joinFix(previous, block, endLine(chain[chain.length - 1] as Paragraph)));
        chain.push(block);
      } else {
        joined.push(block);
        if (!isFloat(block)) {
          close();
          textAt = joined.length - 1;
          if (block.type === 'paragraph') chain = [block];
        }
      }
    }
    close();
    const join = (first: Paragraph, second: Paragraph) => {
      fixes.push(joinFix(first, second));
      return joinAll([first, second]);
    };
    const jumped = joinReferenceTails(joinAcrossJumps(joined, { continues, isFloat, join }), join);
    return jumped.length === input.length && blocks === input ? input : jumped;
  });
  // Joins across a jump are found after the others: the record reads in document order.
  return { document: out, fixes: fixes.sort((a, b) => a.line - b.line) };
}
