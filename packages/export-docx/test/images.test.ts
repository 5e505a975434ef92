import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Image, Paragraph } from '@wenshu/parser';
import { damagedPictures } from '@wenshu/test-corpus/pictures';
import { loadTheme } from '@wenshu/theme';
import { zlibSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyBlocks, descendants, doc, must, paragraphText, pStyle, render, styleProp } from './docx.js';

const dir = mkdtempSync(join(tmpdir(), 'wenshu-docx-images-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A grey PNG of `width` × `height` pixels, optionally recording its resolution. */
function png(width: number, height: number, dpi?: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const raw = new Uint8Array((width + 1) * height).fill(128);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (dpi) {
    const phys = new Uint8Array(9);
    const pv = new DataView(phys.buffer);
    pv.setUint32(0, Math.round(dpi / 0.0254));
    pv.setUint32(4, Math.round(dpi / 0.0254));
    phys[8] = 1;
    parts.push(chunk('pHYs', phys));
  }
  parts.push(chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array()));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function picture(url: string, alt = '示意图'): Paragraph {
  const image: Image = { type: 'image', url, alt, title: null };
  return { type: 'paragraph', children: [image] };
}

function extent(out: Awaited<ReturnType<typeof render>>) {
  const ext = descendants(out.xml('word/document.xml'), 'wp:extent')[0];
  return ext ? [Number(ext.attributes.cx), Number(ext.attributes.cy)] : undefined;
}

describe('pictures', () => {
  it('embeds a local file relative to baseDir at its size, in a centred figure paragraph', async () => {
    writeFileSync(join(dir, 'small.png'), png(120, 60));
    const out = await render(doc([picture('small.png')]), { baseDir: dir });
    expect(Object.keys(out.files).filter((name) => name.startsWith('word/media/'))).toEqual(['word/media/image1.png']);
    expect(extent(out)).toEqual([120 * 9525, 60 * 9525]);
    expect(pStyle(must(bodyBlocks(out)[0]))).toBe('Figure');
    expect(descendants(out.xml('word/document.xml'), 'wp:docPr')[0]?.attributes.descr).toBe('示意图');
    expect(out.warnings).toEqual([]);
  });

  it('keeps figures at single spacing, so an exact body spacing (gov) does not crop them', async () => {
    writeFileSync(join(dir, 'tall.png'), png(100, 300));
    const out = await render(doc([picture('tall.png')]), { baseDir: dir, theme: loadTheme('gov') });
    const spacing = styleProp(out.xml('word/styles.xml'), 'Figure', 'w:pPr', 'w:spacing')?.attributes;
    expect(spacing).toMatchObject({ 'w:line': '240', 'w:lineRule': 'auto' });
  });

  it('honours the resolution a file records', async () => {
    writeFileSync(join(dir, 'retina.png'), png(200, 100, 192));
    const out = await render(doc([picture('retina.png')]), { baseDir: dir });
    expect(extent(out)).toEqual([100 * 9525, 50 * 9525]);
  });

  it('scales a picture wider than the text down to the text width, keeping its proportions', async () => {
    writeFileSync(join(dir, 'wide.png'), png(2000, 500));
    const out = await render(doc([picture('wide.png')]), { baseDir: dir });
    const [cx, cy] = must(extent(out));
    const textWidthEmu = ((11906 - 1803 - 1803) / 15) * 9525;
    expect(Math.abs(must(cx) - textWidthEmu)).toBeLessThan(9525);
    expect(must(cx) / must(cy)).toBeCloseTo(4, 1);
  });

  it('decodes data: URIs', async () => {
    const uri = `data:image/png;base64,${Buffer.from(png(10, 10)).toString('base64')}`;
    const out = await render(doc([picture(uri)]));
    expect(extent(out)).toEqual([10 * 9525, 10 * 9525]);
  });

  it('puts a visible placeholder and a warning for a missing file', async () => {
    const out = await render(doc([picture('nope/missing.png', '缺失的图')]), { baseDir: dir });
    expect(paragraphText(must(bodyBlocks(out)[0]))).toBe('[图片：缺失的图]');
    expect(out.warnings.map((w) => w.code)).toEqual(['image-missing']);
    expect(out.warnings[0]?.message).toContain('nope/missing.png');
    expect(Object.keys(out.files).some((name) => name.startsWith('word/media/'))).toBe(false);
  });

  it('says 圖片 in the placeholder of a Traditional document', async () => {
    const out = await render(doc([picture('nope/missing.png', '缺失的圖')], { lang: 'zh-TW' }), { baseDir: dir });
    expect(paragraphText(must(bodyBlocks(out)[0]))).toBe('[圖片：缺失的圖]');
  });

  it('does not download remote pictures: placeholder and warning', async () => {
    const out = await render(doc([picture('https://example.com/a.png', '')]));
    // Without alt text the placeholder names the file, as in the PDF (one rule: picturePlaceholder).
    expect(paragraphText(must(bodyBlocks(out)[0]))).toBe('[图片：a.png]');
    expect(out.warnings.map((w) => w.code)).toEqual(['image-remote']);
  });

  it('puts a placeholder and a warning for a picture that cannot be decoded, and embeds nothing', async () => {
    const damaged = damagedPictures();
    for (const [name, bytes] of Object.entries(damaged)) {
      writeFileSync(join(dir, name), bytes);
      const out = await render(doc([picture(name, '坏图')]), { baseDir: dir });
      expect(paragraphText(must(bodyBlocks(out)[0])), name).toBe('[图片：坏图]');
      expect(out.warnings.map((w) => w.code)).toEqual(['image-damaged']);
      expect(out.warnings[0]?.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: a damaged (PNG|JPEG) file`));
      expect(Object.keys(out.files).some((file) => file.startsWith('word/media/'))).toBe(false);
    }
  });

  it('warns about files that are not pictures Word can take', async () => {
    writeFileSync(join(dir, 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const out = await render(doc([picture('chart.svg')]), { baseDir: dir });
    expect(out.warnings.map((w) => w.code)).toEqual(['image-unsupported']);
  });
});
