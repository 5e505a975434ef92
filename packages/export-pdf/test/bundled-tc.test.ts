/**
 * Traditional documents' bundled faces: with no Traditional face installed (or installed faces not
 * used), a zh-TW / zh-HK document is set in the bundled Noto Serif TC (宋) and Noto Sans TC (黑),
 * whose glyph forms are Taiwan's and whose ，。 sit centred in their cells, not in the SC faces'
 * corner. Installed TC faces still come first, and the bundled TC faces before installed SC ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Face, openFace } from '../src/lib/fonts/face.js';
import { type FontHost, memoryFontHost } from '../src/lib/fonts/host.js';
import { bundledFile, nodeFontHost } from '../src/lib/fonts/node-host.js';
import { setText } from '../src/lib/text/set.js';
import { resolveFonts, toPdf } from '../src/node.js';
import { doc } from './helpers.js';
import { pdfFonts, pdfLines, writePdf } from './pdf.js';

const TRADITIONAL = '# 臺灣地區經濟發展報告\n\n一、總體情況\n\n這一年來，國民經濟穩定發展，「數位轉型」持續推進。\n';

/** Where a glyph's ink sits in its cell: the middle of its box, as a fraction of its advance. */
function inkCentre(file: string, char: string): number {
  const face = openFace(nodeFontHost, file);
  const codePoint = char.codePointAt(0) as number;
  const box = face.glyphBox(codePoint);
  return (box.minX + box.maxX) / 2 / face.advance(codePoint);
}

/**
 * Where a line's glyphs' reader boxes start, as squeeze.test.ts places them: a squeezed mark's box
 * is narrowed (Tz) to the room it keeps, so the next box starts closer.
 */
function boxStarts(text: string, face: Face): number[] {
  const size = 16;
  const advance = (char: string) => (face.advance(char.codePointAt(0) as number) * size) / face.unitsPerEm;
  const piece = { kind: 'text' as const, text, face, sizePt: size, style: {} };
  const options = { width: 442.2, indent: 0, align: 'justify' as const, pitch: 28.95, spacing: 0, verbatim: false };
  const [line = []] = setText([piece], options, { id: () => 'f0' }, { face, sizePt: size }).lines;
  const starts: number[] = [];
  let x = 0;
  for (const inline of line) {
    let at = x;
    for (const char of Array.from(inline.text)) {
      starts.push(at);
      at += advance(char) * ((inline.horizontalScaling ?? 100) / 100) + (inline.characterSpacing ?? 0);
    }
    x += Array.from(inline.text).reduce((sum, char) => sum + advance(char), 0);
    x += (inline.characterSpacing ?? 0) * (inline.text.length - 1);
  }
  return starts;
}

