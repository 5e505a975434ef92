/**
 * Pass `runInTitles`: `1.社保工作获全国全省现场观摩推广。强化数字赋能,……` is item 1 whose title is
 * its first sentence, set bold in the same line by the exporters. The title is:
 * - an explicitly bold lead (`**标题。**正文`, `**标题**。正文`), of any length, when text follows it;
 * - otherwise the first sentence (up to 。！？ and any closing quote or bracket after it) when it is
 *   at most 60 characters, has its brackets and quotes closed, and is followed by more text.
 * An item with neither keeps no title. Legal articles (`第一条`) and their clauses have none: their
 * first sentence is law, not a heading. A list decides together: where most of its items have no
 * title, or most of its first sentences run to three clauses, none has one but a bold lead.
 */
import type { BlockContent, Document, Item, PhrasingContent } from '../ast.js';
import { mergeTexts } from '../lib/phrasing.js';
import { mapBlockLists } from './blocks.js';
import { isBalanced } from './brackets.js';
import { CLOSING, characterCount, SENTENCE_END, trimLayout } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { dropEmpty, head, phrasingText, splitPhrasing, trimPhrasingStart } from './phrasing.js';
import { articleClauses, lastHeldNumber, siblingRuns } from './sibling-runs.js';

/** A list this long decides its run-in titles together. */
const MIN_LIST_TO_DECIDE = 3;

/** The longest first sentence taken as a title, in characters. */
export const MAX_TITLE = 60;

const LEADING_SPACE = /^[\s\u3000]+/;

/** A remark in brackets and nothing else: `（百分数随时决定宣布）`. */
const BRACKETED_REMARK = /^[（(][^（）()]*[）)][。；;]?$/;

const HAN = /\p{Script=Han}/u;

/**
 * A `.` between two Chinese characters (`推动政策改革.公众…`): OCR's reading of a full stop `。`, since
 * Chinese text sets no half-width point between ideographs.
 */
function isMisreadFullStop(text: string, index: number): boolean {
  return text[index] === '.' && HAN.test(text[index - 1] ?? '') && HAN.test(text[index + 1] ?? '');
}

/** Where the first sentence of a text ends (after its closing quotes), or -1. */
export function firstSentenceEnd(text: string): number {
  for (let index = 0; index < text.length; index++) {
    if (!SENTENCE_END.has(text[index] as string) && !isMisreadFullStop(text, index)) continue;
    let end = index + 1;
    while (end < text.length && (SENTENCE_END.has(text[end] as string) || CLOSING.has(text[end] as string))) end++;
    return end;
  }
  return -1;
}

/** An item body split into a run-in title and the rest, or `null` when it has no title. */
export function splitRunInTitle(
  children: readonly PhrasingContent[],
): { title: PhrasingContent[]; body: PhrasingContent[]; bold: boolean } | null {
  const content = trimPhrasingStart(children, LEADING_SPACE);
  const lead = content[0];
  if (lead?.type === 'strong') {
    const rest = content.slice(1);
    const restText = phrasingText(rest);
    // Punctuation right after the bold lead closes the title: `**标题**。正文`.
    const closing = (/^[。！？：:]?[”’」』）)]*/.exec(restText)?.[0] ?? '').length;
    if (trimLayout(restText.slice(closing)) !== '' && trimLayout(phrasingText(lead.children)) !== '') {
      const [punctuation, body] = splitPhrasing(rest, closing);
      return {
        title: mergeTexts([...lead.children, ...punctuation]),
        body: trimPhrasingStart(body, LEADING_SPACE),
        bold: true,
      };
    }
  }
  const text = phrasingText(content);
  const end = firstSentenceEnd(text);
  if (end === -1) return null;
  const sentence = text.slice(0, end);
  const length = characterCount(sentence);
  if (length < 2 || length > MAX_TITLE || !isBalanced(sentence)) return null;
  const rest = trimLayout(text.slice(end));
  // A sentence followed only by a bracketed remark on it (`收取一定之手续费。（百分数随时决定宣布）`)
  // is the whole item, not a title over a body.
  if (rest === '' || BRACKETED_REMARK.test(rest)) return null;
  const [title, body] = splitPhrasing(content, end);
  return { title: dropEmpty(title), body: trimPhrasingStart(body, LEADING_SPACE), bold: false };
}

/** The longest name of a heading run into its text with no mark between, in characters. */
const MAX_NAMED_TITLE = 12;

