/** Faces by role: given files, installed faces, bundled faces, fallbacks; the listing `wenshu fonts` prints. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { bundledFile } from '../src/lib/fonts/node-host.js';
import { listFonts, resolveFonts, toPdf } from '../src/node.js';
import { doc, installedFace } from './helpers.js';
import { pdfFonts, writePdf } from './pdf.js';

describe('resolveFonts', () => {
  it('uses the bundled Noto Serif SC (宋) and Noto Sans SC (黑), and falls back for the others with warnings', () => {
    const fonts = resolveFonts({ systemFonts: false });
    expect(fonts.roles.song).toMatchObject({ source: 'bundled', boldSource: 'bundled' });
    expect(fonts.roles.song.regular.postscriptName).toBe('NotoSerifSC-Regular');
    expect(fonts.roles.song.bold.postscriptName).toBe('NotoSerifSC-Bold');
    expect(fonts.roles.hei.regular.postscriptName).toBe('NotoSansSC-Regular');
    expect(fonts.roles.hei.bold.postscriptName).toBe('NotoSansSC-Bold');
    expect(fonts.roles.kai.source).toBe('fallback');
    // 楷 (second-level headings) must not look like 仿宋 (body, third and fourth levels), which
    // falls back to 宋, nor like the regular 黑 of the first level: it is set in 黑 light.
    expect(fonts.roles.kai.regular.postscriptName).toBe('NotoSansSC-Light');
    expect(fonts.roles.kai.regular).not.toBe(fonts.roles.fang.regular);
    expect(fonts.roles.kai.regular).not.toBe(fonts.roles.hei.regular);
    expect(fonts.roles.fang.regular).toBe(fonts.roles.song.regular);
    // 小标宋 falls back to 宋 bold.
    expect(fonts.roles.title.regular).toBe(fonts.roles.song.bold);
    const warned = fonts.warnings.map((w) => w.role);
    expect(warned).toEqual(expect.arrayContaining(['kai', 'fang', 'title', 'mono']));
    expect(fonts.warnings.find((w) => w.role === 'fang')?.message).toMatch(/仿宋 \(fang\).*宋 \(song\)/);
    expect(fonts.warnings.find((w) => w.role === 'kai')?.message).toMatch(/楷 \(kai\).*黑 \(hei\) light/);
  });

  it('resolves once per process', () => {
    expect(resolveFonts({ systemFonts: false })).toBe(resolveFonts({ systemFonts: false }));
  });

  it("takes the user's file first, and a collection's face by PostScript name", () => {
    const sans = bundledFile('sans', 'regular');
    const tc = installedFace('NotoSerifCJKtc-Regular');
    const fonts = resolveFonts({ systemFonts: false, fonts: { fang: sans, kai: `${tc.file}#NotoSerifCJKtc-Regular` } });
    expect(fonts.roles.fang).toMatchObject({ source: 'user' });
    expect(fonts.roles.fang.regular.postscriptName).toBe('NotoSansSC-Regular');
    expect(fonts.roles.kai.regular.postscriptName).toBe('NotoSerifCJKtc-Regular');
    expect(fonts.roles.kai.regular.file).toBe(tc.file);
  });

  it("takes the theme's files after the user's", () => {
    const theme = presetTheme('gov');
    theme.fonts.fang.files = { regular: bundledFile('sans', 'regular'), bold: bundledFile('sans', 'bold') };
    const fonts = resolveFonts({ systemFonts: false, theme });
    expect(fonts.roles.fang).toMatchObject({ source: 'theme', boldSource: 'theme' });
    expect(fonts.roles.fang.bold.postscriptName).toBe('NotoSansSC-Bold');
  });

  it('warns about a file it cannot use and goes on', () => {
    const fonts = resolveFonts({
      systemFonts: false,
      fonts: { kai: '/nonexistent/kai.ttf', fang: fileURLToPath(import.meta.url) },
    });
    expect(fonts.roles.kai.source).toBe('fallback');
    expect(fonts.warnings.some((w) => w.role === 'kai' && /cannot be used.*kai\.ttf/.test(w.message))).toBe(true);
    expect(fonts.warnings.some((w) => w.role === 'fang' && /not a \.ttf/.test(w.message))).toBe(true);
  });

  it('finds installed faces: Noto CJK for 宋 and 黑, the Traditional faces for zh-TW', () => {
    installedFace('NotoSerifCJKsc-Regular');
    const fonts = resolveFonts();
    expect(fonts.roles.song.source).toBe('system');
    expect(fonts.roles.hei.source).toBe('system');
    const tw = resolveFonts({ lang: 'zh-TW' });
    expect(tw.script).toBe('tc');
    expect(tw.roles.song.regular.postscriptName).toMatch(/tc|TC|MingLiU/);
  });
});

describe('listFonts', () => {
  it('lists role, file, face and glyph count, regular and bold, for the six roles', () => {
    const rows = listFonts({ systemFonts: false });
    expect(rows).toHaveLength(12);
    expect(rows.map((row) => `${row.role} ${row.weight}`)).toEqual([
      'song regular',
      'song bold',
      'hei regular',
      'hei bold',
      'kai regular',
      'kai bold',
      'fang regular',
      'fang bold',
      'title regular',
      'title bold',
      'mono regular',
      'mono bold',
    ]);
    for (const row of rows) {
      expect(existsSync(row.file)).toBe(true);
      expect(row.glyphs).toBeGreaterThan(30_000);
    }
    expect(rows[0]).toMatchObject({ name: '宋', face: 'NotoSerifSC-Regular', source: 'bundled' });
    expect(rows[6]).toMatchObject({ name: '仿宋', source: 'fallback' });
    expect(rows[6]?.note).toMatch(/仿宋/);
  });
});

describe('embedding', () => {
  it('embeds a face picked out of a .ttc collection', async () => {
    const tc = installedFace('NotoSerifCJKtc-Regular');
    const bytes = await toPdf(doc('臺灣的文書。'), {
      systemFonts: false,
      fonts: { song: `${tc.file}#NotoSerifCJKtc-Regular` },
    });
    const fonts = pdfFonts(writePdf(bytes, 'ttc'));
    expect(fonts.map((font) => font.name.slice(7))).toContain('NotoSerifCJKtc-Regular');
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true });
  });
});
