/**
 * Reading a table cell's text as a number, the way a reader of a Chinese statistical table would:
 * `7,306.5` is 7306.5, `87.5%` is 0.875, `-0.2` is −0.2, `１２３` is 123, and `—` means "no figure".
 * Text that only looks numeric (`001`, an 11-digit phone number, an 18-digit ID) is flagged so the
 * column stays text. Whether a column is numeric at all is decided in `table-sheets.ts`, by column.
 */

/** Full-width digits and signs (U+FF10–FF19, ．，％＋－) and the other minus signs, as ASCII. */
export function asciiDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.')
    .replace(/[，]/g, ',')
    .replace(/[％]/g, '%')
    .replace(/[＋]/g, '+')
    .replace(/[－−﹣‐]/g, '-');
}

/** What a statistical table writes for "no figure" or "not applicable". */
const PLACEHOLDER = /^(?:[-—–―－─]{1,2}|…{1,2}|\.{3})$/;

export type CellNumber =
  /** A number, with the Excel format that shows it as written. */
  | { kind: 'number'; value: number; numFmt: string }
  /** An empty cell or a dash: no figure. */
  | { kind: 'empty' }
  /** Digits that are an identifier, not an amount: leading zeros, phone and ID numbers. */
  | { kind: 'identifier' }
  | { kind: 'text' };

const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%)?$/;

/** Excel keeps 15 significant digits; more would be silently changed. */
const MAX_DIGITS = 15;
/** A run of this many digits without separators or a decimal point is a phone, account or ID number. */
const IDENTIFIER_DIGITS = 11;

/**
 * Shifts a decimal string two places left: `87.5` → `0.875`. Done on the digits, not by dividing,
 * so `64.4%` is exactly 0.644 and not 0.6440000000000001.
 */
function percentValue(integer: string, fraction: string): number {
  const digits = `${integer}${fraction}`.padStart(fraction.length + 3, '0');
  const point = digits.length - fraction.length - 2;
  return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
}

export function parseCellNumber(raw: string): CellNumber {
  const trimmed = asciiDigits(raw.replace(/[\s\u3000\u00a0]+/g, ''));
  if (trimmed === '' || PLACEHOLDER.test(trimmed)) return { kind: 'empty' };
  const match = NUMBER.exec(trimmed);
  if (!match) return { kind: 'text' };
  const [, sign = '', grouped = '', fraction = '', percent] = match;
  const integer = grouped.replace(/,/g, '');
  if (integer.length > 1 && integer.startsWith('0')) return { kind: 'identifier' };
  if (integer.replace(/^0+/, '').length + fraction.length > MAX_DIGITS) return { kind: 'identifier' };
  if (grouped === integer && fraction === '' && !percent && integer.length >= IDENTIFIER_DIGITS) {
    return { kind: 'identifier' };
  }
  const decimals = fraction === '' ? '' : `.${'0'.repeat(fraction.length)}`;
  const magnitude = percent ? percentValue(integer, fraction) : Number(`${integer}.${fraction || '0'}`);
  // -0 would show as "-0" in some readers; a written "-0" is zero.
  const value = sign === '-' && magnitude !== 0 ? -magnitude : magnitude;
  return { kind: 'number', value, numFmt: percent ? `0${decimals}%` : `#,##0${decimals}` };
}

/** A whole number written as a plausible calendar year, without separators. */
export function looksLikeYear(raw: string): boolean {
  const trimmed = asciiDigits(raw.trim());
  if (!/^\d{4}$/.test(trimmed)) return false;
  const year = Number(trimmed);
  return year >= 1900 && year <= 2100;
}
