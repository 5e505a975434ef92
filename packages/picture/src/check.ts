/**
 * Whether a picture's bytes hold a picture a reader can draw, checked before an exporter embeds
 * them. `pictureInfo` reads the headers only; a file can have a perfect header and garbage after
 * it, and then one reader crashes (pdfkit inflates an RGBA PNG's pixels to split off the alpha
 * channel: `incorrect header check`, thrown where no caller can catch it), another writes a broken
 * image stream (pdfkit copies an RGB PNG's pixel data into the PDF as is), and Word embeds it
 * silently and shows a red cross. One check here, used by every exporter, so that a picture is
 * either whole in every format or a placeholder in every format.
 *
 * - PNG is decoded: every chunk's bounds and CRC, IHDR's combination of colour type and bit depth,
 *   PLTE where it is needed, the IDAT stream inflated (and its Adler-32 checked) to exactly the size
 *   the header implies, every row's filter type 0–4. The pixels themselves are not kept: the
 *   stream is inflated in pieces and counted.
 * - JPEG, GIF and BMP are walked, not decoded: JPEG's segments (a frame, quantisation and Huffman
 *   tables, a scan, the end-of-image marker: a file cut short has none), GIF's blocks up to its
 *   trailer, BMP's header against the file's length. That is what a truncated or overwritten file
 *   breaks; an error inside JPEG's entropy-coded data only garbles pixels, it does not fail a reader.
 * - Every format: no more than `maxPixels` pixels, so that a small file cannot ask a reader for
 *   gigabytes of memory.
 */
import { Unzlib } from 'fflate';
import { u16be, u16le, u32be, u32le } from './bytes.js';
import { type PictureFormat, type PictureInfo, type PictureSize, pictureInfo } from './index.js';

/** 50 megapixels: a 300 dpi scan of an A2 sheet; 200 MB of RGBA once a reader decodes it. */
export const DEFAULT_MAX_PIXELS = 50_000_000;

export interface CheckOptions {
  /** More pixels than this (width × height) and the picture is refused. */
  maxPixels?: number;
}

export type PictureCheck =
  | { ok: true; format: PictureFormat; size: PictureSize }
  | {
      ok: false;
      /** The format the header claims, when it claims one. */
      format?: PictureFormat;
      /** Why it cannot be drawn, in words: `a damaged PNG file (bad CRC in chunk IDAT)`. */
      reason: string;
    };

const NAMES: Record<PictureFormat, string> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  bmp: 'BMP',
  svg: 'SVG',
  webp: 'WebP',
};

/** Thrown inside a format's check; becomes the result's reason. */
class Damaged extends Error {}

/** Checks that `bytes` are a whole PNG, JPEG, GIF or BMP picture of at most `maxPixels` pixels. */
export function checkPicture(bytes: Uint8Array, options: CheckOptions = {}): PictureCheck {
  const info = pictureInfo(bytes);
  if (!info) return { ok: false, reason: 'not a PNG, JPEG, GIF or BMP picture' };
  const name = NAMES[info.format];
  if (info.format === 'svg' || info.format === 'webp') {
    return { ok: false, format: info.format, reason: `an ${name} picture (not supported: use PNG or JPEG)` };
  }
  const size = info.size;
  if (!size)
    return { ok: false, format: info.format, reason: `a damaged ${name} file (no picture size in its header)` };
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (size.width * size.height > maxPixels) {
    return {
      ok: false,
      format: info.format,
      reason: `too many pixels (${size.width} × ${size.height}, over the limit of ${maxPixels.toLocaleString('en')})`,
    };
  }
  try {
    CHECKS[info.format](bytes, info);
  } catch (error) {
    // fflate's own errors (`invalid zlib data`, `unexpected EOF`) are about the pixel data too.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, format: info.format, reason: `a damaged ${name} file (${detail})` };
  }
  return { ok: true, format: info.format, size };
}

const CHECKS: Record<'png' | 'jpeg' | 'gif' | 'bmp', (bytes: Uint8Array, info: PictureInfo) => void> = {
  png: checkPng,
  jpeg: checkJpeg,
  gif: checkGif,
  bmp: checkBmp,
};

// ---- PNG (ISO/IEC 15948, the W3C PNG specification) ----

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Samples per pixel of each colour type, and the bit depths the specification allows it (table 11.1). */
const COLOUR_TYPES: Record<number, { samples: number; depths: number[] }> = {
  0: { samples: 1, depths: [1, 2, 4, 8, 16] },
  2: { samples: 3, depths: [8, 16] },
  3: { samples: 1, depths: [1, 2, 4, 8] },
  4: { samples: 2, depths: [8, 16] },
  6: { samples: 4, depths: [8, 16] },
};

