/**
 * Sheet names within Excel's rules: at most 31 characters, none of `[ ] : * ? / \`, not starting
 * or ending with an apostrophe, unique ignoring case, and not `History` (Excel reserves it for
 * change tracking). Excel refuses to open a file that breaks them; exceljs does not check all of them.
 */

const MAX_LENGTH = 31;
const RESERVED = new Set(['history']);

/** The forbidden ASCII characters, replaced by their full-width forms so a Chinese caption still reads. */
const REPLACEMENTS: Record<string, string> = {
  '[': '［',
  ']': '］',
  ':': '：',
  '*': '＊',
  '?': '？',
  '/': '／',
  '\\': '＼',
};

/** Cuts to `max` UTF-16 units (Excel's count) without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

/** A caption or title as a legal sheet name (not yet unique); `''` when nothing is left. */
export function sanitizeSheetName(raw: string): string {
  // Control characters and line breaks are not allowed either.
  const visible = Array.from(raw, (char) => (char.charCodeAt(0) < 0x20 || char === '\u007f' ? ' ' : char)).join('');
  const cleaned = visible
    .replace(/[[\]:*?/\\]/g, (char) => REPLACEMENTS[char] ?? '')
    // Runs of spaces become one; the ideographic space of `表1　…` is kept as the caption wrote it.
    .replace(/[ \t\n\r\f\v\u00a0]+/g, ' ')
    .trim();
  return cut(cleaned, MAX_LENGTH)
    .replace(/^'+|'+$/g, '')
    .trim();
}

/**
 * Hands out unique sheet names. A name already taken (ignoring case) or reserved gets ` (2)`,
 * ` (3)`…, cutting the name to make room.
 */
export class SheetNames {
  private readonly taken = new Set<string>();

  /** Takes `name` as it is: the fixed sheets, which are registered first. */
  reserve(name: string): string {
    this.taken.add(name.toLowerCase());
    return name;
  }

  /** A unique legal name from `preferred`, or from `fallback` when `preferred` sanitizes to nothing. */
  unique(preferred: string, fallback: string): string {
    const base = sanitizeSheetName(preferred) || sanitizeSheetName(fallback) || 'Sheet';
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()) || RESERVED.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${cut(base, MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
    }
    return this.reserve(name);
  }
}
