/**
 * The sentence a figure is shown with in the figures sheet. A sentence is context for its figure:
 * a paragraph of megabytes with no full stop (OCR of a page as one line, a table read as text) is
 * one sentence, and each of its thousands of figures wrote all of it again — 41,000 figures of a
 * 1 MB line made a sheet of 41 GB of text. Past `SENTENCE_CONTEXT` characters the sentence is cut
 * to that many around the figure, with `…` where it was cut; the whole text is in the items sheet.
 */

export const SENTENCE_CONTEXT = 1_000;

/**
 * The fewest characters a figure is shown with: the figure and a phrase either side. A figure of a
 * sentence of many figures is shown with less than `SENTENCE_CONTEXT` (see {@link contextLength}).
 */
export const MIN_CONTEXT = 40;

/**
 * How many characters of its sentence each of `figures` figures is shown with. Even cut to 1,000
 * characters, the context repeated for each figure is what the sheet is made of: a line of 5 MB
 * holding 200,000 figures made 200 million characters of shared strings (1.7 GB). So the figures of
 * one sentence share a budget of 8 times the sentence (at least 100,000 characters, so that a
 * sentence of up to 100 figures is shown as before), never less than `MIN_CONTEXT` a figure.
 */
export function contextLength(sentenceLength: number, figures: number): number {
  const budget = Math.max(100_000, 8 * sentenceLength);
  return Math.max(MIN_CONTEXT, Math.min(SENTENCE_CONTEXT, Math.floor(budget / Math.max(1, figures))));
}

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
