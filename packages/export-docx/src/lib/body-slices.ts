/**
 * The body written a slice at a time (issue 17). docx formats the whole body in one call: every
 * paragraph's objects (made by the handlers) and, beside them, the tree of plain objects the
 * formatter makes from them (an object and an array for every element and attribute) are alive
 * together until the XML string is made — about 3–4 KB a short paragraph, 1.4 GB for 5 MB of
 * numbered items. Here, before docx writes the document, the body's blocks are formatted a slice
 * at a time, in the order docx would format them and with the context it would give them (so every
 * relationship, picture and list instance is registered in the same order), each slice's XML made
 * at once and put in the body in the blocks' place; the blocks and their formatted trees are then
 * garbage. docx then writes the slices' XML as it is: the same bytes (the golden tests compare them).
 *
 * Not used with a table of contents: docx fills it in from the formatted tree of the whole body.
 */
import { type Document as DocxDocument, Paragraph, Table, XmlComponent } from 'docx';

/** Blocks formatted together: small enough that one slice's objects cost little, large enough to be few. */
export const SLICE_BLOCKS = 512;

/** A formatted element, as docx's `Formatter` makes it (the shape of the `xml` package's input). */
type Xmlable = Record<string, unknown>;

/** The parts of docx's `Body` read here (the class keeps them private). */
interface BodyInternals {
  root: unknown[];
  sectionParagraphs: Map<unknown, unknown>;
}

