/**
 * Numbers as a report writes them: Arabic digits, half- or full-width, with thousands separators
 * (`1,236.8`, `９４０．２`), and Chinese numerals with place units (`十六`, `两`, `一百零五`).
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const PLACES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const GROUPS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** The characters Chinese numerals are written with. */
export const CHINESE_NUMERAL = '零〇一二两三四五六七八九十百千万亿';

/** `1,236.8` → 1236.8, `９４０．２` → 940.2. */
export function arabicValue(text: string): number {
  // Most numbers are plain ASCII: no rewriting needed.
  if (/^[0-9]+(?:\.[0-9]+)?$/.test(text)) return Number(text);
  return Number(
    text
      .replace(/[０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
      .replace(/[．]/g, '.')
      .replace(/[,，]/g, ''),
  );
}

/** Digit-by-digit numerals (`二〇二三`): a year or a code, never an amount. */
export function isDigitByDigit(text: string): boolean {
  return text.length >= 2 && [...text].every((char) => DIGITS[char] !== undefined);
}

/** A section below 10,000: `三千五百零二`, `十六`, `百`. `null` when malformed. */
function section(text: string): number | null {
  if (text === '') return 0;
  let total = 0;
  let digit: number | null = null;
  let lastPlace = Number.POSITIVE_INFINITY;
  for (const char of text) {
    const value = DIGITS[char];
    if (value !== undefined) {
      // Two digits in a row only across a zero (`一百零五`).
      if (digit !== null && digit !== 0) return null;
      digit = value;
      continue;
    }
    const place = PLACES[char];
    if (place === undefined || place >= lastPlace) return null;
    // A leading place has an implied one (`十六`, `百亿`); after a zero it is malformed.
    if (digit === 0) return null;
    total += (digit ?? 1) * place;
    lastPlace = place;
    digit = null;
  }
  return total + (digit ?? 0);
}

/**
 * A Chinese numeral with place units as a number (`十六` 16, `两` 2, `三万五千` 35000), or `null`
 * for malformed ones (`十四五`, a slogan) and digit-by-digit ones (`二〇二三`).
 */
export function chineseValue(text: string): number | null {
  if (text === '' || isDigitByDigit(text)) return null;
  let total = 0;
  let rest = text;
  for (const group of ['亿', '万'] as const) {
    const index = rest.indexOf(group);
    if (index < 0) continue;
    const head = section(rest.slice(0, index));
    if (head === null) return null;
    total += (index === 0 ? 1 : head) * (GROUPS[group] as number);
    rest = rest.slice(index + 1);
  }
  const tail = section(rest);
  if (tail === null) return null;
  total += tail;
  return total > 0 ? total : null;
}