/**
 * A heading that OCR ran into its text with no mark between (`4.4.1获取模块图6中的右半球为…的获取模块。`):
 * its name is the longest lead (two characters or more, words only) that the first sentence names
 * again after it (`获取模块`, `知识表示在…中，知识表示通常…`). `null` when none is named again: with no
 * mark, nothing else says where such a heading ends. A first sentence that is itself a title
 * (`研究方法。`) names nothing again.
 */
export function splitNamedTitle(
  children: readonly PhrasingContent[],
): { title: PhrasingContent[]; body: PhrasingContent[]; bold: boolean } | null {
  const content = trimPhrasingStart(children, LEADING_SPACE);
  const text = phrasingText(content);
  const end = firstSentenceEnd(text);
  const sentence = end === -1 ? text : text.slice(0, end);
  let named = 0;
  for (let length = 2; length <= MAX_NAMED_TITLE && length < sentence.length; length++) {
    const lead = sentence.slice(0, length);
    if (!/^[\p{Script=Han}A-Za-z0-9]+$/u.test(lead)) break;
    if (sentence.includes(lead, length)) named = length;
  }
  // A word that opens a clause (`我国`, `围绕`) after a name of four characters or more ends the name
  // there, past any shorter lead the sentence names again (`政策参与方面围绕政策过程…`, not `政策`).
  const opener = CLAUSE_OPENER.exec(sentence.slice(MIN_OPENED_NAME, NAME_WINDOW));
  if (opener && /^[\p{Script=Han}A-Za-z0-9]+$/u.test(sentence.slice(0, MIN_OPENED_NAME + opener.index))) {
    named = Math.max(named, MIN_OPENED_NAME + opener.index);
  }
  if (named === 0) return null;
  named += glossLength(text.slice(named));
  const [title, body] = splitPhrasing(content, named);
  return { title: dropEmpty(title), body: trimPhrasingStart(body, LEADING_SPACE), bold: false };
}

/** Words that open a clause, never the end of a section's name: `我国的政治体制…`, `围绕政策过程，…`. */
const CLAUSE_OPENER = /我国|我们|本文|围绕|随着|根据|由于|目前|近年来|当前/;
/** A name a clause opener ends is at least this long, in characters. */
const MIN_OPENED_NAME = 4;

/** A term's gloss in brackets right after it (`多元理论（pluralist theory）`): part of the name. */
const GLOSS = /^[（(][^（）()。，,；;！？]{1,40}[）)]/;

function glossLength(rest: string): number {
  return GLOSS.exec(rest)?.[0].length ?? 0;
}

/** Where a run-in section name may end, at most: past it, the text is the section's. */
const NAME_WINDOW = MAX_NAMED_TITLE + 2;

/**
 * Sibling run-in sections whose texts open alike after their names (`2.1.1 影响国会美国智库影响…`,
 * `2.1.2影响总统美国智库对…`, `2.1.3影响政府部门美国智库对…`): the shared opening (`美国智库`,
 * two characters or more, found in every sibling near its start) says where each name ends, also
 * in a sibling whose name its text does not name again. The longest opening that a named sibling's
 * text starts with is taken; `null` when there is none.
 */
export function sharedOpening(texts: readonly string[], bodies: readonly string[]): string | null {
  let best: string | null = null;
  for (const body of bodies) {
    for (let length = 2; length <= body.length && length <= MAX_NAMED_TITLE; length++) {
      const opening = body.slice(0, length);
      if (!/^[\p{Script=Han}A-Za-z0-9]+$/u.test(opening)) break;
      const everywhere = texts.every((text) => {
        const at = text.indexOf(opening, 2);
        return at !== -1 && at <= NAME_WINDOW;
      });
      if (everywhere && (best === null || length > best.length)) best = opening;
    }
  }
  return best;
}

/**
 * Sibling run-in sections whose names share a frame (`3.1.1智库与决策团体的关系精英理论…`,
 * `3.1.2智库与利益集团的关系利益集团…`): a common opening and a common ending (`智库与` … `的关系`),
 * two characters or more each, the ending found in every sibling within a name's reach. Each name
 * ends after the ending; the longest ending is taken. The name lengths, or `null` when there is no frame.
 */
