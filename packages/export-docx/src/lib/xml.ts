/**
 * A small, strict XML reader and writer for OOXML parts: enough to read a reference document's
 * styles and page setup and to write them back, and to check that every part wenshu writes is
 * well-formed (XML 1.0 §2.1: one root, properly nested tags, unique attributes, quoted values,
 * only the five predefined entities and character references, no DTD). Namespaces are kept as
 * written (`w:style` is the name), which is how OOXML parts are read everywhere.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'XmlError';
    this.offset = offset;
  }
}

/** An XML Name (§2.3), by Unicode categories: a letter, `_` or `:`, then letters, digits, marks, `_:.-·`. */
const NAME = /[\p{L}_:][\p{L}\p{N}\p{M}_:.\-\u00B7]*/uy;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/**
 * Where the text has a character XML 1.0 does not allow (§2.2 Char): a C0 control other than tab,
 * LF and CR, a lone surrogate, U+FFFE or U+FFFF; -1 when it has none.
 */
function badCharIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return i;
    if (code === 0xfffe || code === 0xffff) return i;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return i;
  }
  return -1;
}

function decode(text: string, offset: number): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;]*);?/g, (match, body: string, at: number) => {
    if (!match.endsWith(';')) throw new XmlError('unterminated entity reference', offset + at);
    if (body.startsWith('#x')) {
      const code = Number.parseInt(body.slice(2), 16);
      if (!/^[0-9a-fA-F]+$/.test(body.slice(2)) || code > 0x10ffff)
        throw new XmlError(`bad character reference &${body};`, offset + at);
      return String.fromCodePoint(code);
    }
    if (body.startsWith('#')) {
      const code = Number.parseInt(body.slice(1), 10);
      if (!/^[0-9]+$/.test(body.slice(1)) || code > 0x10ffff)
        throw new XmlError(`bad character reference &${body};`, offset + at);
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[body];
    if (value === undefined) throw new XmlError(`undefined entity &${body};`, offset + at);
    return value;
  });
}

/** Parses a whole XML document; throws {@link XmlError} where it is not well-formed. */
export function parseXml(source: string): XmlElement {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const bad = badCharIndex(text);
  if (bad >= 0) throw new XmlError('character not allowed in XML', bad);
  let pos = 0;
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];

  const readName = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(text);
    if (!match) throw new XmlError('expected a name', pos);
    pos += match[0].length;
    return match[0];
  };
  const skipSpace = (): boolean => {
    const start = pos;
    while (pos < text.length && ' \t\r\n'.includes(text[pos] as string)) pos++;
    return pos > start;
  };
  const expectSequence = (end: string, what: string): number => {
    const at = text.indexOf(end, pos);
    if (at < 0) throw new XmlError(`unterminated ${what}`, pos);
    return at;
  };

  if (text.startsWith('<?xml')) {
    const end = expectSequence('?>', 'XML declaration');
    if (!/^<\?xml\s+version\s*=\s*("1\.\d+"|'1\.\d+')/.test(text.slice(0, end)))
      throw new XmlError('bad XML declaration', 0);
    pos = end + 2;
  }

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunkEnd = lt < 0 ? text.length : lt;
    if (chunkEnd > pos) {
      const chunk = text.slice(pos, chunkEnd);
      const parent = stack[stack.length - 1];
      if (!parent) {
        if (chunk.trim() !== '') throw new XmlError('text outside the root element', pos);
      } else {
        if (chunk.includes(']]>')) throw new XmlError("']]>' in text", pos + chunk.indexOf(']]>'));
        parent.children.push(decode(chunk, pos));
      }
      pos = chunkEnd;
      continue;
    }
    if (text.startsWith('<!--', pos)) {
      const end = expectSequence('-->', 'comment');
      if (text.slice(pos + 4, end).includes('--')) throw new XmlError("'--' inside a comment", pos);
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', pos)) {
      const parent = stack[stack.length - 1];
      if (!parent) throw new XmlError('CDATA outside the root element', pos);
      const end = expectSequence(']]>', 'CDATA section');
      parent.children.push(text.slice(pos + 9, end));
      pos = end + 3;
    } else if (text.startsWith('<?', pos)) {
      pos += 2;
      const target = readName();
      if (target.toLowerCase() === 'xml') throw new XmlError('XML declaration not at the start', pos);
      pos = expectSequence('?>', 'processing instruction') + 2;
    } else if (text.startsWith('<!', pos)) {
      throw new XmlError('document type declarations are not allowed in OOXML parts', pos);
    } else if (text.startsWith('</', pos)) {
      pos += 2;
      const name = readName();
      skipSpace();
      if (text[pos] !== '>') throw new XmlError(`expected '>' to close </${name}`, pos);
      pos++;
      const open = stack.pop();
      if (!open) throw new XmlError(`end tag </${name}> without a start tag`, pos);
      if (open.name !== name) throw new XmlError(`end tag </${name}> does not match <${open.name}>`, pos);
    } else {
      pos++;
      if (root && stack.length === 0) throw new XmlError('a second root element', pos);
      const element: XmlElement = { name: readName(), attributes: {}, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else root = element;
      for (;;) {
        const spaced = skipSpace();
        if (text.startsWith('/>', pos)) {
          pos += 2;
          break;
        }
        if (text[pos] === '>') {
          pos++;
          stack.push(element);
          break;
        }
        if (!spaced) throw new XmlError(`expected whitespace, '>' or '/>' in <${element.name}>`, pos);
        const attribute = readName();
        skipSpace();
        if (text[pos] !== '=') throw new XmlError(`expected '=' after ${attribute}`, pos);
        pos++;
        skipSpace();
        const quote = text[pos];
        if (quote !== '"' && quote !== "'") throw new XmlError(`unquoted value of ${attribute}`, pos);
        const end = text.indexOf(quote, pos + 1);
        if (end < 0) throw new XmlError(`unterminated value of ${attribute}`, pos);
        const raw = text.slice(pos + 1, end);
        if (raw.includes('<')) throw new XmlError(`'<' in the value of ${attribute}`, pos);
        if (Object.hasOwn(element.attributes, attribute)) throw new XmlError(`duplicate attribute ${attribute}`, pos);
        element.attributes[attribute] = decode(raw, pos + 1);
        pos = end + 1;
      }
    }
  }
  if (stack.length > 0) throw new XmlError(`<${(stack[stack.length - 1] as XmlElement).name}> is never closed`, pos);
  if (!root) throw new XmlError('no root element', pos);
  return root;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** Writes an element (and its subtree) as XML. */
export function serializeElement(element: XmlElement): string {
  let out = `<${element.name}`;
  for (const [name, value] of Object.entries(element.attributes)) out += ` ${name}="${escapeAttribute(value)}"`;
  if (element.children.length === 0) return `${out}/>`;
  out += '>';
  for (const child of element.children) out += typeof child === 'string' ? escapeText(child) : serializeElement(child);
  return `${out}</${element.name}>`;
}

/** Writes a whole part, with the declaration OOXML parts carry. */
export function serializeXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${serializeElement(root)}`;
}

/** The child elements of `element`, optionally only those named `name`. */
export function elements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name),
  );
}

/** The first child element named `name`. */
export function element(parent: XmlElement, name: string): XmlElement | undefined {
  return elements(parent, name)[0];
}

/** Every element named `name` in the subtree, in document order. */
export function descendants(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as XmlElement;
    if (node.name === name) out.push(node);
    const kids = elements(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as XmlElement);
  }
  return out;
}

/** The text content of the subtree. */
export function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}
