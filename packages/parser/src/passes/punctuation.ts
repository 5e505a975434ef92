/**
 * Pass `punctuation` (opt-in): half-width `,;:?!()` typed into Chinese text become `，；：？！（）`.
 *
 * A mark is in Chinese text when the character on one side is Chinese (CJK, or a Chinese quote
 * mark) and the one on the other side is not a Latin letter or a space: `赋能,246万` and `64.4%;供应`
 * change, and so does a comma or semicolon after Chinese text before a Latin word (`改善,PM2.5`);
 * `1,000`, `Hello,世界` and `10:30` do not. Parentheses change as a pair, when what they enclose or
 * what is around them is Chinese: `开发(EOD)模式` → `开发（EOD）模式`, `f(x)` stays. A
 * heading's ordinal marker is left as written.
 */
import type { Document, PhrasingContent } from '../ast.js';
import { mapPhrasing } from './blocks.js';
import { isLatinLetter, isWide } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { excerpt, phrasingText, rewriteTexts, splitPhrasing } from './phrasing.js';

const FULL_WIDTH: { [char: string]: string } = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

function isChinese(char: string | undefined): boolean {
  return isWide(char) || char === '“' || char === '”' || char === '‘' || char === '’';
}

function isForeign(char: string | undefined): boolean {
  return char === undefined || isLatinLetter(char) || /^\s$/.test(char);
}

/** Full-width punctuation for one text leaf, given the characters around it. */
export function normalisePunctuation(value: string, before: string, after: string): string {
  const chars = [...value];
  const at = (index: number): string => (index < 0 ? before : index >= chars.length ? after : (chars[index] as string));
  const opens: number[] = [];
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] as string;
    const full = FULL_WIDTH[char];
    if (full) {
      const previous = at(index - 1);
      const next = at(index + 1);
      // A comma or semicolon after Chinese text ends its clause even when a Latin word follows
      // (`改善,PM2.5浓度`); a colon there may be a URL's or a time's, and stays.
      const clause = (char === ',' || char === ';') && isLatinLetter(next);
      const chinese =
        (isChinese(previous) && (!isForeign(next) || clause)) || (isChinese(next) && !isForeign(previous));
      if (chinese) chars[index] = full;
    } else if (char === '(') {
      opens.push(index);
    } else if (char === ')') {
      const open = opens.pop();
      if (open === undefined) continue;
      const inside = chars.slice(open + 1, index);
      if (inside.some(isChinese) || isChinese(at(open - 1)) || isChinese(at(index + 1))) {
        chars[open] = '（';
        chars[index] = '）';
      }
    }
  }
  return chars.join('');
}

function firstDifference(a: string, b: string): number {
  let index = 0;
  while (index < a.length && a[index] === b[index]) index++;
  return index;
}

export function punctuationPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const out = mapPhrasing(document, (nodes, host) => {
    let rewritten: readonly PhrasingContent[];
    const marker = host.node.type === 'heading' ? host.node.ordinal?.marker : undefined;
    if (marker && phrasingText(nodes).startsWith(marker)) {
      const [kept, rest] = splitPhrasing(nodes, marker.length);
      const changed = rewriteTexts(rest, normalisePunctuation);
      rewritten = changed === rest ? nodes : [...kept, ...changed];
    } else {
      rewritten = rewriteTexts(nodes, normalisePunctuation);
    }
    if (rewritten !== nodes) {
      const before = phrasingText(nodes);
      const after = phrasingText(rewritten);
      const index = firstDifference(before, after);
      fixes.push({
        kind: 'punctuation',
        line: startLine(host.node),
        before: excerpt(before, index, 8, 1),
        after: excerpt(after, index, 8, 1),
      });
    }
    return rewritten;
  });
  return { document: out, fixes };
}