/** Adam7's passes: starting column and row, column and row steps (section 8.2). */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Each reduced image's rows and bytes per row (its filter byte included). */
function pngRows(width: number, height: number, bitsPerPixel: number, interlaced: boolean): [number, number][] {
  const rowBytes = (columns: number) => 1 + Math.ceil((columns * bitsPerPixel) / 8);
  if (!interlaced) return [[height, rowBytes(width)]];
  const passes: [number, number][] = [];
  for (const [x0, y0, dx, dy] of ADAM7) {
    const columns = Math.ceil((width - x0) / dx);
    const rows = Math.ceil((height - y0) / dy);
    if (columns > 0 && rows > 0) passes.push([rows, rowBytes(columns)]);
  }
  return passes;
}

function checkPng(b: Uint8Array): void {
  const idat: Uint8Array[] = [];
  let header: Uint8Array | undefined;
  let palette = false;
  let ended = false;
  let afterIdat = false;
  for (let i = 8; !ended; ) {
    if (i + 12 > b.length) throw new Damaged('cut short before its IEND chunk');
    const length = u32be(b, i);
    const type = String.fromCharCode(...b.subarray(i + 4, i + 8));
    if (length > b.length - i - 12) throw new Damaged(`chunk ${printable(type)} runs past the end of the file`);
    const data = b.subarray(i + 8, i + 8 + length);
    const critical = ((b[i + 4] ?? 0) & 0x20) === 0;
    // Readers ignore a bad CRC in an ancillary chunk (they skip the chunk); libpng stops at a critical one.
    if (critical && crc32(b, i + 4, i + 8 + length) !== u32be(b, i + 8 + length)) {
      throw new Damaged(`bad CRC in chunk ${printable(type)}`);
    }
    if (type === 'IHDR') header = data;
    else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') {
      if (afterIdat) throw new Damaged('IDAT chunks not consecutive');
      idat.push(data);
    } else if (type === 'IEND') ended = true;
    else if (critical) throw new Damaged(`unknown critical chunk ${printable(type)}`);
    if (type !== 'IDAT' && idat.length > 0) afterIdat = true;
    i += 12 + length;
  }
  if (header?.length !== 13) throw new Damaged('no valid IHDR chunk');
  const width = u32be(header, 0);
  const height = u32be(header, 4);
  const [depth = 0, colourType = 0, compression, filter, interlace] = header.subarray(8);
  const colour = COLOUR_TYPES[colourType];
  if (!colour?.depths.includes(depth)) throw new Damaged(`colour type ${colourType} with bit depth ${depth}`);
  if (compression !== 0 || filter !== 0 || (interlace !== 0 && interlace !== 1)) {
    throw new Damaged('unknown compression, filter or interlace method');
  }
  if (colourType === 3 && !palette) throw new Damaged('a palette picture without its palette');
  if (idat.length === 0) throw new Damaged('no pixel data');
  const rows = pngRows(width, height, colour.samples * depth, interlace === 1);
  inflatePixels(idat, rows);
}

/** Inflates the IDAT stream in pieces, checking its length, every row's filter type and the Adler-32. */
function inflatePixels(idat: Uint8Array[], rows: [number, number][]): void {
  const expected = rows.reduce((sum, [count, bytes]) => sum + count * bytes, 0);
  let received = 0;
  let pass = 0;
  let rowsLeft = rows[0]?.[0] ?? 0;
  // Bytes until the next row's filter byte.
  let untilFilter = 0;
  let a = 1;
  let s = 0;
  const inflate = new Unzlib((chunk) => {
    if (received + chunk.length > expected) throw new Damaged('more pixel data than its size');
    received += chunk.length;
    for (let i = 0; i < chunk.length; ) {
      if (untilFilter === 0) {
        while (rowsLeft === 0) rowsLeft = rows[++pass]?.[0] ?? 0;
        if ((chunk[i] ?? 0) > 4) throw new Damaged(`unknown row filter ${chunk[i]}`);
        untilFilter = rows[pass]?.[1] ?? 1;
        rowsLeft--;
      }
      const take = Math.min(untilFilter, chunk.length - i);
      untilFilter -= take;
      i += take;
    }
    // Adler-32 (RFC 1950), in runs short enough that the sums cannot overflow before the modulo.
    for (let i = 0; i < chunk.length; ) {
      const end = Math.min(chunk.length, i + 3800);
      for (; i < end; i++) {
        a += chunk[i] ?? 0;
        s += a;
      }
      a %= 65521;
      s %= 65521;
    }
  });
  for (let i = 0; i < idat.length; i++) inflate.push(idat[i] ?? new Uint8Array(), i === idat.length - 1);
  if (received < expected) throw new Damaged('less pixel data than its size');
  // fflate does not check the Adler-32 that ends a zlib stream; Node's zlib (pdfkit's) does.
  const last = idat.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(4);
  let filled = 0;
  for (let i = idat.length - 1; i >= 0 && filled < 4; i--) {
    const part = idat[i] ?? new Uint8Array();
    const take = part.subarray(Math.max(0, part.length - (4 - filled)));
    joined.set(take, 4 - filled - take.length);
    filled += take.length;
  }
  if (last < 4 || u32be(joined, 0) !== ((s << 16) | a) >>> 0) throw new Damaged('bad Adler-32 checksum');
}

