/**
 * A font face: one file, or one face of a collection (.ttc) picked by its PostScript name, opened
 * with fontkit. Layout asks it three things: does it have a glyph for a character, how wide is a
 * character, and how tall is a line. Faces are big (15–27 MB), so each is opened once per process.
 *
 * pdfkit lays out every text it draws with fontkit's OpenType shaping, and that is slow for the big
 * CJK faces: 2 ms for 28 Han characters of Noto Serif CJK (its `ccmp` lookups), three times per
 * piece of text (pdfmake measures it, pdfkit measures it again and encodes it; pdfkit caches only
 * when no features are given). Shaping changes nothing in Han text, so the face pdfkit gets is
 * the face without its layout tables (GSUB, GPOS, GDEF…): fontkit then maps characters to
 * glyphs directly, 0.4 µs a character, and widths are the sum of the advances. Text of scripts
 * that need shaping (Arabic, Indic, Thai…) is drawn with the face as it is (`shaped()`).
 */
import * as fontkit from 'fontkit';
import { FontFileError } from './font-file-error.js';
import type { FontHost } from './host.js';

/** Outline tables pdfkit can embed and subset: TrueType `glyf` or CFF (not CFF2, not bitmaps only). */
const EMBEDDABLE = ['glyf', 'CFF '] as const;

