import {
  corruptPng,
  goodJpeg,
  goodPng,
  jpegWithoutScan,
  pngScanlines,
  pngWith,
  truncatedJpeg,
  truncatedPng,
} from '@wenshu/test-corpus/pictures';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkPicture, pictureName, picturePlaceholder } from '../src/index.js';

describe('checkPicture', () => {
  it('accepts whole RGB and RGBA PNGs and gives their size', () => {
    expect(checkPicture(goodPng(4, 3, 6))).toEqual({ ok: true, format: 'png', size: { width: 4, height: 3 } });
    expect(checkPicture(goodPng(7, 5, 2))).toMatchObject({ ok: true, size: { width: 7, height: 5 } });
  });

  it('refuses PNGs whose pixel data is not zlib data, RGB and RGBA alike', () => {
    for (const colourType of [2, 6] as const) {
      const result = checkPicture(corruptPng(colourType));
      expect(result.ok).toBe(false);
      expect(result).toMatchObject({ format: 'png' });
      if (!result.ok) expect(result.reason).toMatch(/^a damaged PNG file \(/);
    }
  });

  it('refuses a PNG cut short, wherever it is cut', () => {
    const whole = goodPng(40, 40, 2);
    for (let keep = 30; keep < whole.length; keep += 7) {
      expect(checkPicture(whole.subarray(0, keep)).ok, `cut at ${keep}`).toBe(false);
    }
    expect(checkPicture(truncatedPng())).toMatchObject({ ok: false, format: 'png' });
  });

  it('refuses a PNG with a bad CRC in a critical chunk', () => {
    const bytes = goodPng().slice();
    bytes[29] = (bytes[29] ?? 0) ^ 0xff; // IHDR's CRC
    expect(checkPicture(bytes)).toMatchObject({ ok: false, reason: expect.stringContaining('bad CRC in chunk IHDR') });
  });

  it('refuses pixel data of the wrong length, a bad row filter and a bad checksum', () => {
    const short = pngWith(4, 4, 6, zlibSync(pngScanlines(4, 3, 6)));
    expect(checkPicture(short)).toMatchObject({ ok: false, reason: expect.stringContaining('less pixel data') });
    const long = pngWith(4, 4, 6, zlibSync(pngScanlines(4, 5, 6)));
    expect(checkPicture(long)).toMatchObject({ ok: false, reason: expect.stringContaining('more pixel data') });
    const lines = pngScanlines(4, 4, 6);
    lines[0] = 9;
    expect(checkPicture(pngWith(4, 4, 6, zlibSync(lines)))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('row filter 9'),
    });
    const stream = zlibSync(pngScanlines(4, 4, 6)).slice();
    stream[stream.length - 1] = (stream[stream.length - 1] ?? 0) ^ 1;
    expect(checkPicture(pngWith(4, 4, 6, stream))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Adler-32'),
    });
  });

  it('refuses a picture of more pixels than the limit before inflating anything', () => {
    // The header claims 100 000 × 100 000; the data is a few bytes.
    const huge = pngWith(100_000, 100_000, 6, zlibSync(new Uint8Array(10)));
    expect(checkPicture(huge)).toMatchObject({ ok: false, reason: expect.stringMatching(/^too many pixels/) });
    expect(checkPicture(goodPng(10, 10), { maxPixels: 99 })).toMatchObject({ ok: false });
    expect(checkPicture(goodPng(10, 10), { maxPixels: 100 })).toMatchObject({ ok: true });
  });

  it('accepts a whole JPEG and refuses one without a scan or cut short', () => {
    expect(checkPicture(goodJpeg())).toEqual({ ok: true, format: 'jpeg', size: { width: 8, height: 8 } });
    expect(checkPicture(jpegWithoutScan())).toMatchObject({ ok: false, format: 'jpeg' });
    expect(checkPicture(truncatedJpeg())).toMatchObject({ ok: false, reason: expect.stringContaining('cut short') });
  });

  it('names what is not a picture it can check', () => {
    expect(checkPicture(new TextEncoder().encode('hello'))).toEqual({
      ok: false,
      reason: 'not a PNG, JPEG, GIF or BMP picture',
    });
    expect(checkPicture(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({
      ok: false,
      format: 'svg',
    });
  });

  it('walks a GIF to its trailer and a BMP against its length', () => {
    // A 1 × 1 GIF: header, screen with a 2-colour table, image descriptor, LZW data, trailer.
    const gif = Uint8Array.from(
      Buffer.from('474946383961' + '01000100800000' + '000000ffffff' + '2c00000000010001000002024401003b', 'hex'),
    );
    expect(checkPicture(gif)).toMatchObject({ ok: true, format: 'gif' });
    expect(checkPicture(gif.subarray(0, gif.length - 1))).toMatchObject({ ok: false, format: 'gif' });
    // A 2 × 2 24-bit BMP: 14-byte file header, 40-byte info header, two rows of 8 bytes.
    const bmp = new Uint8Array(54 + 16);
    const view = new DataView(bmp.buffer);
    bmp.set([0x42, 0x4d]);
    view.setUint32(2, bmp.length, true);
    view.setUint32(10, 54, true);
    view.setUint32(14, 40, true);
    view.setInt32(18, 2, true);
    view.setInt32(22, 2, true);
    view.setUint16(26, 1, true);
    view.setUint16(28, 24, true);
    expect(checkPicture(bmp)).toMatchObject({ ok: true, format: 'bmp' });
    expect(checkPicture(bmp.subarray(0, 60))).toMatchObject({ ok: false, format: 'bmp' });
  });
});

describe('picturePlaceholder and pictureName', () => {
  it('says [图片：alt], else the file name, else [图片]', () => {
    expect(picturePlaceholder('示意图', 'a/b.png')).toBe('[图片：示意图]');
    expect(picturePlaceholder(' ', 'a/b.png?x=1')).toBe('[图片：b.png]');
    expect(picturePlaceholder('', 'data:image/png;base64,AAAA')).toBe('[图片]');
  });

  it('names a data: URL by its media type, not its bytes', () => {
    expect(pictureName(`data:image/png;base64,${'A'.repeat(10_000)}`)).toBe('data:image/png;base64,…');
    expect(pictureName('pics/a.png')).toBe('pics/a.png');
  });
});
