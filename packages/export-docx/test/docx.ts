/**
 * Test helpers: render a document and read the parts of the package back as XML trees.
 */
import { type Document, parse, structure } from '@wenshu/parser';
import { strFromU8, unzipSync } from 'fflate';
import type { DocxWarning } from '../src/lib/options.js';
import { descendants, element, elements, parseXml, textOf, type XmlElement } from '../src/lib/xml.js';
import { type ToDocxOptions, toDocx } from '../src/node.js';

export interface Unpacked {
  bytes: Uint8Array;
  files: Record<string, Uint8Array>;
  /** A part parsed as XML (throws when it is not well-formed). */
  xml(name: string): XmlElement;
  text(name: string): string;
  warnings: DocxWarning[];
}

export async function render(doc: Document, options: ToDocxOptions = {}): Promise<Unpacked> {
  const warnings: DocxWarning[] = [];
  const bytes = await toDocx(doc, { onWarning: (w) => warnings.push(w), ...options });
  return unpack(bytes, warnings);
}

export function unpack(bytes: Uint8Array, warnings: DocxWarning[] = []): Unpacked {
  const files = unzipSync(bytes);
  const text = (name: string) => {
    const part = files[name];
    if (!part) throw new Error(`no part ${name}`);
    return strFromU8(part);
  };
  return { bytes, files, text, xml: (name) => parseXml(text(name)), warnings };
}

/** Markdown → structured document (report passes on). */
export function md(markdown: string): Document {
  return structure(parse(markdown)).document;
}

/** A document from blocks. */
export function doc(
  children: Document['children'],
  meta: Document['meta'] = {},
  footnotes: Document['footnotes'] = [],
): Document {
  return { type: 'document', version: 1, meta, children, footnotes };
}

/** The body's block elements (w:p, w:tbl, w:sdt). */
export function bodyBlocks(out: Unpacked): XmlElement[] {
  const body = element(out.xml('word/document.xml'), 'w:body');
  if (!body) throw new Error('no body');
  return elements(body).filter((el) => el.name !== 'w:sectPr');
}

export function paragraphs(root: XmlElement): XmlElement[] {
  return descendants(root, 'w:p');
}

export function pStyle(p: XmlElement): string | undefined {
  const pPr = element(p, 'w:pPr');
  return pPr ? element(pPr, 'w:pStyle')?.attributes['w:val'] : undefined;
}

/** The runs of a paragraph, including those inside hyperlinks. */
export function runs(p: XmlElement): XmlElement[] {
  return descendants(p, 'w:r');
}

export function rStyle(r: XmlElement): string | undefined {
  const rPr = element(r, 'w:rPr');
  return rPr ? element(rPr, 'w:rStyle')?.attributes['w:val'] : undefined;
}

/** A run property element (`w:b`, `w:vertAlign`…) of a run. */
export function rProp(r: XmlElement, name: string): XmlElement | undefined {
  const rPr = element(r, 'w:rPr');
  return rPr ? element(rPr, name) : undefined;
}

export function runText(r: XmlElement): string {
  return descendants(r, 'w:t').map(textOf).join('');
}

export function paragraphText(p: XmlElement): string {
  return descendants(p, 'w:t').map(textOf).join('');
}

/** A style of styles.xml by id. */
export function style(styles: XmlElement, id: string): XmlElement {
  const found = elements(styles, 'w:style').find((s) => s.attributes['w:styleId'] === id);
  if (!found) throw new Error(`no style ${id}`);
  return found;
}

/** A property element of a style's pPr or rPr. */
export function styleProp(
  styles: XmlElement,
  id: string,
  group: 'w:pPr' | 'w:rPr',
  name: string,
): XmlElement | undefined {
  const props = element(style(styles, id), group);
  return props ? element(props, name) : undefined;
}

/**
 * A paragraph property as Word resolves it: the paragraph's own, else its style's, else the styles
 * it is based on, else the default paragraph style's.
 */
export function effectivePProp(styles: XmlElement, p: XmlElement, name: string): XmlElement | undefined {
  const own = element(p, 'w:pPr');
  const direct = own ? element(own, name) : undefined;
  if (direct) return direct;
  const defaultId = elements(styles, 'w:style').find(
    (s) => s.attributes['w:type'] === 'paragraph' && s.attributes['w:default'] === '1',
  )?.attributes['w:styleId'];
  let id: string | undefined = pStyle(p) ?? defaultId;
  const seen = new Set<string>();
  while (id && !seen.has(id)) {
    seen.add(id);
    const found = styleProp(styles, id, 'w:pPr', name);
    if (found) return found;
    id = element(style(styles, id), 'w:basedOn')?.attributes['w:val'];
  }
  return undefined;
}

export { descendants, element, elements, textOf };

/** The value, or a failed test when it is missing. */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`);
  return value;
}
