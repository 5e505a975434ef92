import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deepMerge, extendTheme, gov, loadTheme, report, ThemeError } from '../src/node.js';

const dir = mkdtempSync(join(tmpdir(), 'wenshu-theme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTheme(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

function themeError(fn: () => unknown): ThemeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ThemeError) return error;
    throw error;
  }
  throw new Error('expected a ThemeError');
}

describe('deepMerge', () => {
  it('merges objects key by key and replaces everything else', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: { e: 1 }, f: 'x' };
    expect(deepMerge(base, { a: { c: [3] }, d: null, g: 2 })).toEqual({ a: { b: 1, c: [3] }, d: null, f: 'x', g: 2 });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: { e: 1 }, f: 'x' });
  });

  it('replaces a line spacing whole: it is one of two shapes, never both', () => {
    const base = { body: { sizePt: 16, lineSpacing: { exactPt: 28.95 } } };
    expect(deepMerge(base, { body: { lineSpacing: { multiple: 1.5 } } })).toEqual({
      body: { sizePt: 16, lineSpacing: { multiple: 1.5 } },
    });
  });
});

describe('loadTheme', () => {
  it('loads presets by name', () => {
    expect(loadTheme('report')).toEqual(report);
    expect(loadTheme('gov')).toEqual(gov);
  });

  it('loads a file that extends a preset and overrides parts of it', () => {
    const file = writeTheme('org.json', {
      extends: 'gov',
      name: 'org',
      body: { sizePt: '小三' },
      headings: { '1': { font: 'song', bold: true } },
      fonts: { fang: { eastAsia: '仿宋', alternatives: ['FangSong'], files: { regular: 'fonts/fang.ttf' } } },
    });
    const theme = loadTheme(file);
    expect(theme.name).toBe('org');
    expect(theme.body.sizePt).toBe(15);
    expect(theme.body.lineSpacing).toEqual({ exactPt: 28.95 });
    expect(theme.headings['1']).toEqual({ ...gov.headings['1'], font: 'song', bold: true });
    expect(theme.headings['2']).toEqual(gov.headings['2']);
    expect(theme.fonts.fang).toEqual({
      eastAsia: '仿宋',
      alternatives: ['FangSong'],
      latin: 'Times New Roman',
      files: { regular: join(dir, 'fonts/fang.ttf') },
    });
    expect(theme.page).toEqual(gov.page);
    // A file may change a preset's kind of line spacing (gov's is exact).
    const multiple = loadTheme(
      writeTheme('multiple.json', { extends: 'gov', body: { lineSpacing: { multiple: 1.5 } } }),
    );
    expect(multiple.body.lineSpacing).toEqual({ multiple: 1.5 });
  });

  it('extends report when the file names no parent, and can remove the grid with null', () => {
    const file = writeTheme('plain.json', { page: { grid: null }, pageNumber: { sizePt: '小五' } });
    const theme = loadTheme(file);
    expect(theme.page.grid).toBeNull();
    expect(theme.pageNumber.sizePt).toBe(9);
    expect(theme.body).toEqual(report.body);
    expect(theme.name).toBe(file);
  });

  it('follows a chain of files, relative to each file', () => {
    writeTheme('base.json', { extends: 'gov', body: { sizePt: 15 } });
    const file = writeTheme('child.json', { extends: './base.json', title: { sizePt: '小一' } });
    const theme = loadTheme(file);
    expect(theme.body.sizePt).toBe(15);
    expect(theme.title.sizePt).toBe(24);
    expect(theme.body.font).toBe('fang');
  });

  it('rejects circular chains', () => {
    const a = writeTheme('loop-a.json', { extends: './loop-b.json' });
    writeTheme('loop-b.json', { extends: './loop-a.json' });
    const error = themeError(() => loadTheme(a));
    expect(error.message).toMatch(/circular/);
  });

  it('names the file and the path of a bad field', () => {
    const file = writeTheme('bad.json', {
      extends: 'gov',
      body: { sizePt: '大号' },
      headings: { '2': { font: 'comic' } },
      page: { margin: { topMm: -3 } },
    });
    const error = themeError(() => loadTheme(file));
    expect(error.source).toBe(file);
    expect(error.message).toContain(file);
    const paths = error.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body.sizePt', 'headings.2.font', 'page.margin.topMm']));
    const size = error.issues.find((issue) => issue.path === 'body.sizePt');
    expect(size?.message).toMatch(/Chinese size name/);
    const font = error.issues.find((issue) => issue.path === 'headings.2.font');
    expect(font?.message).toMatch(/song, hei, kai, fang or title/);
  });

  it('reports misspelt keys instead of ignoring them', () => {
    const file = writeTheme('typo.json', { extends: 'report', body: { fontSize: 12 } });
    const error = themeError(() => loadTheme(file));
    expect(error.issues).toEqual([{ path: 'body', message: 'unknown key "fontSize"' }]);
  });

  it('reports files that are not JSON, not objects, missing, or extend nothing known', () => {
    expect(themeError(() => loadTheme(writeTheme('broken.json', '{ "body": '))).message).toMatch(/not valid JSON/);
    expect(themeError(() => loadTheme(writeTheme('array.json', '[]'))).message).toMatch(/expected a JSON object/);
    expect(themeError(() => loadTheme(join(dir, 'nope.json'))).message).toMatch(/not a preset \(report, gov\)/);
    const orphan = writeTheme('orphan.json', { extends: 'nothing-here.json' });
    expect(themeError(() => loadTheme(orphan)).message).toMatch(/cannot read the file/);
  });
});

describe('extendTheme', () => {
  it('builds a theme in code from a preset', () => {
    const theme = extendTheme('gov', { lang: 'zh-TW', table: { sizePt: '小四' } });
    expect(theme.lang).toBe('zh-TW');
    expect(theme.table.sizePt).toBe(12);
    expect(theme.name).toBe('gov');
  });

  it('validates what it builds', () => {
    const error = themeError(() => extendTheme('report', { lang: 'Chinese please' }));
    expect(error.issues[0]?.path).toBe('lang');
  });
});

describe('themeFromText (the core: no file read)', () => {
  it('reads a theme file’s text that extends a preset', async () => {
    const { themeFromText } = await import('../src/index.js');
    const theme = themeFromText('{"extends": "gov", "body": {"sizePt": "小三"}}', 'mine.json');
    expect(theme.name).toBe('mine.json');
    expect(theme.body.sizePt).toBe(15);
    expect(theme.page).toEqual(loadTheme('gov').page);
  });

  it('refuses to extend a file, which only the Node entry can read', async () => {
    const { themeFromText } = await import('../src/index.js');
    expect(() => themeFromText('{"extends": "base.json"}', 'mine.json')).toThrow(
      'extends: expected a preset name (report, gov)',
    );
  });
});
