/**
 * What a picture's first bytes say, for the exporters that place it: its format, its size in pixels
 * and the resolution the file records (so that a 300 dpi scan is placed at its printed size, not
 * at one pixel per CSS pixel). Read from the headers alone: PNG's IHDR and pHYs chunks, JPEG's JFIF
 * segment and first start-of-frame marker, GIF's logical screen, BMP's info header. SVG and WebP
 * are recognised, so that an exporter that does not take them can say what it was given.
 */
import { base64Bytes, latin1Bytes } from './base64.js';
import { i32le, u16be, u16le, u32be } from './bytes.js';

export type PictureFormat = 'png' | 'jpeg' | 'gif' | 'bmp' | 'svg' | 'webp';

export interface PictureSize {
  width: number;
  height: number;
  /** Dots per inch across and down, when the file records them. */
  dpiX?: number;
  dpiY?: number;
  /** A PNG stored interlaced (Adam7), which some decoders (pdfkit's) cannot read. */
  interlaced?: boolean;
}

export interface PictureInfo {
  format: PictureFormat;
  /** Absent when the header is damaged, and for SVG and WebP, whose size is not read here. */
  size?: PictureSize;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = 0x49484452;
const PHYS = 0x70485973;
const IDAT = 0x49444154;
const IEND = 0x49454e44;

/** PNG: IHDR for the size and interlacing; pHYs (unit 1: pixels per metre) for the resolution. */
function pngSize(b: Uint8Array): PictureSize | undefined {
  if (u32be(b, 12) !== IHDR) return undefined;
  const size: PictureSize = { width: u32be(b, 16), height: u32be(b, 20) };
  if (b[28] === 1) size.interlaced = true;
  for (let i = 8; i + 8 <= b.length; ) {
    const length = u32be(b, i);
    const type = u32be(b, i + 4);
    if (type === PHYS && b[i + 16] === 1) {
      size.dpiX = u32be(b, i + 8) * 0.0254;
      size.dpiY = u32be(b, i + 12) * 0.0254;
    }
    if (type === IDAT || type === IEND) break;
    i += 12 + length;
  }
  return size;
}

/** JPEG: JFIF APP0 for the resolution (units 1: dots per inch, 2: per cm), the first frame for the size. */
function jpegSize(b: Uint8Array): PictureSize | undefined {
  let density: { dpiX: number; dpiY: number } | undefined;
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    const length = u16be(b, i + 2);
    if (marker === 0xe0 && b[i + 4] === 0x4a && b[i + 5] === 0x46 && b[i + 6] === 0x49 && b[i + 7] === 0x46) {
      const units = b[i + 11];
      const x = u16be(b, i + 12);
      const y = u16be(b, i + 14);
      if (units === 1 && x > 0 && y > 0) density = { dpiX: x, dpiY: y };
      if (units === 2 && x > 0 && y > 0) density = { dpiX: x * 2.54, dpiY: y * 2.54 };
    }
    // Start-of-frame markers: C0–CF but for DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: u16be(b, i + 7), height: u16be(b, i + 5), ...density };
    }
    i += 2 + length;
  }
  return undefined;
}

/** BMP: the info header's width and height (negative height: stored top-down), X pixels per metre. */
function bmpSize(b: Uint8Array): PictureSize {
  const size: PictureSize = { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  const perMetre = i32le(b, 38);
  if (perMetre > 0) size.dpiX = size.dpiY = perMetre * 0.0254;
  return size;
}

/** The picture's format and size from its first bytes; `undefined` when it is no format known here. */
export function pictureInfo(bytes: Uint8Array): PictureInfo | undefined {
  if (PNG_SIGNATURE.every((value, i) => bytes[i] === value)) return withSize('png', pngSize(bytes));
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return withSize('jpeg', jpegSize(bytes));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (head.startsWith('GIF8')) return withSize('gif', { width: u16le(bytes, 6), height: u16le(bytes, 8) });
  if (head.startsWith('BM')) return withSize('bmp', bmpSize(bytes));
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return { format: 'webp' };
  const text = head.trimStart().toLowerCase();
  if (text.startsWith('<svg') || text.startsWith('<?xml')) return { format: 'svg' };
  return undefined;
}

function withSize(format: PictureFormat, size: PictureSize | undefined): PictureInfo {
  return size && size.width > 0 && size.height > 0 ? { format, size } : { format };
}

/**
 * The bytes of a `data:` URL (RFC 2397): base64 or percent-encoded; `undefined` when `url` is not
 * one. The media type it declares is not trusted: the bytes say what they are.
 */
export function dataUrlBytes(url: string): Uint8Array | undefined {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(url);
  if (!match) return undefined;
  const payload = match[3] ?? '';
  try {
    return match[2] ? base64Bytes(payload) : latin1Bytes(decodeURIComponent(payload));
  } catch {
    return undefined;
  }
}

export { base64Text } from './base64.js';
export { type CheckOptions, checkPicture, DEFAULT_MAX_PIXELS, type PictureCheck } from './check.js';
export {
  type PictureLoader,
  type PictureRead,
  type PictureRefusal,
  type PictureRefusalCode,
  refuseRemotePicture,
  withoutLocalPictures,
} from './loader.js';
export { pictureName, picturePlaceholder } from './placeholder.js';
