/**
 * Evidence at the seam between two paragraphs, for the `brokenParagraphs` pass: whether a bracket
 * opened before the cut is closed after it, whether a word runs across it, whether the second
 * paragraph opens with the first one's opening words. Each reads only a few characters either side.
 */
import { isWide } from './characters.js';

/** Brackets that open and close a parenthesis, half- and full-width. */
const OPEN_BRACKETS = new Set(['(', '（']);
const CLOSE_BRACKETS = new Set([')', '）']);
/** The most characters either part of a bracket cut across a break is read for its balance. */
const BRACKET_SPAN = 400;

/** How many brackets a text leaves open (negative: closes more than it opens). */
function bracketBalance(text: string): number {
  let open = 0;
  for (const char of text) {
    if (OPEN_BRACKETS.has(char)) open++;
    else if (CLOSE_BRACKETS.has(char)) open--;
  }
  return open;
}

/**
 * Whether a part that ends in a separator (`…Beijing 100049,China;`) leaves a bracket open that the
 * next part closes (`Key Laboratory …,Beijing 100049,China）`): a bracketed list (a paper's
 * affiliations, a parenthetical enumeration) cut by the page, whatever its last mark says. Both
 * sides must agree, so a sentence that merely ends inside a long aside is not joined.
 */
export function closesBracket(ending: string, opening: string): boolean {
  if (!/[;；,，]$/.test(ending)) return false;
  const before = bracketBalance(ending.slice(-BRACKET_SPAN));
  if (before <= 0) return false;
  // The opening part closes it before it opens another one.
  let balance = 0;
  for (const char of opening.slice(0, BRACKET_SPAN)) {
    if (OPEN_BRACKETS.has(char)) balance++;
    else if (CLOSE_BRACKETS.has(char) && --balance < 0) return true;
  }
  return false;
}

/** How many opening characters two paragraphs share to be parallel ones (a topic repeated). */
export const PARALLEL_OPENING = 6;

/** How many wide characters two texts start with in common. */
export function sharedOpening(a: string, b: string): number {
  let count = 0;
  const second = [...b];
  for (const char of a) {
    if (char !== second[count] || !isWide(char)) break;
    count++;
  }
  return count;
}

/** How many characters on each side of a cut the word test reads. */
const SEAM = 6;

let words: Intl.Segmenter | undefined;

/**
 * Whether a word of Chinese runs across the cut (`…对冲的回` + `测数据` → `回测`; `…回归模` + `式引入` →
 * `模式`): the two parts are one sentence cut mid-word, whatever the first part looks like.
 */
export function wordAcross(before: string, after: string): boolean {
  const left = [...before].slice(-SEAM).join('');
  const right = [...after].slice(0, SEAM).join('');
  if (!HAN_END.test(left) || !HAN_START.test(right)) return false;
  words ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const seam = left.length;
  for (const { index, segment, isWordLike } of words.segment(left + right)) {
    if (index < seam && index + segment.length > seam) return isWordLike === true;
    if (index >= seam) break;
  }
  return false;
}

export const HAN_END = /\p{Script=Han}$/u;
export const HAN_START = /^\p{Script=Han}/u;
