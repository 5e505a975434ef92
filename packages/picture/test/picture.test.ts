import { describe, expect, it } from 'vitest';
import { dataUrlBytes, pictureInfo } from '../src/index.js';

/** Bytes from numbers and latin1 strings. */
function bytes(...parts: (number | string)[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'number') out.push(part);
    else for (const char of part) out.push(char.charCodeAt(0));
  }
  return new Uint8Array(out);
}

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16 = (n: number) => [(n >>> 8) & 255, n & 255];

/** A PNG's signature and chunks up to IDAT (CRCs are not checked here, so they are zero). */
function png(width: number, height: number, options: { dpi?: number; interlaced?: boolean } = {}): Uint8Array {
  const parts: number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const chunk = (type: string, data: number[]) =>
    parts.push(...u32(data.length), ...[...type].map((c) => c.charCodeAt(0)), ...data, 0, 0, 0, 0);
  chunk('IHDR', [...u32(width), ...u32(height), 8, 0, 0, 0, options.interlaced ? 1 : 0]);
  if (options.dpi) {
    const perMetre = Math.round(options.dpi / 0.0254);
    chunk('pHYs', [...u32(perMetre), ...u32(perMetre), 1]);
  }
  chunk('IDAT', []);
  chunk('IEND', []);
  return new Uint8Array(parts);
}

/** A JPEG's first segments: SOI, a JFIF APP0 with its density, a baseline start-of-frame. */
function jpeg(width: number, height: number, density?: { units: 1 | 2; x: number; y: number }): Uint8Array {
  const app0 = [
    0xff,
    0xe0,
    ...u16(16),
    ...[...'JFIF\0'].map((c) => c.charCodeAt(0)),
    1,
    2,
    density?.units ?? 0,
    ...u16(density?.x ?? 1),
    ...u16(density?.y ?? 1),
    0,
    0,
  ];
  const sof0 = [0xff, 0xc0, ...u16(17), 8, ...u16(height), ...u16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0]);
}

describe('pictureInfo', () => {
  it('reads a PNG: size, the resolution pHYs records, interlacing', () => {
    expect(pictureInfo(png(30, 20))).toEqual({ format: 'png', size: { width: 30, height: 20 } });
    const retina = pictureInfo(png(30, 20, { dpi: 192 }));
    expect(retina?.size?.dpiX).toBeCloseTo(192, 0);
    expect(retina?.size?.dpiY).toBeCloseTo(192, 0);
    expect(pictureInfo(png(30, 20, { interlaced: true }))?.size?.interlaced).toBe(true);
  });

  it('reads a JPEG: size from the frame, resolution from JFIF in dots per inch or per centimetre', () => {
    expect(pictureInfo(jpeg(640, 480))).toEqual({ format: 'jpeg', size: { width: 640, height: 480 } });
    expect(pictureInfo(jpeg(640, 480, { units: 1, x: 300, y: 150 }))?.size).toEqual({
      width: 640,
      height: 480,
      dpiX: 300,
      dpiY: 150,
    });
    expect(pictureInfo(jpeg(640, 480, { units: 2, x: 100, y: 100 }))?.size?.dpiX).toBeCloseTo(254, 6);
  });

  it('reads GIF and BMP sizes, and a BMP stored top-down', () => {
    expect(pictureInfo(bytes('GIF89a', 0x2c, 0x01, 0xc8, 0x00))).toEqual({
      format: 'gif',
      size: { width: 300, height: 200 },
    });
    const bmp = new Uint8Array(54);
    bmp.set(bytes('BM'));
    const view = new DataView(bmp.buffer);
    view.setInt32(18, 40, true);
    view.setInt32(22, -30, true); // negative: rows stored top-down
    view.setInt32(38, 3780, true); // 96 dpi in pixels per metre
    const info = pictureInfo(bmp);
    expect(info?.format).toBe('bmp');
    expect(info?.size?.width).toBe(40);
    expect(info?.size?.height).toBe(30);
    expect(info?.size?.dpiX).toBeCloseTo(96, 0);
  });

  it('names SVG and WebP without a size, and knows no other bytes', () => {
    expect(pictureInfo(bytes(' <svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ format: 'svg' });
    expect(pictureInfo(bytes('<?xml version="1.0"?><svg/>'))).toEqual({ format: 'svg' });
    expect(pictureInfo(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toEqual({ format: 'webp' });
    expect(pictureInfo(bytes('RIFF', 0, 0, 0, 0, 'AVI LIST'))).toBeUndefined();
    expect(pictureInfo(bytes('%PDF-1.7'))).toBeUndefined();
    expect(pictureInfo(new Uint8Array())).toBeUndefined();
  });

  it('gives no size for a damaged header or a picture of no pixels', () => {
    const damaged = png(30, 20);
    damaged[12] = 0; // IHDR's type
    expect(pictureInfo(damaged)).toEqual({ format: 'png' });
    expect(pictureInfo(png(0, 20))).toEqual({ format: 'png' });
    expect(pictureInfo(bytes(0xff, 0xd8, 0x12, 0x34, 0, 0, 0, 0, 0, 0, 0, 0))).toEqual({ format: 'jpeg' });
  });
});

describe('dataUrlBytes', () => {
  it('decodes base64 and percent-encoded payloads, whatever the declared type and its parameters', () => {
    expect(dataUrlBytes('data:image/png;base64,iVBORw0KGgo=')).toEqual(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a));
    expect(dataUrlBytes('DATA:image/svg+xml;charset=utf-8,%3Csvg%2F%3E')).toEqual(bytes('<svg/>'));
    expect(dataUrlBytes('data:,A%20B')).toEqual(bytes('A B'));
  });

  it('is undefined for what is not a data: URL or cannot be decoded', () => {
    expect(dataUrlBytes('image.png')).toBeUndefined();
    expect(dataUrlBytes('data:image/png;base64')).toBeUndefined();
    expect(dataUrlBytes('data:,%E0%A4%A')).toBeUndefined();
  });
});