/** Layout tables left out of the face pdfkit draws plain text with (see the module comment). */
const LAYOUT_TABLES = new Set(['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'morx', 'mort', 'kerx', 'feat']);

interface TableRecord {
  tag: string;
  checkSum: number;
  offset: number;
  length: number;
}

/** fontkit's table directory, which its type declarations leave out. */
interface WithDirectory {
  directory?: { tables?: Record<string, TableRecord> };
}

function tablesOf(font: fontkit.Font): Record<string, TableRecord> {
  return (font as unknown as WithDirectory).directory?.tables ?? {};
}

/**
 * A stand-alone OpenType file of one face without its layout tables: an sfnt header and table
 * records sorted by tag (OpenType spec, "Organization of an OpenType Font"), pointing at the
 * face's other tables, unchanged, with their original checksums.
 *
 * Table offsets count from the start of the file and tables need not follow the header, so the
 * new header is written over the start of `bytes` itself (which the caller read for this face
 * alone): in a collection that is the TTC header and the faces' table directories, and in a single
 * face its own, longer directory. Copying the tables out instead took 40 ms for a Noto CJK face.
 * Only when the first kept table starts too early for the header are the tables copied.
 */
function withoutLayoutTables(bytes: Uint8Array, font: fontkit.Font): Uint8Array {
  const tables = tablesOf(font);
  const tags = Object.keys(tables)
    .filter((tag) => !LAYOUT_TABLES.has(tag))
    .sort();
  const count = tags.length;
  const headerSize = 12 + 16 * count;
  const inPlace = tags.every((tag) => (tables[tag] as TableRecord).offset >= headerSize);
  let size = headerSize;
  const placed = tags.map((tag) => {
    const record = tables[tag] as TableRecord;
    if (inPlace) return { tag, record, offset: record.offset };
    const offset = size;
    size += (record.length + 3) & ~3;
    return { tag, record, offset };
  });
  const out = inPlace ? bytes : new Uint8Array(size);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(0, 'CFF ' in tables ? 0x4f54544f : 0x00010000);
  view.setUint16(4, count);
  const selector = Math.floor(Math.log2(count));
  const range = 2 ** selector * 16;
  view.setUint16(6, range);
  view.setUint16(8, selector);
  view.setUint16(10, count * 16 - range);
  placed.forEach(({ tag, record, offset }, i) => {
    const at = 12 + 16 * i;
    const name = tag.padEnd(4, ' ');
    for (let c = 0; c < 4; c++) out[at + c] = name.charCodeAt(c) & 0xff;
    view.setUint32(at + 4, record.checkSum >>> 0);
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, record.length);
    if (!inPlace) out.set(bytes.subarray(record.offset, record.offset + record.length), offset);
  });
  return out;
}

/** @internal fontkit's types stay out of the published declarations (they need the DOM lib). */
interface Loaded {
  bytes: Uint8Array;
  font: fontkit.Font;
}

export class Face {
  /** `file#PostScriptName`; `+shaped` for the shaping variant. */
  readonly key: string;
  readonly file: string;
  readonly postscriptName: string;
  /** pdfkit must pick this face out of `bytes` by its PostScript name (a collection). */
  readonly inCollection: boolean;
  /** Text in this face is shaped (fontkit's default OpenType features); else drawn glyph by glyph. */
  readonly shaping: boolean;
  readonly #host: FontHost;
  #load: (() => Loaded) | undefined;
  #loaded: Loaded | undefined;
  readonly #advances = new Map<number, number>();
  readonly #has = new Map<number, boolean>();
  readonly #widths = new Map<string, number>();
  readonly #outlines = new Map<number, { operators: string; box: [number, number, number, number] }>();
  #shaped: Face | undefined;

  /**
   * `load` reads the face when it is first needed: a report uses a few of the faces a machine offers.
   * @internal faces are made by openFace and lazyFace; hidden from the published declarations with
   * `Loaded`, so that a consumer type-checking with `skipLibCheck: false` needs no fontkit types.
   */
  constructor(
    host: FontHost,
    file: string,
    postscriptName: string,
    load: () => Loaded,
    options: { inCollection: boolean; shaping: boolean },
  ) {
    this.#host = host;
    this.file = file;
    this.postscriptName = postscriptName;
    this.#load = load;
    this.inCollection = options.inCollection;
    this.shaping = options.shaping;
    this.key = `${file}#${postscriptName}${options.shaping ? '+shaped' : ''}`;
  }

  #data(): Loaded {
    if (!this.#loaded) {
      this.#loaded = (this.#load as () => Loaded)();
      this.#load = undefined;
    }
    return this.#loaded;
  }

  /** The bytes pdfkit gets: for the shaping variant of a collection's face, the whole collection. */
  get bytes(): Uint8Array {
    return this.#data().bytes;
  }

  get familyName(): string {
    return this.#data().font.familyName;
  }

  get glyphCount(): number {
    return this.#data().font.numGlyphs;
  }

  get unitsPerEm(): number {
    return this.#data().font.unitsPerEm;
  }

  /** hhea ascender in font units: what pdfkit uses for the line box. */
  get ascent(): number {
    return this.#data().font.ascent;
  }

  get descent(): number {
    return this.#data().font.descent;
  }

  has(codePoint: number): boolean {
    let has = this.#has.get(codePoint);
    if (has === undefined) {
      has = this.#data().font.hasGlyphForCodePoint(codePoint);
      this.#has.set(codePoint, has);
    }
    return has;
  }

  /** The advance of a character's glyph (no shaping) in font units. */
  advance(codePoint: number): number {
    let advance = this.#advances.get(codePoint);
    if (advance === undefined) {
      advance = this.#data().font.glyphForCodePoint(codePoint).advanceWidth;
      this.#advances.set(codePoint, advance);
    }
    return advance;
  }

  /**
   * The width of `text` in font units as pdfkit measures it in a shaping face (`EmbeddedFont.layout`
   * with `onlyWidth`: fontkit's default shaping, one piece per space-delimited word).
   */
  shapedWidth(text: string): number {
    let width = this.#widths.get(text);
    if (width !== undefined) return width;
    const font = this.#data().font;
    width = 0;
    let last = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = text.charAt(i);
      if ((i === text.length && last < i) || c === ' ' || c === '\t') {
        width += font.layout(text.slice(last, i + 1)).advanceWidth;
        last = i + 1;
      }
    }
    if (this.#widths.size > 20_000) this.#widths.clear();
    this.#widths.set(text, width);
    return width;
  }

  /**
   * The width of `text` at `sizePt` with no spacing, as pdfmake measures it: the glyphs' advances, or
   * what shaping gives in a shaping face (pt).
   */
  naturalWidth(text: string, sizePt: number): number {
    if (this.shaping) return (this.shapedWidth(text) * sizePt) / this.unitsPerEm;
    let units = 0;
    for (const char of text) units += this.advance(char.codePointAt(0) as number);
    return (units / this.unitsPerEm) * sizePt;
  }

  /** The ink box of the glyph of `codePoint`, in font units. */
  glyphBox(codePoint: number): { minX: number; maxX: number; minY: number; maxY: number } {
    const { minX, maxX, minY, maxY } = this.#data().font.glyphForCodePoint(codePoint).bbox;
    return { minX, maxX, minY, maxY };
  }

  /**
   * The outline of the glyph of `codePoint` as PDF path operators in font units (y up), and its ink
   * box: for drawing a squeezed punctuation mark as a path (see text/mark-inline.ts).
   */
  glyphOutline(codePoint: number): { operators: string; box: [number, number, number, number] } {
    let outline = this.#outlines.get(codePoint);
    if (!outline) {
      const glyph = this.#data().font.glyphForCodePoint(codePoint);
      outline = { operators: pathOperators(glyph.path.commands), box: boxOf(glyph.bbox) };
      this.#outlines.set(codePoint, outline);
    }
    return outline;
  }

  /** The height of pdfkit's line box for this face at `sizePt`. */
  lineHeightPt(sizePt: number): number {
    const font = this.#data().font;
    return ((font.ascent - font.descent) / font.unitsPerEm) * sizePt;
  }

  /** The same face with its layout tables, for text that needs shaping (read again from its file). */
  shaped(): Face {
    if (this.shaping) return this;
    if (!this.#shaped) {
      const bytes = this.#host.readFile(this.file);
      const opened = fontkit.create(bytes as Buffer);
      const font = pick(this.file, opened, this.postscriptName);
      this.#shaped = new Face(this.#host, this.file, font.postscriptName, () => ({ bytes, font }), {
        inCollection: isCollection(opened),
        shaping: true,
      });
    }
    return this.#shaped;
  }
}

