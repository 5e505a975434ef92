/**
 * The spacing between two characters of a line (a "slot"), by W3C clreq (Requirements for Chinese
 * Text Layout): justification stretches only between Chinese characters, at the boundaries of
 * Chinese and Latin text and at spaces; the letters of a Latin word and the digits of a number are
 * never tracked apart (`K i b a n a`, `1 6 7`), nor are the halves of —— and …… (one continuous
 * mark).
 *
 * Squeezing the blank half of full-width marks (clreq §3.1.6) comes before this: see `squeeze.ts`.
 */
import { BreakClass } from './breaking.js';

/** Characters of a Latin word or number: no tracking between two of them. */
function isWord(cls: BreakClass): boolean {
  return (
    cls === BreakClass.Alphabetic ||
    cls === BreakClass.CloseNarrow ||
    cls === BreakClass.OpenNarrow ||
    cls === BreakClass.Hyphen
  );
}

/**
 * Whether justification may stretch the slot between two characters: not inside a Latin word or
 * number, nor inside —— and …….
 */
export function stretchable(prevCp: number, prev: BreakClass, nextCp: number, next: BreakClass): boolean {
  if (isWord(prev) && isWord(next)) return false;
  return !(prevCp === nextCp && (prevCp === 0x2014 || prevCp === 0x2026));
}
