/**
 * Pass `runInTitles`: `1.社保工作获全国全省现场观摩推广。强化数字赋能,……` is item 1 whose title is
 * its first sentence, set bold in the same line by the exporters. The title is:
 * - an explicitly bold lead (`**标题。**正文`, `**标题**。正文`), of any length, when text follows it;
 * - otherwise the first sentence (up to 。！？ and any closing quote or bracket after it) when it is
 *   at most 60 characters, has its brackets and quotes closed, and is followed by more text.
 * An item with neither keeps no title. Legal articles (`第一条`) have none: their first sentence is
 * law, not a heading.
 */
import type { Document, Item, PhrasingContent } from '../ast.js';
import { mergeTexts } from '../lib/phrasing.js';
import { mapBlockLists } from './blocks.js';
import { isBalanced } from './brackets.js';
import { CLOSING, characterCount, SENTENCE_END, trimLayout } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { dropEmpty, head, phrasingText, splitPhrasing, trimPhrasingStart } from './phrasing.js';

/** The longest first sentence taken as a title, in characters. */
export const MAX_TITLE = 60;

const LEADING_SPACE = /^[\s\u3000]+/;

/** Where the first sentence of a text ends (after its closing quotes), or -1. */
export function firstSentenceEnd(text: string): number {
  for (let index = 0; index < text.length; index++) {
    if (!SENTENCE_END.has(text[index] as string)) continue;
    let end = index + 1;
    while (end < text.length && (SENTENCE_END.has(text[end] as string) || CLOSING.has(text[end] as string))) end++;
    return end;
  }
  return -1;
}

/** An item body split into a run-in title and the rest, or `null` when it has no title. */
export function splitRunInTitle(
  children: readonly PhrasingContent[],
): { title: PhrasingContent[]; body: PhrasingContent[] } | null {
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
      };
    }
  }
  const text = phrasingText(content);
  const end = firstSentenceEnd(text);
  if (end === -1) return null;
  const sentence = text.slice(0, end);
  const length = characterCount(sentence);
  if (length < 2 || length > MAX_TITLE || !isBalanced(sentence)) return null;
  if (trimLayout(text.slice(end)) === '') return null;
  const [title, body] = splitPhrasing(content, end);
  return { title: dropEmpty(title), body: trimPhrasingStart(body, LEADING_SPACE) };
}

export function runInTitlesPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const out = mapBlockLists(document, (blocks) => {
    let changed = false;
    const result = blocks.map((block) => {
      if (block.type !== 'item' || block.title || block.ordinal.style === 'article') return block;
      const split = splitRunInTitle(block.children);
      if (!split) return block;
      changed = true;
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
    return changed ? result : blocks;
  });
  return { document: out, fixes };
}