interface Formattable {
  prepForXml(context: unknown): Xmlable | Xmlable[] | undefined;
  readonly writtenAs?: readonly Formattable[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** The characters docx escapes in text and attributes, and the control characters it drops. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: docx drops them; so must a copy of its writer
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** docx's `escapeValue`: strings escaped (control characters dropped), other values as they are. */
function escapeValue(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(ESCAPED, (char) => ESCAPES[char] ?? '') : value;
}

interface Resolved {
  name: string | undefined;
  attributes: string[];
  content: unknown[];
}

/**
 * docx's `resolve` (src/util/xml/stringify.ts in docx 9.15), without indentation (docx writes the
 * document without it): the `xml` package's rules, quirks and all — a string among an element's
 * children replaces the child before it.
 */
function resolve(data: Xmlable): Resolved {
  const name = Object.keys(data)[0];
  const values = name === undefined ? undefined : data[name];
  const attributes: string[] = [];
  const content: unknown[] = [];
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attr)) attributes.push(`${key}="${String(escapeValue(value))}"`);
  };
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values) {
          if (typeof value === 'object') {
            if (Object.keys(value as object)[0] === '_attr')
              addAttributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(resolve(value as Xmlable));
          } else {
            content.pop();
            isStringContent = true;
            content.push(escapeValue(value));
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else content.push(escapeValue(values));
  return { name, attributes, content };
}

/** docx's `format` without indentation. A loop over an explicit stack: a deep table must not overflow ours. */
function xmlOf(data: Xmlable): string {
  // Pieces joined once at the end: `+=` would make a rope of a million small strings.
  const out: string[] = [];
  const stack: (Resolved | string)[] = [resolve(data)];
  while (stack.length > 0) {
    const item = stack.pop() as Resolved | string;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const { name, attributes, content } = item;
    const { length } = content;
    out.push(
      `${name ? `<${name}` : ''}${attributes.length > 0 ? ` ${attributes.join(' ')}` : ''}${length > 0 ? (name ? '>' : '') : '/>'}`,
    );
    if (length === 0) continue;
    if (name) stack.push(`</${name}>`);
    for (let index = length - 1; index >= 0; index--) {
      const child = content[index];
      if (child === undefined) continue;
      stack.push(typeof child === 'object' ? (child as Resolved) : String(child));
    }
  }
  return out.join('');
}

/**
 * XML written as it is. docx writes a string child as text, escaped; a value that is not a string
 * is written with `String()` as it is. A function whose `toString` gives the XML is such a value,
 * and an element with an empty name writes only its content: `{ '': [xml] }` is the XML alone.
 */
class WrittenXml extends XmlComponent {
  private readonly xml: string;

  constructor(xml: string) {
    super('');
    this.xml = xml;
  }

  override prepForXml(): Xmlable {
    const xml = this.xml;
    const raw = Object.assign(() => xml, { toString: () => xml });
    return { '': [raw] };
  }
}

/** The XML of `blocks` as docx's body would write them (a block may be written as several, `writtenAs`). */
function sliceXml(blocks: readonly Formattable[], context: { stack: unknown[] }): string {
  const xml: string[] = [];
  for (const block of blocks) {
    for (const part of block.writtenAs ?? [block]) {
      const formatted = part.prepForXml(context);
      if (formatted === undefined) continue;
      for (const element of Array.isArray(formatted) ? formatted : [formatted]) {
        if (element !== undefined) xml.push(xmlOf(element));
      }
    }
  }
  return xml.join('');
}

/** A block's parts, as the body's root and a paragraph or table hold them (`root` is protected in docx's types). */
interface WithRoot {
  root: unknown[];
  prepForXml(context: unknown): Xmlable | undefined;
}

/**
 * A paragraph of many runs (a code block of the whole file, a line of megabytes) or a table of many
 * rows formatted a few children at a time: docx's own `prepForXml` of the paragraph or table is
 * called on each slice of its children in turn (so a paragraph's links become relationships in
 * order and its properties come first; a table works out its column widths from all its rows each
 * time, as it would once), and the XML of the element is put together as docx's writer would:
 * `<w:p/>` when it has no children, attributes on the tag, and a bare string among the children
 * replacing the child before it (the `xml` package's rule; docx's paragraphs and tables hold none).
 */
function elementXml(element: WithRoot, name: string, context: { stack: unknown[] }, size: number): string {
  const all = element.root;
  const attributes: string[] = [];
  const content: string[] = [];
  let children = 0;
  let lastIsAttributes = false;
  const table = tableWidths(element);
  try {
    for (let from = 0; from < all.length; from += size) {
      element.root = all.slice(from, from + size);
      // docx's Table.prepForXml gives every cell of every row its width each time it is called
      // (setCellWidths, over all its rows): called once a slice, that was slices × rows — 160,000 rows
      // ran for minutes. The widths are the same each time: given once, on the first slice.
      if (table && from > 0) table.keepCellWidths();
      const value = element.prepForXml(context)?.[name];
      const parts = Array.isArray(value) ? value : value !== undefined && '_attr' in (value as object) ? [value] : [];
      for (const part of parts) {
        children++;
        lastIsAttributes = false;
        if (typeof part !== 'object' || part === null) {
          content.pop();
          content.push(String(escapeValue(part)));
        } else if (Object.keys(part)[0] === '_attr') {
          attributes.push(...resolve({ attributes: part as Xmlable }).attributes);
          lastIsAttributes = true;
        } else content.push(xmlOf(part as Xmlable));
      }
      // The children written are let go; the slice and its formatted tree go with this turn of the loop.
      for (let at = from; at < Math.min(all.length, from + size); at++) all[at] = undefined;
    }
  } finally {
    element.root = all;
    table?.restore();
  }
  const tag = `<${name}${attributes.length > 0 ? ` ${attributes.join(' ')}` : ''}`;
  if (children === 0 || (children === 1 && lastIsAttributes)) return `${tag}/>`;
  return `${tag}>${content.join('')}</${name}>`;
}

/** The parts of docx's `Table` read here (9.15.2; kept private in its types). */
interface TableInternals {
  columnWidths: number[] | undefined;
  setCellWidths(availableWidth: unknown): void;
}

/**
 * For a docx `Table` with its column widths given (the tables made here), a way to keep the cell
 * widths its first slice set (`setCellWidths` not called again on later slices) and to put it back; `undefined` for anything else. Without column
 * widths docx works them out from the rows on every call, and its cells' widths could then differ.
 */
function tableWidths(element: WithRoot): { keepCellWidths(): void; restore(): void } | undefined {
  if (!(element instanceof Table) || element.constructor !== Table) return undefined;
  const table = element as unknown as TableInternals;
  if (table.columnWidths === undefined || typeof table.setCellWidths !== 'function') return undefined;
  return {
    keepCellWidths: () => {
      // An own property shadows the class's method for this table only.
      table.setCellWidths = () => {};
    },
    restore: () => {
      delete (table as Partial<TableInternals>).setCellWidths;
    },
  };
}

/** The element name of a block written a few children at a time, when it is one (see `elementXml`). */
function slicedName(child: unknown, size: number): string | undefined {
  const many = (child as WithRoot).root.length > size;
  if (!many) return undefined;
  if (child instanceof Paragraph && child.constructor === Paragraph) return 'w:p';
  if (child instanceof Table && child.constructor === Table) return 'w:tbl';
  return undefined;
}

/**
 * Formats the body of `docx` a slice at a time (see above), in place. Call it once, after the
 * document is made and before it is compiled; the body's first child (docx's placeholder for the
 * first section, removed when it writes the body) and the paragraphs that end sections (docx adds
 * their section properties when it writes the body) are left to docx.
 */
export function writeBodyInSlices(docx: DocxDocument, sliceBlocks = SLICE_BLOCKS): void {
  const view = docx.Document.View;
  // docx's types keep the body's children and section paragraphs private: read through their shape (9.15.2).
  const body = view.Body as unknown as BodyInternals;
  const context = { viewWrapper: docx.Document, file: docx, stack: [view, body] };
  const root = body.root;
  const out: unknown[] = root.length > 0 ? [root[0]] : [];
  let slice: number[] = [];
  const flush = () => {
    if (slice.length === 0) return;
    // The blocks stay in the body while they are formatted: docx finds a block's section by its place.
    out.push(
      new WrittenXml(
        sliceXml(
          slice.map((at) => root[at] as Formattable),
          context,
        ),
      ),
    );
    // Then they are let go: the body holds their XML instead.
    for (const at of slice) root[at] = undefined;
    slice = [];
  };
  for (let index = 1; index < root.length; index++) {
    const child = root[index];
    if (body.sectionParagraphs.has(child) || !(child instanceof XmlComponent)) {
      flush();
      out.push(child);
      continue;
    }
    const name = slicedName(child, sliceBlocks);
    if (name) {
      flush();
      // A Paragraph's or Table's `root` (its children) is protected in docx's types; `slicedName` checked its class.
      out.push(new WrittenXml(elementXml(child as unknown as WithRoot, name, context, sliceBlocks)));
      root[index] = undefined;
      continue;
    }
    slice.push(index);
    if (slice.length >= sliceBlocks) flush();
  }
  flush();
  root.length = 0;
  for (const child of out) root.push(child);
}
