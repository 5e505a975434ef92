/**
 * Pictures, read before rendering. Local files are taken relative to `baseDir` and only from
 * inside it; `data:` URIs are decoded; remote URLs are not fetched (the export stays offline and
 * reproducible). pdfkit embeds PNG and JPEG; anything else, and anything missing, becomes a
 * placeholder and a warning.
 */
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Document, visit } from '@wenshu/parser';

export interface LoadedImage {
  ok: true;
  /** A data URL: pdfmake takes images as strings only (it resolves every image source as a URL). */
  dataUrl: string;
  /** Natural size in points, from the pixel size and the resolution the file records (96 dpi when it does not). */
  widthPt: number;
  heightPt: number;
}

export interface MissingImage {
  ok: false;
  reason: string;
}

export type ImageResult = LoadedImage | MissingImage;

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

function u32be(b: Uint8Array, i: number): number {
  return (((b[i] ?? 0) << 24) >>> 0) + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
}

interface Size {
  width: number;
  height: number;
  dpi?: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG: IHDR for the size, pHYs for the resolution. Interlaced PNGs are refused (pdfkit's decoder fails on them). */
function pngSize(b: Uint8Array): Size | string {
  if (u32be(b, 12) !== 0x49484452) return 'a damaged PNG file';
  if (b[28] === 1) return 'an interlaced PNG file (not supported: save it without interlacing)';
  const size: Size = { width: u32be(b, 16), height: u32be(b, 20) };
  for (let i = 8; i + 8 <= b.length; ) {
    const length = u32be(b, i);
    const type = u32be(b, i + 4);
    if (type === 0x70485973 && b[i + 16] === 1) size.dpi = u32be(b, i + 8) * 0.0254;
    if (type === 0x49444154 || type === 0x49454e44) break;
    i += 12 + length;
  }
  return size;
}

/** JPEG: the first start-of-frame marker for the size, JFIF APP0 for the resolution. */
function jpegSize(b: Uint8Array): Size | string {
  let dpi: number | undefined;
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return 'a damaged JPEG file';
    const marker = b[i + 1] ?? 0;
    const length = u16be(b, i + 2);
    if (marker === 0xe0 && b[i + 4] === 0x4a && b[i + 5] === 0x46 && b[i + 6] === 0x49 && b[i + 7] === 0x46) {
      const units = b[i + 11];
      const x = u16be(b, i + 12);
      if (units === 1 && x > 0) dpi = x;
      if (units === 2 && x > 0) dpi = x * 2.54;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: u16be(b, i + 7), height: u16be(b, i + 5), ...(dpi ? { dpi } : {}) };
    }
    i += 2 + length;
  }
  return 'a damaged JPEG file';
}

function sniff(bytes: Uint8Array): { mime: string; size: Size } | string {
  if (PNG_SIGNATURE.every((value, i) => bytes[i] === value)) {
    const size = pngSize(bytes);
    return typeof size === 'string' ? size : { mime: 'image/png', size };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const size = jpegSize(bytes);
    return typeof size === 'string' ? size : { mime: 'image/jpeg', size };
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 5)).toLowerCase();
  if (head.startsWith('gif8')) return 'a GIF (PDF export takes PNG and JPEG)';
  if (head.startsWith('bm')) return 'a BMP (PDF export takes PNG and JPEG)';
  if (head.startsWith('<svg') || head.startsWith('<?xml')) return 'an SVG (PDF export takes PNG and JPEG)';
  if (head.startsWith('riff')) return 'a WebP (PDF export takes PNG and JPEG)';
  return 'not a PNG or JPEG file';
}

function loaded(bytes: Uint8Array): ImageResult {
  const found = sniff(bytes);
  if (typeof found === 'string') return { ok: false, reason: found };
  const { width, height, dpi } = found.size;
  if (width <= 0 || height <= 0) return { ok: false, reason: 'an image of no size' };
  const scale = 72 / (dpi && dpi > 0 ? dpi : 96);
  return {
    ok: true,
    dataUrl: `data:${found.mime};base64,${Buffer.from(bytes).toString('base64')}`,
    widthPt: width * scale,
    heightPt: height * scale,
  };
}

function dataUrl(url: string): ImageResult {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(url);
  if (!match) return { ok: false, reason: 'a malformed data: URL' };
  const payload = match[3] ?? '';
  const bytes = match[2] ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'latin1');
  return loaded(new Uint8Array(bytes));
}

async function localFile(url: string, baseDir: string): Promise<ImageResult> {
  let path: string;
  try {
    path = url.startsWith('file:') ? fileURLToPath(url) : decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  } catch {
    return { ok: false, reason: 'not a file path' };
  }
  const base = resolve(baseDir);
  const file = isAbsolute(path) ? path : resolve(base, path);
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return { ok: false, reason: `no such file (${file})` };
  }
  const baseReal = await realpath(base).catch(() => base);
  const inside = relative(baseReal, real);
  if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep)[0] === '..') {
    return { ok: false, reason: `outside the base folder ${baseReal}` };
  }
  try {
    return loaded(new Uint8Array(await readFile(real)));
  } catch (error) {
    return { ok: false, reason: `cannot read it (${(error as Error).message})` };
  }
}

/** Reads every picture of the document (and its footnotes), by URL. */
export async function loadImages(doc: Document, baseDir: string): Promise<Map<string, ImageResult>> {
  const urls = new Set<string>();
  visit(doc, (node) => {
    if (node.type === 'image') urls.add(node.url);
  });
  const out = new Map<string, ImageResult>();
  for (const url of [...urls].sort()) {
    if (/^data:/i.test(url)) out.set(url, dataUrl(url));
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^file:/i.test(url)) {
      out.set(url, { ok: false, reason: 'a remote image (not downloaded: the export works offline)' });
    } else if (url.trim() === '') out.set(url, { ok: false, reason: 'an image without a source' });
    else out.set(url, await localFile(url, baseDir));
  }
  return out;
}
