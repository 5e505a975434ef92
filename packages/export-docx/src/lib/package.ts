/**
 * The last step: docx's parts, finished and zipped reproducibly. docx writes "now" into core.xml;
 * here the dates come from the source date, the font table names the theme's faces with their
 * alternatives, a reference document's styles part takes the place of docx's, and `@wenshu/zip`
 * writes the package with one fixed time on every entry.
 *
 * The parts come from docx's compiler before docx zips them (see `compileParts`): zipping them there,
 * unzipping them here and zipping them again cost a long report more than the rest of this step.
 */

import type { Theme } from '@wenshu/theme';
import { zipPackage } from '@wenshu/zip';
import { type Document as DocxDocument, Packer } from 'docx';
import { type Parts, partText } from './parts.js';
import type { ReferenceStyles } from './reference.js';
import { stabilizeIds } from './stable-ids.js';
import { element, elements, parseXml, serializeXml, type XmlElement } from './xml.js';

export interface PackageOptions {
  /** Milliseconds since 1970. */
  date: number;
  lang: string;
  theme: Theme;
  /** The table style to add to styles.xml (see styles.ts). */
  tableStyle?: XmlElement;
  /** Paragraph styles to keep off the document grid (see styles.ts). */
  offGrid?: readonly string[];
  /** The style that turns widow control on for the whole document (Normal), unless a reference's Normal decides. */
  widowControl?: string;
  reference?: {
    styles: ReferenceStyles;
    /** Ids of the styles wenshu adds to the reference's. */
    written: readonly string[];
    /** Style ids docx writes itself (TOC1, FootnoteReference) → the reference's ids for them. */
    renames: ReadonlyMap<string, string>;
  };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function el(name: string, attributes: Record<string, string> = {}, children: XmlElement['children'] = []): XmlElement {
  return { name, attributes, children };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function rewriteCore(xml: string, date: number, lang: string): string {
  const root = parseXml(xml);
  const stamp = isoDate(date);
  for (const name of ['dcterms:created', 'dcterms:modified']) {
    const node = element(root, name);
    if (node) node.children = [stamp];
  }
  const lastModifiedBy = element(root, 'cp:lastModifiedBy');
  if (lastModifiedBy) lastModifiedBy.children = ['wenshu'];
  if (!element(root, 'dc:language')) root.children.push(el('dc:language', {}, [lang]));
  return serializeXml(root);
}

/**
 * The font table: each face the theme uses, with its first alternative as `w:altName` (which Word
 * tries when the face is not installed) and charset 86 (GB2312) for the Chinese faces.
 */
function fontTable(xml: string, theme: Theme): string {
  const root = parseXml(xml);
  const seen = new Set<string>();
  const fonts: XmlElement[] = [];
  const add = (name: string, alt: string | undefined, chinese: boolean) => {
    if (seen.has(name)) return;
    seen.add(name);
    fonts.push(
      el('w:font', { 'w:name': name }, [
        ...(alt ? [el('w:altName', { 'w:val': alt })] : []),
        el('w:charset', { 'w:val': chinese ? '86' : '00' }),
        el('w:family', { 'w:val': chinese ? 'auto' : 'roman' }),
        el('w:pitch', { 'w:val': 'variable' }),
      ]),
    );
  };
  for (const face of Object.values(theme.fonts)) add(face.eastAsia, face.alternatives[0], true);
  for (const face of Object.values(theme.fonts)) add(face.latin, undefined, false);
  add(theme.code.latin, undefined, false);
  root.children = fonts;
  return serializeXml(root);
}

/** Elements of CT_PPrBase that come after `w:snapToGrid` (ECMA-376 Part 1 §17.3.1.26). */
const AFTER_SNAP_TO_GRID = new Set([
  'w:spacing',
  'w:ind',
  'w:contextualSpacing',
  'w:mirrorIndents',
  'w:suppressOverlap',
  'w:jc',
  'w:textDirection',
  'w:textAlignment',
  'w:textboxTightWrap',
  'w:outlineLvl',
  'w:divId',
  'w:cnfStyle',
  'w:rPr',
  'w:sectPr',
  'w:pPrChange',
]);

/** `w:snapToGrid w:val="0"` in the paragraph properties of the given styles, in schema order. */
function keepOffGrid(root: XmlElement, ids: readonly string[]): void {
  const wanted = new Set(ids);
  for (const style of elements(root, 'w:style')) {
    if (!wanted.has(style.attributes['w:styleId'] ?? '')) continue;
    let pPr = element(style, 'w:pPr');
    if (!pPr) {
      pPr = el('w:pPr');
      const rPr = style.children.findIndex((child) => typeof child !== 'string' && child.name === 'w:rPr');
      if (rPr < 0) style.children.push(pPr);
      else style.children.splice(rPr, 0, pPr);
    }
    if (element(pPr, 'w:snapToGrid')) continue;
    const at = pPr.children.findIndex((child) => typeof child !== 'string' && AFTER_SNAP_TO_GRID.has(child.name));
    const node = el('w:snapToGrid', { 'w:val': '0' });
    if (at < 0) pPr.children.push(node);
    else pPr.children.splice(at, 0, node);
  }
}

/** Elements of CT_PPrBase that come after `w:widowControl` (ECMA-376 Part 1 §17.3.1.26). */
const AFTER_WIDOW_CONTROL = new Set([
  'w:numPr',
  'w:suppressLineNumbers',
  'w:pBdr',
  'w:shd',
  'w:tabs',
  'w:suppressAutoHyphens',
  'w:kinsoku',
  'w:wordWrap',
  'w:overflowPunct',
  'w:topLinePunct',
  'w:autoSpaceDE',
  'w:autoSpaceDN',
  'w:bidi',
  'w:adjustRightInd',
  'w:snapToGrid',
  ...AFTER_SNAP_TO_GRID,
]);

/**
 * `w:widowControl` in a style's paragraph properties, in schema order. docx's style options have no
 * such property, and without it Word sets no widow control while LibreOffice keeps two lines (its
 * default): written, both keep two lines at the foot and head of a page, as the PDF does.
 */
function addWidowControl(root: XmlElement, id: string | undefined): void {
  const style = elements(root, 'w:style').find((candidate) => candidate.attributes['w:styleId'] === id);
  const pPr = style && element(style, 'w:pPr');
  if (!pPr || element(pPr, 'w:widowControl')) return;
  const at = pPr.children.findIndex((child) => typeof child !== 'string' && AFTER_WIDOW_CONTROL.has(child.name));
  const node = el('w:widowControl');
  if (at < 0) pPr.children.push(node);
  else pPr.children.splice(at, 0, node);
}

/** Elements of CT_PPrBase that come after `w:autoSpaceDN` (ECMA-376 Part 1 §17.3.1.26). */
const AFTER_AUTO_SPACE = new Set(['w:bidi', 'w:adjustRightInd', 'w:snapToGrid', ...AFTER_SNAP_TO_GRID]);

/**
 * On the character grid, the paragraph defaults that keep Word's line the PDF's line: no space
 * added between Chinese and Latin letters (`w:autoSpaceDE`) or digits (`w:autoSpaceDN`), which
 * LibreOffice and Word add as a fifth of an em and which breaks the 28-character line (issue 15),
 * and no punctuation hung past the margin (`w:overflowPunct`, §17.3.1.21), which the PDF never does.
 */
function gridTypography(root: XmlElement): void {
  let defaults = element(root, 'w:docDefaults');
  if (!defaults) {
    defaults = el('w:docDefaults');
    root.children.unshift(defaults);
  }
  let pPrDefault = element(defaults, 'w:pPrDefault');
  if (!pPrDefault) {
    pPrDefault = el('w:pPrDefault');
    defaults.children.push(pPrDefault);
  }
  let pPr = element(pPrDefault, 'w:pPr');
  if (!pPr) {
    pPr = el('w:pPr');
    pPrDefault.children.push(pPr);
  }
  const names = ['w:overflowPunct', 'w:topLinePunct', 'w:autoSpaceDE', 'w:autoSpaceDN'];
  pPr.children = pPr.children.filter(
    (child) => typeof child === 'string' || !names.includes(child.name) || child.name === 'w:topLinePunct',
  );
  const block = [
    el('w:overflowPunct', { 'w:val': '0' }),
    el('w:autoSpaceDE', { 'w:val': '0' }),
    el('w:autoSpaceDN', { 'w:val': '0' }),
  ];
  const at = pPr.children.findIndex(
    (child) => typeof child !== 'string' && (AFTER_AUTO_SPACE.has(child.name) || child.name === 'w:topLinePunct'),
  );
  if (at < 0) pPr.children.push(...block);
  else pPr.children.splice(at, 0, ...block);
}

/** docx's styles part with the table style added, the off-grid styles marked and widow control on. */
function finishStyles(
  generated: string,
  table: XmlElement | undefined,
  offGrid: readonly string[],
  widowControl: string | undefined,
): string {
  if (!table && offGrid.length === 0 && !widowControl) return generated;
  const root = parseXml(generated);
  if (table) root.children.push(table);
  keepOffGrid(root, offGrid);
  addWidowControl(root, widowControl);
  if (offGrid.length > 0) gridTypography(root);
  return serializeXml(root);
}

/** The reference's styles with wenshu's missing ones added, and the document language set. */
function mergeStyles(
  generated: string,
  reference: NonNullable<PackageOptions['reference']>,
  table: XmlElement | undefined,
  offGrid: readonly string[],
  lang: string,
): string {
  const root: XmlElement = structuredClone(reference.styles.root);
  // The reference's numbering part is not carried over, so a style's list number would point at one
  // of wenshu's lists: LibreOffice gives Heading 1-10 its outline numbering (w:numId 1, format none),
  // and every heading of a report made with a LibreOffice template showed a bullet.
  for (const style of elements(root, 'w:style')) {
    const pPr = element(style, 'w:pPr');
    if (pPr) pPr.children = pPr.children.filter((child) => typeof child === 'string' || child.name !== 'w:numPr');
  }
  const wanted = new Set(reference.written);
  for (const style of elements(parseXml(generated), 'w:style')) {
    if (wanted.has(style.attributes['w:styleId'] ?? '')) root.children.push(style);
  }
  if (table) root.children.push(table);
  keepOffGrid(root, offGrid);
  if (offGrid.length > 0) gridTypography(root);
  if (!root.attributes['xmlns:w']) root.attributes['xmlns:w'] = W;
  // w:docDefaults/w:rPrDefault/w:rPr/w:lang, created where missing; in CT_RPr w:lang comes before
  // w:eastAsianLayout, w:specVanish and w:oMath (ECMA-376 Part 1 §17.3.2.28).
  let defaults = element(root, 'w:docDefaults');
  if (!defaults) {
    defaults = el('w:docDefaults');
    root.children.unshift(defaults);
  }
  let rPrDefault = element(defaults, 'w:rPrDefault');
  if (!rPrDefault) {
    rPrDefault = el('w:rPrDefault');
    defaults.children.unshift(rPrDefault);
  }
  let rPr = element(rPrDefault, 'w:rPr');
  if (!rPr) {
    rPr = el('w:rPr');
    rPrDefault.children.push(rPr);
  }
  const langEl = element(rPr, 'w:lang');
  if (langEl) langEl.attributes['w:eastAsia'] = lang;
  else {
    const after = rPr.children.findIndex(
      (child) => typeof child !== 'string' && ['w:eastAsianLayout', 'w:specVanish', 'w:oMath'].includes(child.name),
    );
    const node = el('w:lang', { 'w:val': 'en-US', 'w:eastAsia': lang });
    if (after < 0) rPr.children.push(node);
    else rPr.children.splice(after, 0, node);
  }
  return serializeXml(root);
}

/** Points the style references docx writes itself at the reference's ids. */
function renameStyles(xml: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return xml;
  return xml.replace(/<w:(pStyle|rStyle) w:val="([^"]*)"\/>/g, (match, kind: string, id: string) => {
    const to = renames.get(id);
    return to ? `<w:${kind} w:val="${to}"/>` : match;
  });
}

