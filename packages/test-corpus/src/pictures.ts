/**
 * Small pictures made in memory, whole and damaged in the ways users meet: pixel data that is not
 * zlib, a file cut short, a JPEG with a frame and no scan. Shared with the exporters' and the
 * command's tests (`@wenshu/test-corpus/pictures`).
 */
import { zlibSync } from 'fflate';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function u32(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}

/** A PNG chunk with its length and a correct CRC. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat([new TextEncoder().encode(type), data]);
  return concat([u32(data.length), typed, u32(crc32(typed))]);
}

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG from its IHDR fields and the (already compressed) bytes of its IDAT chunk. */
export function pngWith(width: number, height: number, colourType: 2 | 6, idat: Uint8Array): Uint8Array {
  const header = concat([u32(width), u32(height), new Uint8Array([8, colourType, 0, 0, 0])]);
  return concat([SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array())]);
}

/** The filtered scanlines of a grey picture: filter byte 0, then the samples. */
export function pngScanlines(width: number, height: number, colourType: 2 | 6): Uint8Array {
  const row = 1 + width * (colourType === 6 ? 4 : 3);
  const raw = new Uint8Array(row * height).fill(0x80);
  for (let y = 0; y < height; y++) raw[y * row] = 0;
  return raw;
}

/** A whole 8-bit RGB (2) or RGBA (6) PNG. */
export function goodPng(width = 4, height = 4, colourType: 2 | 6 = 6): Uint8Array {
  return pngWith(width, height, colourType, zlibSync(pngScanlines(width, height, colourType)));
}

/** A valid header, then IDAT bytes that are not zlib data (the user's `incorrect header check`). */
export function corruptPng(colourType: 2 | 6): Uint8Array {
  return pngWith(4, 4, colourType, new TextEncoder().encode('this is not zlib data at all'));
}

/** A whole PNG cut after `keep` bytes. */
export function truncatedPng(keep = 60): Uint8Array {
  return goodPng(40, 40, 2).subarray(0, keep);
}

/** A baseline JPEG's markers with a frame and no scan: a header a reader accepts, no picture. */
export function jpegWithoutScan(): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 16, 0, 16, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9,
  ]);
}

/**
 * The smallest whole baseline JPEG: one 8 × 8 grey block. Tables: one quantisation table of ones,
 * one DC and one AC Huffman table with a single code each; the scan codes DC difference 0 and end of block.
 */
export function goodJpeg(): Uint8Array {
  const dqt = [0xff, 0xdb, 0, 67, 0, ...new Array(64).fill(1)];
  const sof = [0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0];
  // DC table 0 (class 0) and AC table 0 (class 1): one code of length 1 each, for category 0 and for EOB (0x00).
  const huffman = (tableClass: number) => [0xff, 0xc4, 0, 20, tableClass << 4, 1, ...new Array(15).fill(0), 0];
  const dht = [...huffman(0), ...huffman(1)];
  const sos = [0xff, 0xda, 0, 8, 1, 1, 0x00, 0, 63, 0];
  // Bits 0 (DC category 0) and 0 (EOB), padded with ones.
  const scan = [0x3f];
  return new Uint8Array([0xff, 0xd8, ...dqt, ...sof, ...dht, ...sos, ...scan, 0xff, 0xd9]);
}

/** A whole JPEG cut before its end-of-image marker. */
export function truncatedJpeg(): Uint8Array {
  const whole = goodJpeg();
  return whole.subarray(0, whole.length - 3);
}

/** One of each damage a picture may have, by a file name that says which: what no exporter may embed. */
export function damagedPictures(): Record<string, Uint8Array> {
  return {
    'rgba.png': corruptPng(6),
    'rgb.png': corruptPng(2),
    'cut.png': truncatedPng(),
    'noscan.jpg': jpegWithoutScan(),
    'cut.jpg': truncatedJpeg(),
  };
}
