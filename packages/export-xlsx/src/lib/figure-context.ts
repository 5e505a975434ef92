/**
 * The sentence a figure is shown with in the figures sheet. A sentence is context for its figure:
 * a paragraph of megabytes with no full stop (OCR of a page as one line, a table read as text) is
 * one sentence, and each of its thousands of figures wrote all of it again — 41,000 figures of a
 * 1 MB line made a sheet of 41 GB of text. Past `SENTENCE_CONTEXT` characters the sentence is cut
 * to that many around the figure, with `…` where it was cut; the whole text is in the items sheet.
 */

export const SENTENCE_CONTEXT = 1_000;

/** Moves `at` off the second half of a surrogate pair (to the pair's start). */
function pairStart(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/** `sentence` whole, or the `max` characters around `start`–`end` with `…` at each cut end. */
export function sentenceContext(
  figure: { sentence: string; start: number; end: number },
  max = SENTENCE_CONTEXT,
): string {
  const { sentence, start, end } = figure;
  if (sentence.length <= max) return sentence;
  const room = Math.max(0, max - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  const to = Math.min(sentence.length, Math.max(end, from + max));
  from = pairStart(sentence, Math.max(0, Math.min(from, to - max)));
  const cutEnd = pairStart(sentence, to);
  return `${from > 0 ? '…' : ''}${sentence.slice(from, cutEnd)}${cutEnd < sentence.length ? '…' : ''}`;
}