/** docx's compiler, which `Packer` keeps as a static field and uses before zipping. */
interface Compiler {
  compile(file: DocxDocument, prettify?: string, overrides?: unknown[]): Map<string, string | Uint8Array>;
}

/**
 * The parts of the package docx would zip, in its order. docx 9.15 exposes its compiler only as
 * `Packer.compiler`; the version is pinned, and a docx without it is a clear error, not a guess.
 */
export function compileParts(docx: DocxDocument): Parts {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (typeof compiler?.compile !== 'function') {
    throw new Error('this version of docx has no Packer.compiler: wenshu needs docx 9.15');
  }
  return new Map(compiler.compile(docx, undefined, []));
}

/**
 * Word's 字符间距控制 "只压缩标点符号" (`w:characterSpacingControl`, the setting Word's Chinese
 * templates carry): marks side by side share their blank halves, as the PDF sets them (clreq §3.1.6,
 * see export-pdf's squeeze.ts). docx writes no such setting; it goes before `w:compat`, where the
 * schema's order puts it. (LibreOffice 7 leaves punctuation uncompressed on a document grid.)
 */
function compressPunctuation(settings: string): string {
  if (settings.includes('<w:characterSpacingControl')) return settings;
  const element = '<w:characterSpacingControl w:val="compressPunctuation"/>';
  const at = settings.indexOf('<w:compat>');
  if (at >= 0) return `${settings.slice(0, at)}${element}${settings.slice(at)}`;
  return settings.replace('</w:settings>', `${element}</w:settings>`);
}

export function finishPackage(parts: Parts, options: PackageOptions): Uint8Array {
  stabilizeIds(parts);
  const text = (name: string) => partText(parts, name);

  const core = text('docProps/core.xml');
  if (core !== undefined) parts.set('docProps/core.xml', rewriteCore(core, options.date, options.lang));
  const fonts = text('word/fontTable.xml');
  if (fonts !== undefined) parts.set('word/fontTable.xml', fontTable(fonts, options.theme));
  const settings = text('word/settings.xml');
  if (settings !== undefined) parts.set('word/settings.xml', compressPunctuation(settings));
  const styles = text('word/styles.xml');
  if (styles !== undefined) {
    parts.set(
      'word/styles.xml',
      options.reference
        ? mergeStyles(styles, options.reference, options.tableStyle, options.offGrid ?? [], options.lang)
        : finishStyles(styles, options.tableStyle, options.offGrid ?? [], options.widowControl),
    );
  }
  if (options.reference) {
    for (const part of ['word/document.xml', 'word/footnotes.xml']) {
      const xml = text(part);
      if (xml !== undefined) parts.set(part, renameStyles(xml, options.reference.renames));
    }
  }
  return zipPackage(parts, options.date);
}