function printable(type: string): string {
  return /^[A-Za-z]{4}$/.test(type) ? type : JSON.stringify(type);
}

// ---- JPEG (ITU-T T.81) ----

function checkJpeg(b: Uint8Array): void {
  let frame = false;
  let tables = 0;
  let huffman = false;
  let scan = false;
  for (let i = 2; ; ) {
    if (i + 2 > b.length) throw new Damaged('cut short: no end-of-image marker');
    if (b[i] !== 0xff) throw new Damaged(`no marker at byte ${i}`);
    const marker = b[i + 1] ?? 0;
    // Fill bytes: any number of 0xFF may precede a marker.
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd9) break;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = u16be(b, i + 2);
    if (length < 2 || i + 2 + length > b.length) throw new Damaged('a segment runs past the end of the file');
    if (marker === 0xdb) tables++;
    else if (marker === 0xc4) huffman = true;
    else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      // Lossless (C3, C7, CB, CF) and arithmetic-coded (C9–CF) frames: neither Word nor PDF readers take them.
      if (marker === 0xc3 || marker === 0xc7 || marker >= 0xc9)
        throw new Damaged('a lossless or arithmetic-coded JPEG');
      const components = b[i + 9] ?? 0;
      if (![1, 3, 4].includes(components) || length !== 8 + 3 * components) {
        throw new Damaged(`a frame of ${components} components`);
      }
      frame = true;
    } else if (marker === 0xda) {
      if (!frame || tables === 0 || !huffman) throw new Damaged('a scan before its frame and tables');
      scan = true;
      i = afterEntropyCodedData(b, i + 2 + length);
      continue;
    }
    i += 2 + length;
  }
  if (!scan) throw new Damaged('no image data');
}

/** The index of the first marker after a scan's entropy-coded data (0xFF00 is a stuffed byte, RSTn are inside it). */
function afterEntropyCodedData(b: Uint8Array, start: number): number {
  for (let i = start; i + 1 < b.length; i++) {
    if (b[i] !== 0xff) continue;
    const next = b[i + 1] ?? 0;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return i;
  }
  return b.length;
}

// ---- GIF (GIF89a specification) ----

function checkGif(b: Uint8Array): void {
  const flags = b[10] ?? 0;
  let i = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  let images = 0;
  for (;;) {
    const block = b[i];
    if (block === undefined) throw new Damaged('cut short: no trailer');
    if (block === 0x3b) break;
    if (block === 0x21) i = afterSubBlocks(b, i + 2);
    else if (block === 0x2c) {
      const local = b[i + 9] ?? 0;
      i += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0);
      const codeSize = b[i];
      if (codeSize === undefined || codeSize < 2 || codeSize > 8) throw new Damaged('a bad LZW code size');
      i = afterSubBlocks(b, i + 1);
      images++;
    } else throw new Damaged(`an unknown block 0x${block.toString(16)}`);
  }
  if (images === 0) throw new Damaged('no image data');
}

function afterSubBlocks(b: Uint8Array, start: number): number {
  let i = start;
  for (;;) {
    const length = b[i];
    if (length === undefined) throw new Damaged('cut short: no trailer');
    i += 1 + length;
    if (length === 0) return i;
  }
}

// ---- BMP (Windows bitmap: BITMAPINFOHEADER and its successors) ----

function checkBmp(b: Uint8Array, info: PictureInfo): void {
  const headerSize = u32le(b, 14);
  if (headerSize < 40 || 14 + headerSize > b.length) throw new Damaged('a header of an unknown kind');
  const bitsPerPixel = u16le(b, 28);
  const compression = u32le(b, 30);
  if (![1, 4, 8, 16, 24, 32].includes(bitsPerPixel)) throw new Damaged(`${bitsPerPixel} bits per pixel`);
  const offset = u32le(b, 10);
  const size = info.size ?? { width: 0, height: 0 };
  if (compression === 0 || compression === 3) {
    const rowBytes = Math.ceil((size.width * bitsPerPixel) / 32) * 4;
    if (offset + rowBytes * size.height > b.length) throw new Damaged('cut short: less pixel data than its size');
  } else if (compression === 1 || compression === 2) {
    const dataSize = u32le(b, 34);
    if (offset >= b.length || offset + dataSize > b.length)
      throw new Damaged('cut short: less pixel data than its size');
  } else throw new Damaged(`compression method ${compression}`);
}