export function framedNames(texts: readonly string[]): number[] | null {
  if (texts.length < 2) return null;
  let prefix = 0;
  const first = texts[0] as string;
  while (prefix < first.length && texts.every((text) => text[prefix] === first[prefix])) prefix++;
  if (prefix < 2 || !/^[\p{Script=Han}A-Za-z0-9]+$/u.test(first.slice(0, prefix))) return null;
  let best: number[] | null = null;
  let bestLength = 0;
  for (let start = prefix + 1; start < NAME_WINDOW; start++) {
    for (let length = 2; start + length <= NAME_WINDOW; length++) {
      const ending = first.slice(start, start + length);
      if (length <= bestLength || !/^[\p{Script=Han}A-Za-z0-9]+$/u.test(ending)) continue;
      const ends = texts.map((text) => {
        const at = text.indexOf(ending, prefix + 1);
        return at !== -1 && at + length <= NAME_WINDOW ? at + length : -1;
      });
      if (ends.every((end) => end !== -1)) {
        best = ends;
        bestLength = length;
      }
    }
  }
  return best;
}

/** Whether an item is numbered as a section of three levels or more (`4.4.1`): a paper's run-in heading. */
function isDeepSection(item: Item): boolean {
  return item.ordinal.style === 'decimal' && item.ordinal.level >= 3;
}

/** A term a glossary entry defines is at most this long: `“两新”：`, `国家先进制造业集群：`. */
const MAX_COLON_TITLE = 20;

/**
 * A lead that ends in a colon, when it names a term (`六大优势产业：`, `修正機關：`) rather than opening
 * a clause that goes on (`将第一条修改为：`, `主要包括：`): short, no comma or sentence inside, not
 * ending in a verb that introduces what follows. `null` when the item has none.
 */
export function splitColonTitle(
  children: readonly PhrasingContent[],
): { title: PhrasingContent[]; body: PhrasingContent[]; bold: boolean } | null {
  const content = trimPhrasingStart(children, LEADING_SPACE);
  const text = phrasingText(content);
  const colon = text.search(/[：:]/);
  if (colon < 1) return null;
  const lead = text.slice(0, colon);
  if (characterCount(lead) > MAX_COLON_TITLE || /[，,。；;！？、\n]/.test(lead) || !isBalanced(lead)) return null;
  if (/[为是指有下括含定求示即如於为為]$/.test(lead) || trimLayout(text.slice(colon + 1)) === '') return null;
  const [title, body] = splitPhrasing(content, colon + 1);
  return { title: dropEmpty(title), body: trimPhrasingStart(body, LEADING_SPACE), bold: false };
}

/** An item's whole text when it is one short sentence that could be a title (`政府信息管理情况。`), else null. */
function wholeTitle(block: BlockContent | undefined): PhrasingContent[] | null {
  if (block?.type !== 'item' || block.title || block.ordinal.style === 'article') return null;
  const content = trimPhrasingStart(block.children, LEADING_SPACE);
  const text = trimLayout(phrasingText(content));
  const end = firstSentenceEnd(text);
  if (end !== text.length || characterCount(text) < 2 || characterCount(text) > MAX_TITLE) return null;
  return isBalanced(text) && !isClausal(text) ? dropEmpty(content) : null;
}

/** A sentence of three clauses or more (two commas), which no heading is. */
function isClausal(sentence: string): boolean {
  return (sentence.match(/[，,]/g) ?? []).length >= 2;
}

