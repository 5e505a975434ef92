/**
 * A reference document (an organisation's own .docx/.dotx), read as pandoc's `--reference-doc`
 * reads one: its styles, matched by name, and its page setup.
 *
 * docx's own `externalStyles` is not used: with it, docx 9.15 still adds its built-in styles under
 * English ids (`Normal`, `Heading2`…), so a template whose styles have localised ids (Chinese Word
 * and WPS write `w:styleId="1"` for Normal) ends up with two default paragraph styles. Instead the
 * reference's styles.xml is kept whole and wenshu adds only the styles it lacks (package.ts).
 */
import { readTheme } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { element, elements, parseXml, type XmlElement } from './xml.js';

export interface ReferenceStyle {
  id: string;
  type: string;
}

export interface ReferenceStyles {
  /** The reference's styles part, parsed. */
  root: XmlElement;
  /** Every style id it defines. */
  ids: string[];
  /** Styles by lower-cased name (`heading 1`); the default paragraph style also as `normal`. */
  byName: Map<string, ReferenceStyle>;
  /** The id of its default table style, for the table style wenshu may add. */
  normalTableId?: string;
}

/** Page setup from the reference's last section, in twips. */
export interface ReferencePage {
  size?: { width: number; height: number; orientation?: 'portrait' | 'landscape' };
  margin?: {
    top: number;
    right: number;
    bottom: number;
    left: number;
    header?: number;
    footer?: number;
    gutter?: number;
  };
  grid?: { type?: string; linePitch?: number; charSpace?: number };
}

export interface ReferenceDocx {
  styles: ReferenceStyles;
  page: ReferencePage;
  /** Its theme (colours and theme fonts its styles refer to), when it has one. */
  theme?: ReturnType<typeof readTheme>;
}

export class ReferenceDocxError extends Error {
  constructor(message: string) {
    super(`reference document: ${message}`);
    this.name = 'ReferenceDocxError';
  }
}

function int(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

function readStyles(root: XmlElement): ReferenceStyles {
  const byName = new Map<string, ReferenceStyle>();
  const ids: string[] = [];
  let normalTableId: string | undefined;
  for (const style of elements(root, 'w:style')) {
    const id = style.attributes['w:styleId'];
    const type = style.attributes['w:type'] ?? 'paragraph';
    if (!id) continue;
    ids.push(id);
    const name = element(style, 'w:name')?.attributes['w:val'];
    if (name && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), { id, type });
    const isDefault = ['1', 'true', 'on'].includes(style.attributes['w:default'] ?? '');
    if (isDefault && type === 'paragraph') byName.set('normal', { id, type });
    if (isDefault && type === 'table') normalTableId = id;
  }
  return { root, ids, byName, ...(normalTableId ? { normalTableId } : {}) };
}

function readPage(documentXml: string | undefined): ReferencePage {
  if (!documentXml) return {};
  const body = element(parseXml(documentXml), 'w:body');
  const sectPr = body ? element(body, 'w:sectPr') : undefined;
  if (!sectPr) return {};
  const page: ReferencePage = {};
  const size = element(sectPr, 'w:pgSz')?.attributes;
  const width = int(size?.['w:w']);
  const height = int(size?.['w:h']);
  if (size && width && height) {
    const orient = size['w:orient'];
    page.size = { width, height, ...(orient === 'landscape' || orient === 'portrait' ? { orientation: orient } : {}) };
  }
  const mar = element(sectPr, 'w:pgMar')?.attributes;
  if (mar) {
    const top = int(mar['w:top']);
    const right = int(mar['w:right']);
    const bottom = int(mar['w:bottom']);
    const left = int(mar['w:left']);
    if (top !== undefined && right !== undefined && bottom !== undefined && left !== undefined) {
      const header = int(mar['w:header']);
      const footer = int(mar['w:footer']);
      const gutter = int(mar['w:gutter']);
      page.margin = {
        top,
        right,
        bottom,
        left,
        ...(header === undefined ? {} : { header }),
        ...(footer === undefined ? {} : { footer }),
        ...(gutter === undefined ? {} : { gutter }),
      };
    }
  }
  const grid = element(sectPr, 'w:docGrid')?.attributes;
  if (grid) {
    const linePitch = int(grid['w:linePitch']);
    const charSpace = int(grid['w:charSpace']);
    page.grid = {
      ...(grid['w:type'] ? { type: grid['w:type'] } : {}),
      ...(linePitch === undefined ? {} : { linePitch }),
      ...(charSpace === undefined ? {} : { charSpace }),
    };
  }
  return page;
}

/** Reads a .docx/.dotx. Throws {@link ReferenceDocxError} when it is not one or has no styles. */
export function readReferenceDocx(bytes: Uint8Array): ReferenceDocx {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new ReferenceDocxError(`not a zip file (${(error as Error).message})`);
  }
  const stylesPart = files['word/styles.xml'];
  if (!stylesPart) throw new ReferenceDocxError('it has no word/styles.xml');
  let styles: ReferenceStyles;
  let page: ReferencePage;
  try {
    styles = readStyles(parseXml(strFromU8(stylesPart)));
    const documentPart = files['word/document.xml'];
    page = readPage(documentPart ? strFromU8(documentPart) : undefined);
  } catch (error) {
    throw new ReferenceDocxError((error as Error).message);
  }
  let theme: ReturnType<typeof readTheme> | undefined;
  if (files['word/theme/theme1.xml']) {
    try {
      theme = readTheme(bytes);
    } catch {
      theme = undefined;
    }
  }
  return { styles, page, ...(theme ? { theme } : {}) };
}
