/**
 * XML text as SpreadsheetML parts carry it. The escaping is exceljs 4.4.0's (`utils.xmlEncode`):
 * the workbook this package writes is byte-identical to the one exceljs's streaming writer wrote
 * before, so the same report gives the same file whichever platform or version made it.
 */

/** Whether any character needs escaping or dropping (the loop below says which and how). */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 || code === 38 || code === 39 || code === 60 || code === 62 || code === 127) return true;
    if (code <= 31 && code !== 9 && code !== 10 && code !== 13) return true;
  }
  return false;
}

/**
 * `<>&'"` as entities; characters XML 1.0 cannot carry (C0 controls but tab, line feed, carriage
 * return; DEL) dropped.
 */
export function xmlEscape(text: string): string {
  if (!needsEscape(text)) return text;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let entity: string;
    if (code === 34) entity = '&quot;';
    else if (code === 38) entity = '&amp;';
    else if (code === 39) entity = '&apos;';
    else if (code === 60) entity = '&lt;';
    else if (code === 62) entity = '&gt;';
    else if (code === 127 || (code <= 31 && code !== 9 && code !== 10 && code !== 13)) entity = '';
    else continue;
    if (last !== i) out += text.slice(last, i);
    last = i + 1;
    out += entity;
  }
  return last < text.length ? out + text.slice(last) : out;
}

/** ` name="value"` for each defined attribute, in the order given. */
export function attrs(attributes: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) out += ` ${name}="${xmlEscape(String(value))}"`;
  }
  return out;
}

/** An element with only attributes: `<name a="1"/>`. */
export function leaf(name: string, attributes: Record<string, string | number | undefined> = {}): string {
  return `<${name}${attrs(attributes)}/>`;
}

/** An element with text: `<name>text</name>`. */
export function textNode(name: string, text: string, attributes: Record<string, string | number | undefined> = {}) {
  return `<${name}${attrs(attributes)}>${xmlEscape(text)}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
