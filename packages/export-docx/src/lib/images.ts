/**
 * Pictures: read before rendering (the handlers are synchronous), sized from their own headers.
 * Local files are relative to `baseDir`; `data:` URIs are decoded; remote URLs are not fetched
 * (the export stays offline and reproducible) and become placeholders, as do missing files.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, Image, Nodes, PhrasingContent } from '@wenshu/parser';

export type ImageType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface LoadedImage {
  ok: true;
  type: ImageType;
  data: Uint8Array;
  /** Size in CSS pixels (96 to the inch), from the pixel size and the resolution the file records. */
  widthPx: number;
  heightPx: number;
}

export interface MissingImage {
  ok: false;
  code: 'image-missing' | 'image-remote' | 'image-unsupported';
  reason: string;
}

export type ImageResult = LoadedImage | MissingImage;

interface Size {
  width: number;
  height: number;
  /** Dots per inch, when the file says. */
  dpiX?: number;
  dpiY?: number;
}

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}
function u32be(b: Uint8Array, i: number): number {
  return (((b[i] ?? 0) << 24) >>> 0) + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
}
function u16le(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function i32le(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24);
}

function pngSize(b: Uint8Array): Size | undefined {
  if (u32be(b, 12) !== 0x49484452) return undefined; // IHDR
  const size: Size = { width: u32be(b, 16), height: u32be(b, 20) };
  // pHYs: pixels per unit, unit 1 = metre.
  for (let i = 8; i + 8 <= b.length; ) {
    const length = u32be(b, i);
    const type = u32be(b, i + 4);
    if (type === 0x70485973 && b[i + 16] === 1) {
      size.dpiX = u32be(b, i + 8) * 0.0254;
      size.dpiY = u32be(b, i + 12) * 0.0254;
    }
    if (type === 0x49444154 || type === 0x49454e44) break; // IDAT, IEND
    i += 12 + length;
  }
  return size;
}

function jpegSize(b: Uint8Array): Size | undefined {
  let dpiX: number | undefined;
  let dpiY: number | undefined;
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    const length = u16be(b, i + 2);
    // JFIF APP0: density units 1 = dots per inch, 2 = dots per cm.
    if (marker === 0xe0 && b[i + 4] === 0x4a && b[i + 5] === 0x46 && b[i + 6] === 0x49 && b[i + 7] === 0x46) {
      const units = b[i + 11];
      const x = u16be(b, i + 12);
      const y = u16be(b, i + 14);
      if (units === 1 && x > 0 && y > 0) [dpiX, dpiY] = [x, y];
      if (units === 2 && x > 0 && y > 0) [dpiX, dpiY] = [x * 2.54, y * 2.54];
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      return { width: u16be(b, i + 7), height: u16be(b, i + 5), ...(dpiX && dpiY ? { dpiX, dpiY } : {}) };
    }
    i += 2 + length;
  }
  return undefined;
}

/** The type and size of a picture from its first bytes; undefined for formats Word cannot take here. */
export function imageInfo(b: Uint8Array): { type: ImageType; size: Size } | undefined {
  let type: ImageType | undefined;
  let size: Size | undefined;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) [type, size] = ['png', pngSize(b)];
  else if (b[0] === 0xff && b[1] === 0xd8) [type, size] = ['jpg', jpegSize(b)];
  else if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46)
    [type, size] = ['gif', { width: u16le(b, 6), height: u16le(b, 8) }];
  else if (b[0] === 0x42 && b[1] === 0x4d) {
    const ppm = i32le(b, 38);
    size = { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
    if (ppm > 0) size.dpiX = size.dpiY = ppm * 0.0254;
    type = 'bmp';
  }
  if (!type || !size || size.width <= 0 || size.height <= 0) return undefined;
  return { type, size };
}

function toPx(pixels: number, dpi: number | undefined): number {
  return dpi && dpi > 0 ? (pixels * 96) / dpi : pixels;
}

function fromBytes(data: Uint8Array, url: string): ImageResult {
  const info = imageInfo(data);
  if (!info) {
    return { ok: false, code: 'image-unsupported', reason: `${url}: not a PNG, JPEG, GIF or BMP picture` };
  }
  const { size } = info;
  return {
    ok: true,
    type: info.type,
    data,
    widthPx: toPx(size.width, size.dpiX),
    heightPx: toPx(size.height, size.dpiY),
  };
}

async function load(url: string, baseDir: string): Promise<ImageResult> {
  const dataUri = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(url);
  if (dataUri) {
    const payload = dataUri[3] ?? '';
    const bytes = dataUri[2] ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'latin1');
    return fromBytes(new Uint8Array(bytes), 'data: URI');
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.toLowerCase().startsWith('file:')) {
    return { ok: false, code: 'image-remote', reason: `${url}: remote pictures are not downloaded` };
  }
  let path: string;
  try {
    path = url.toLowerCase().startsWith('file:') ? fileURLToPath(url) : decodeURI(url.split(/[?#]/)[0] ?? url);
  } catch {
    path = url;
  }
  const file = isAbsolute(path) ? path : resolve(baseDir, path);
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      code: 'image-missing',
      reason: `${url}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'cannot read')} (${file})`,
    };
  }
  return fromBytes(data, url);
}

function collect(node: Nodes, out: Image[]): void {
  if (node.type === 'image') {
    out.push(node);
    return;
  }
  const extra: PhrasingContent[] =
    node.type === 'item' ? (node.title ?? []) : node.type === 'table' ? (node.caption ?? []) : [];
  for (const child of extra) collect(child, out);
  if ('children' in node) for (const child of node.children as Nodes[]) collect(child, out);
  if (node.type === 'document') for (const note of node.footnotes) collect(note, out);
}

/** Reads every picture of the document once, by URL. */
export async function loadImages(doc: Document, baseDir: string): Promise<Map<string, ImageResult>> {
  const images: Image[] = [];
  collect(doc, images);
  const urls = [...new Set(images.map((image) => image.url))];
  const results = await Promise.all(urls.map((url) => load(url, baseDir)));
  return new Map(urls.map((url, i) => [url, results[i] as ImageResult]));
}
