/**
 * Characters no Word or Excel file can hold. Their parts are XML 1.0, whose `Char` production
 * (section 2.2) allows tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
 * U+10000–U+10FFFF, as whole code points. Anything else — the C0 controls, the noncharacters
 * U+FFFE and U+FFFF, a surrogate without its partner — makes the part not well-formed: Word refuses
 * the file, LibreOffice drops text. The PDF does not care, but one document should read the same
 * in every format, so the text is made safe once, where it enters (`parse`, `parsePlainText`), and
 * every exporter gets the same characters.
 *
 * Form feed and vertical tab (whitespace to CommonMark, page or line breaks in old text files)
 * become a space; the other controls and the two noncharacters, which never showed anything, are
 * dropped; half a surrogate pair, the remains of a character that was lost, becomes U+FFFD
 * REPLACEMENT CHARACTER. This is done on the parsed tree's strings, not on the source, so every
 * node's position still points into the file as it is.
 */
import type { Document, Position } from '../ast.js';
import type { Warning } from './warnings.js';

const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it finds
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Whether `text` holds a character XML 1.0 does not allow. */
export function hasNonXmlCharacter(text: string): boolean {
  NOT_XML.lastIndex = 0;
  const found = NOT_XML.test(text);
  NOT_XML.lastIndex = 0;
  return found;
}

/** What takes the place of a character XML does not allow. */
function replacementOf(char: string): string {
  if (char === '\f' || char === '\v') return ' ';
  const code = char.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdfff ? '\ufffd' : '';
}

/** `text` with every character XML 1.0 does not allow replaced or dropped (see above). */
export function toXmlCharacters(text: string, onReplace?: (char: string) => void): string {
  return text.replace(NOT_XML, (char) => {
    onReplace?.(char);
    return replacementOf(char);
  });
}

/** How a warning names a character: `U+FFFE (a noncharacter)`. */
function describe(char: string): string {
  const code = char.charCodeAt(0);
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20) return `${name} (a control character)`;
  if (code >= 0xd800 && code <= 0xdfff) return `${name} (half of a surrogate pair without the other half)`;
  return `${name} (a noncharacter)`;
}

/**
 * Replaces or drops, in place, every character XML does not allow in every string of the document (text,
 * code, URLs, alt text, titles, front matter, its keys too), and warns once per character with the
 * count and the first place it was found.
 */
export function keepXmlCharacters(document: Document, warn: (warning: Warning) => void): void {
  const found = new Map<string, { count: number; position: Position | undefined }>();
  const walk = (value: unknown, position: Position | undefined): unknown => {
    if (typeof value === 'string') {
      if (!hasNonXmlCharacter(value)) return value;
      return toXmlCharacters(value, (char) => {
        const seen = found.get(char);
        if (seen) seen.count++;
        else found.set(char, { count: 1, position });
      });
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = walk(value[i], position);
      return value;
    }
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const own = (record.position as Position | undefined) ?? position;
    for (const key of Object.keys(record)) {
      if (key === 'position') continue;
      const safeKey = walk(key, own) as string;
      const child = walk(record[key], own);
      if (safeKey !== key) delete record[key];
      record[safeKey] = child;
    }
    return value;
  };
  walk(document, undefined);
  for (const [char, { count, position }] of found) {
    const times = count === 1 ? '' : `${count.toLocaleString('en')} times, `;
    const replacement = replacementOf(char);
    const done = replacement === '' ? 'dropped' : `replaced with ${replacement === ' ' ? 'a space' : 'U+FFFD'}`;
    warn({
      code: 'invalid-character',
      message: `${describe(char)} ${times}${done}: Word and Excel files cannot hold it`,
      ...(position ? { position } : {}),
    });
  }
}
