import type { Variant } from './pipeline.js';

/**
 * Quotation marks of a Traditional edition: `auto` uses corner brackets for the Taiwan and Hong
 * Kong editions (`tw`, `twp`, `hk`), where they are the norm, and keeps “” ‘’ for `t`; `corner`
 * and `keep` force one or the other.
 */
export type QuoteStyle = 'auto' | 'keep' | 'corner';

const CORNER: Readonly<Record<string, string>> = { '“': '「', '”': '」', '‘': '『', '’': '』' };
const CURLY_QUOTE = /[“”‘’]/g;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;
const LATIN = /\p{Script=Latin}/u;

export function usesCornerQuotes(variant: Variant, style: QuoteStyle = 'auto'): boolean {
  return style === 'corner' || (style === 'auto' && variant !== 't');
}

/**
 * “” → 「」 and ‘’ → 『』, one mark for one mark, so nesting is kept: Chinese text quotes with “”
 * outside and ‘’ inside, which become 「」 outside and 『』 inside. A ’ between Latin letters
 * (People’s, don’t) is an apostrophe and stays. The result has the same length as `text`.
 */
export function toCornerQuotes(text: string): string {
  return text.replace(CURLY_QUOTE, (quote: string, offset: number) =>
    quote === '’' && isApostrophe(text, offset) ? quote : (CORNER[quote] as string),
  );
}

function isApostrophe(text: string, offset: number): boolean {
  return LATIN_OR_DIGIT.test(text.charAt(offset - 1)) && LATIN.test(text.charAt(offset + 1));
}