/** A number written into a path: at most two decimals, no exponent (the same bytes everywhere). */
function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** fontkit's path commands as PDF path operators (quadratic curves raised to cubic ones). */
function pathOperators(commands: readonly { command: string; args: number[] }[]): string {
  const out: string[] = [];
  let x = 0;
  let y = 0;
  for (const { command, args } of commands) {
    const a = args.map(Number);
    if (command === 'moveTo' || command === 'lineTo') {
      [x, y] = [a[0] ?? 0, a[1] ?? 0];
      out.push(`${num(x)} ${num(y)} ${command === 'moveTo' ? 'm' : 'l'}`);
    } else if (command === 'bezierCurveTo') {
      out.push(`${a.map(num).join(' ')} c`);
      [x, y] = [a[4] ?? 0, a[5] ?? 0];
    } else if (command === 'quadraticCurveTo') {
      const [cx, cy, ex, ey] = [a[0] ?? 0, a[1] ?? 0, a[2] ?? 0, a[3] ?? 0];
      const c1 = [x + ((cx - x) * 2) / 3, y + ((cy - y) * 2) / 3];
      const c2 = [ex + ((cx - ex) * 2) / 3, ey + ((cy - ey) * 2) / 3];
      out.push(`${[...c1, ...c2, ex, ey].map(num).join(' ')} c`);
      [x, y] = [ex, ey];
    } else if (command === 'closePath') out.push('h');
  }
  return out.join(' ');
}

function boxOf(bbox: { minX: number; minY: number; maxX: number; maxY: number }): [number, number, number, number] {
  return [Math.floor(bbox.minX), Math.floor(bbox.minY), Math.ceil(bbox.maxX), Math.ceil(bbox.maxY)];
}

function isCollection(value: fontkit.Font | fontkit.FontCollection): value is fontkit.FontCollection {
  return value.type === 'TTC' || value.type === 'DFont';
}

function pick(
  file: string,
  opened: fontkit.Font | fontkit.FontCollection,
  postscriptName: string | undefined,
  prefer?: RegExp,
): fontkit.Font {
  if (isCollection(opened)) {
    const font = postscriptName
      ? opened.fonts.find((f) => f.postscriptName === postscriptName)
      : (opened.fonts.find((f) => prefer?.test(f.postscriptName)) ?? opened.fonts[0]);
    if (!font) {
      const names = opened.fonts.map((f) => f.postscriptName).join(', ');
      throw new FontFileError(file, `no face ${postscriptName} (it has ${names})`);
    }
    return font;
  }
  if (postscriptName && opened.postscriptName !== postscriptName) {
    throw new FontFileError(file, `its face is ${opened.postscriptName}, not ${postscriptName}`);
  }
  return opened;
}

function checkEmbeddable(file: string, font: fontkit.Font): void {
  if (font.type !== 'TTF') throw new FontFileError(file, `${font.type} fonts are not embedded; use .ttf, .otf or .ttc`);
  const tables = tablesOf(font);
  if (!EMBEDDABLE.some((tag) => tag in tables)) {
    throw new FontFileError(file, 'no TrueType or CFF outlines (a bitmap, colour or CFF2 font)');
  }
}