describe('bundled Traditional faces', () => {
  it('set 宋 and 黑 of a zh-TW or zh-HK document in Noto Serif TC and Noto Sans TC, 楷 in Noto Sans TC Light', () => {
    for (const lang of ['zh-TW', 'zh-HK', 'zh-Hant']) {
      const fonts = resolveFonts({ lang, systemFonts: false, host: nodeFontHost });
      expect(fonts.script, lang).toBe('tc');
      expect(fonts.roles.song).toMatchObject({ source: 'bundled', boldSource: 'bundled' });
      expect(fonts.roles.song.regular.postscriptName).toBe('NotoSerifTC-Regular');
      expect(fonts.roles.song.bold.postscriptName).toBe('NotoSerifTC-Bold');
      expect(fonts.roles.hei.regular.postscriptName).toBe('NotoSansTC-Regular');
      expect(fonts.roles.hei.bold.postscriptName).toBe('NotoSansTC-Bold');
      expect(fonts.roles.kai.regular.postscriptName).toBe('NotoSansTC-Light');
      expect(fonts.roles.fang.regular).toBe(fonts.roles.song.regular);
    }
    // A Simplified document keeps the SC faces.
    const sc = resolveFonts({ lang: 'zh-CN', systemFonts: false, host: nodeFontHost });
    expect(sc.roles.song.regular.postscriptName).toBe('NotoSerifSC-Regular');
    expect(sc.roles.kai.regular.postscriptName).toBe('NotoSansSC-Light');
  });

  it('come after installed TC faces and before installed SC faces', () => {
    const installed = (postscriptName: string, family: 'serif' | 'sans', script: 'sc' | 'tc'): FontHost => ({
      ...nodeFontHost,
      // One installed face, the file of a bundled one under an installed face's name.
      systemFaces: () => [{ file: bundledFile(family, 'regular', script), postscriptName, families: [postscriptName] }],
    });
    const withSc = installed('NotoSerifSC-Regular', 'serif', 'sc');
    expect(resolveFonts({ lang: 'zh-TW', host: withSc }).roles.song).toMatchObject({ source: 'bundled' });
    expect(resolveFonts({ lang: 'zh-TW', host: withSc }).roles.song.regular.postscriptName).toBe('NotoSerifTC-Regular');
    expect(resolveFonts({ lang: 'zh-CN', host: withSc }).roles.song).toMatchObject({ source: 'system' });
    const withTc = installed('NotoSerifTC-Regular', 'serif', 'tc');
    expect(resolveFonts({ lang: 'zh-TW', host: withTc }).roles.song).toMatchObject({ source: 'system' });
  });

  it('fall back to the SC faces on a host without them (a web page that fetched only those)', () => {
    const files: Record<string, Uint8Array> = {};
    const names: Record<string, string> = {};
    for (const [family, weight] of [
      ['serif', 'regular'],
      ['serif', 'bold'],
      ['sans', 'regular'],
      ['sans', 'bold'],
      ['sans', 'light'],
    ] as const) {
      const name = `${family}-${weight}.ttf`;
      files[name] = new Uint8Array(readFileSync(bundledFile(family, weight)));
      names[`${family}-${weight}`] = name;
    }
    const fonts = resolveFonts({ lang: 'zh-TW', host: memoryFontHost(files, names) });
    expect(fonts.roles.song.regular.postscriptName).toBe('NotoSerifSC-Regular');
    expect(fonts.roles.kai.regular.postscriptName).toBe('NotoSansSC-Light');
  });

  it('centre ，and 。 in their cells, where the SC faces put them in the corner', () => {
    for (const char of ['，', '。', '、']) {
      const tc = inkCentre(bundledFile('serif', 'regular', 'tc'), char);
      const sc = inkCentre(bundledFile('serif', 'regular'), char);
      expect(tc, `${char} TC`).toBeGreaterThan(0.4);
      expect(tc, `${char} TC`).toBeLessThan(0.6);
      expect(sc, `${char} SC`).toBeLessThan(0.35);
    }
  });

  it("keep a centred comma's cell beside a bracket, where the SC comma gives up its blank half", () => {
    const text = '他說，（甲）好';
    const gap = (face: Face) => {
      const starts = boxStarts(text, face);
      return (starts[3] as number) - (starts[2] as number); // from ， to （
    };
    expect(gap(openFace(nodeFontHost, bundledFile('serif', 'regular', 'tc')))).toBeCloseTo(16, 3);
    expect(gap(openFace(nodeFontHost, bundledFile('serif', 'regular')))).toBeCloseTo(8, 3);
  });

  it('set a Traditional PDF without installed faces in them, read back whole, reproducibly', async () => {
    const document = doc(TRADITIONAL);
    expect(document.meta.lang).toBe('zh-TW');
    const bytes = await toPdf(document, { systemFonts: false, sourceDateEpoch: 1_700_000_000 });
    const again = await toPdf(doc(TRADITIONAL), { systemFonts: false, sourceDateEpoch: 1_700_000_000 });
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(again))).toBe(0);
    const file = writePdf(bytes, 'bundled-tc');
    const names = pdfFonts(file).map((font) => font.name);
    expect(names.some((name) => /NotoSerifTC-Regular$/.test(name))).toBe(true);
    expect(names.some((name) => /NotoSansTC-/.test(name))).toBe(true);
    expect(names.some((name) => /SC-/.test(name))).toBe(false);
    expect(pdfFonts(file).every((font) => font.embedded && font.subset)).toBe(true);
    const { lines } = pdfLines(file);
    expect(lines.map((line) => line.text).join('')).toContain('這一年來，國民經濟穩定發展，「數位轉型」持續推進。');
  });
});