export function runInTitlesPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const out = mapBlockLists(document, (blocks) => {
    const held = blocks.map((block) =>
      block.type !== 'item'
        ? 0
        : block.ordinal.style === 'arabic-paren'
          ? lastHeldNumber(block.ordinal, phrasingText(block.children))
          : block.ordinal.number,
    );
    // Siblings are counted on from the last step a paragraph holds: `(1)…(2)…` then `(3)`.
    const ordinals = blocks.map((block, index) =>
      block.type === 'item' ? { ...block.ordinal, number: held[index] as number } : null,
    );
    const breaks = blocks.map((block) => block.type === 'heading');
    const clauses = articleClauses(ordinals, breaks);
    const colonTitle = (block: BlockContent | undefined, clause: boolean) =>
      block?.type === 'item' && !block.title && block.ordinal.style !== 'article' && !clause
        ? splitColonTitle(block.children)
        : null;
    const splits = blocks.map((block, index) =>
      block.type !== 'item' || block.title || block.ordinal.style === 'article' || clauses.has(index)
        ? null
        : ((isDeepSection(block) ? splitNamedTitle(block.children) : null) ?? splitRunInTitle(block.children)),
    );
    // A paragraph that holds the next steps has no title; a bold lead is still one.
    blocks.forEach((block, index) => {
      const split = splits[index];
      if (split && !split.bold && block.type === 'item' && (held[index] as number) > block.ordinal.number) {
        splits[index] = null;
      }
    });
    // Run-in sections of a paper decide together where their names end, when their texts open alike.
    for (const run of siblingRuns(ordinals, breaks)) {
      if (run.length < 2 || !run.every((index) => isDeepSection(blocks[index] as Item))) continue;
      const contents = run.map((index) => trimPhrasingStart((blocks[index] as Item).children, LEADING_SPACE));
      const texts = contents.map((content) => phrasingText(content));
      const bodies = run.flatMap((index) => {
        const split = splits[index];
        return split && !split.bold ? [trimLayout(phrasingText(split.body))] : [];
      });
      const opening = sharedOpening(texts, bodies);
      if (opening === null) {
        // No opening the texts share after their names: the names may share a frame instead.
        const framed = framedNames(texts.map((text) => text.trimStart()));
        if (framed) {
          run.forEach((index, at) => {
            if (splits[index]?.bold) return;
            const end =
              (framed[at] as number) + ((texts[at] as string).length - (texts[at] as string).trimStart().length);
            const [title, body] = splitPhrasing(contents[at] as PhrasingContent[], end);
            splits[index] = { title: dropEmpty(title), body: trimPhrasingStart(body, LEADING_SPACE), bold: false };
          });
        }
        continue;
      }

      run.forEach((index, at) => {
        if (splits[index]?.bold) return;
        const text = texts[at] as string;
        const name = trimLayout(text.slice(0, text.indexOf(opening, 2)));
        const [title, body] = splitPhrasing(contents[at] as PhrasingContent[], text.indexOf(opening, 2));
        if (characterCount(name) >= 2) splits[index] = { title: dropEmpty(title), body, bold: false };
      });
    }
    // A list decides together: where most of its items have no first sentence that could be a
    // title, the few that do are prose too (one 56-character sentence among plain entries); where
    // most of its items lead with a term and a colon (a glossary), the terms are the titles.
    for (const run of siblingRuns(ordinals, breaks)) {
      const colons = run.map((index) => (splits[index]?.bold ? null : colonTitle(blocks[index], clauses.has(index))));
      if (colons.filter(Boolean).length * 2 >= run.length) {
        // The list's titles are its terms: an item without one has none (a bold lead still counts).
        run.forEach((index, at) => {
          if (!splits[index]?.bold) splits[index] = colons[at] ?? null;
        });
        continue;
      }
      const sentences = run.filter((index) => splits[index] && !splits[index]?.bold);
      // Where most of those sentences run to three clauses or more, they are the rules or the
      // narrative themselves, not headings run in (`为优待存户起见，到期延存者，在延存期间利率增高。`).
      const clausal = sentences.filter((index) => isClausal(phrasingText(splits[index]?.title ?? [])));
      if (
        (run.length >= MIN_LIST_TO_DECIDE && sentences.length * 2 < run.length) ||
        clausal.length * 2 > sentences.length
      ) {
        for (const index of sentences) splits[index] = null;
        continue;
      }
      // The list has titles: an item that is only a title-like sentence, over the paragraph it heads
      // (`（三）政府信息管理情况。` / `加强区政府门户网站…`), is all title, as its siblings' leads are.
      if (sentences.length === 0) continue;
      for (const index of run) {
        if (splits[index] || blocks[index + 1]?.type !== 'paragraph') continue;
        const whole = wholeTitle(blocks[index]);
        if (whole) splits[index] = { title: whole, body: [], bold: false };
      }
    }
    if (splits.every((split) => split === null)) return blocks;
    return blocks.map((block, index) => {
      const split = splits[index];
      if (!split || block.type !== 'item') return block;
      const item: Item = { ...block, title: split.title, children: split.body };
      const marker = block.ordinal.marker;
      fixes.push({
        kind: 'run-in-title',
        line: startLine(block),
        before: `[${marker}] ${head(phrasingText(block.children), 20)}`,
        after: `[${marker}] **${phrasingText(split.title)}** ${head(phrasingText(split.body), 8)}`,
      });
      return item;
    });
  });
  return { document: out, fixes };
}