/** Faces and failures by file, per host (two hosts may use one name for different bytes). */
const caches = new WeakMap<FontHost, { faces: Map<string, Face>; failures: Map<string, FontFileError> }>();

function cacheOf(host: FontHost): { faces: Map<string, Face>; failures: Map<string, FontFileError> } {
  let cache = caches.get(host);
  if (!cache) {
    cache = { faces: new Map(), failures: new Map() };
    caches.set(host, cache);
  }
  return cache;
}

/** A file name's extension as Node's `extname` gives it, lower-cased. */
function extension(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

function readFont(host: FontHost, file: string): { bytes: Uint8Array; opened: fontkit.Font | fontkit.FontCollection } {
  if (!['.ttf', '.otf', '.ttc', '.otc'].includes(extension(file))) {
    throw new FontFileError(file, 'not a .ttf, .otf, .ttc or .otc file');
  }
  let bytes: Uint8Array;
  try {
    bytes = host.readFile(file);
  } catch (error) {
    throw new FontFileError(file, `cannot read it (${(error as Error).message})`);
  }
  try {
    // fontkit reads any Uint8Array; its declarations say Buffer.
    return { bytes, opened: fontkit.create(bytes as Buffer) };
  } catch (error) {
    throw new FontFileError(file, `not a font fontkit can read (${(error as Error).message})`);
  }
}

/** The face without its layout tables, as a file of its own (see the module comment). */
function plainFace(file: string, bytes: Uint8Array, font: fontkit.Font): Loaded {
  checkEmbeddable(file, font);
  const plain = withoutLayoutTables(bytes, font);
  return { bytes: plain, font: fontkit.create(plain as Buffer) as fontkit.Font };
}

/**
 * Opens a face now (cached per process), to know at once whether it can be used. For a collection,
 * `postscriptName` picks the face; without it, `prefer` picks the first face whose PostScript name
 * matches, else the first face. Throws {@link FontFileError} for files that cannot be read or embedded.
 */
export function openFace(host: FontHost, file: string, postscriptName?: string, prefer?: RegExp): Face {
  const { faces, failures } = cacheOf(host);
  const wanted = `${file}#${postscriptName ?? ''}#${prefer?.source ?? ''}`;
  const cached = faces.get(wanted);
  if (cached) return cached;
  const failed = failures.get(wanted);
  if (failed) throw failed;
  try {
    const { bytes, opened } = readFont(host, file);
    const font = pick(file, opened, postscriptName, prefer);
    const key = `${file}#${font.postscriptName}`;
    let face = faces.get(key);
    if (!face) {
      const loaded = plainFace(file, bytes, font);
      face = new Face(host, file, font.postscriptName, () => loaded, { inCollection: false, shaping: false });
      faces.set(key, face);
    }
    faces.set(wanted, face);
    return face;
  } catch (error) {
    const failure = error instanceof FontFileError ? error : new FontFileError(file, (error as Error).message);
    failures.set(wanted, failure);
    throw failure;
  }
}

/**
 * A face known by file and PostScript name (an installed or bundled one), read when it is first
 * used. Reading throws {@link FontFileError} if the file is not what fontconfig said.
 */
export function lazyFace(host: FontHost, file: string, postscriptName: string): Face {
  const { faces } = cacheOf(host);
  const key = `${file}#${postscriptName}`;
  let face = faces.get(key);
  if (!face) {
    face = new Face(
      host,
      file,
      postscriptName,
      () => {
        const { bytes, opened } = readFont(host, file);
        return plainFace(file, bytes, pick(file, opened, postscriptName));
      },
      { inCollection: false, shaping: false },
    );
    faces.set(key, face);
  }
  return face;
}

/** Like {@link openFace}, but `undefined` instead of an error. */
export function tryOpenFace(host: FontHost, file: string, postscriptName?: string, prefer?: RegExp): Face | undefined {
  try {
    return openFace(host, file, postscriptName, prefer);
  } catch {
    return undefined;
  }
}

/** A user's font file: `path`, or `path.ttc#PostScriptName` to pick a face of a collection. */
export function parseFontSpec(spec: string): { file: string; postscriptName?: string } {
  const hash = spec.lastIndexOf('#');
  if (hash > 0 && /\.(ttc|otc)#[^/\\]+$/i.test(spec)) {
    return { file: spec.slice(0, hash), postscriptName: spec.slice(hash + 1) };
  }
  return { file: spec };
}
