/**
 * Paired punctuation: 《》 “” （） 「」 『』 〈〉 【】. Half- and full-width parentheses pair with each
 * other (OCR mixes them: `(全国前10%）`).
 */

type Kind = 'book' | 'quote' | 'paren' | 'corner' | 'white-corner' | 'angle' | 'lenticular';

const OPENERS: { [char: string]: Kind } = {
  '《': 'book',
  '“': 'quote',
  '（': 'paren',
  '(': 'paren',
  '「': 'corner',
  '『': 'white-corner',
  '〈': 'angle',
  '【': 'lenticular',
};
const CLOSERS: { [char: string]: Kind } = {
  '》': 'book',
  '”': 'quote',
  '）': 'paren',
  ')': 'paren',
  '」': 'corner',
  '』': 'white-corner',
  '〉': 'angle',
  '】': 'lenticular',
};

/** Any of the brackets above (none of them is special inside a character class). */
const BRACKET = new RegExp(`[${Object.keys(OPENERS).join('')}${Object.keys(CLOSERS).join('')}]`, 'g');

/** A bracket without its partner: where it is and which character it is. */
export interface LoneBracket {
  index: number;
  char: string;
}

/** Openers never closed and closers never opened, each in text order. */
export function loneBrackets(text: string): { unclosed: LoneBracket[]; unopened: LoneBracket[] } {
  const open = new Map<Kind, LoneBracket[]>();
  const unopened: LoneBracket[] = [];
  // Only the brackets are visited: most of a text has none.
  for (const found of text.matchAll(BRACKET)) {
    const index = found.index;
    const char = found[0];
    const opener = OPENERS[char];
    if (opener) {
      const stack = open.get(opener) ?? [];
      stack.push({ index, char });
      open.set(opener, stack);
      continue;
    }
    const closer = CLOSERS[char];
    if (!closer) continue;
    const stack = open.get(closer);
    if (stack && stack.length > 0) stack.pop();
    else unopened.push({ index, char });
  }
  const unclosed = [...open.values()].flat().sort((a, b) => a.index - b.index);
  return { unclosed, unopened };
}

/** Every opener closed and every closer opened. */
export function isBalanced(text: string): boolean {
  const { unclosed, unopened } = loneBrackets(text);
  return unclosed.length === 0 && unopened.length === 0;
}
