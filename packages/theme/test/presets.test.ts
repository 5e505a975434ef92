import { describe, expect, it } from 'vitest';
import { bodyArea, gov, loadTheme, mmToTwip, parseTheme, ptToTwip, report } from '../src/node.js';

describe('report preset', () => {
  it('is A4 with 25.4/25.4/31.8/31.8 mm margins and no grid', () => {
    expect(report.page).toMatchObject({ widthMm: 210, heightMm: 297, grid: null });
    expect(report.page.margin).toEqual({ topMm: 25.4, bottomMm: 25.4, leftMm: 31.8, rightMm: 31.8 });
  });

  it('sets body text in 宋 小四 at 1.5 lines, justified, indented 2 characters', () => {
    expect(report.body).toMatchObject({ font: 'song', sizePt: 12, align: 'justify', indentChars: 2 });
    expect(report.body.lineSpacing).toEqual({ multiple: 1.5 });
  });

  it('has the title and heading faces of the design table', () => {
    expect(report.title).toMatchObject({ font: 'hei', sizePt: 22, align: 'center' });
    expect(report.headings['1']).toMatchObject({ font: 'hei', sizePt: 16 });
    expect(report.headings['2']).toMatchObject({ font: 'hei', sizePt: 14 });
    expect(report.headings['3']).toMatchObject({ font: 'hei', sizePt: 12 });
    expect(report.headings['4']).toMatchObject({ font: 'song', sizePt: 12, bold: true });
  });

  it('numbers pages in plain Arabic, centred', () => {
    expect(report.pageNumber).toMatchObject({ format: 'plain', position: 'center' });
  });
});

describe('gov preset (GB/T 9704-2012)', () => {
  it('has a 156 × 225 mm body area with the standard page setup in twips', () => {
    const area = bodyArea(gov);
    expect(area.widthMm).toBeCloseTo(156, 10);
    expect(area.heightMm).toBeCloseTo(225, 10);
    const { margin } = gov.page;
    expect([margin.topMm, margin.bottomMm, margin.leftMm, margin.rightMm].map(mmToTwip)).toEqual([
      2098, 1984, 1587, 1474,
    ]);
    expect([gov.page.widthMm, gov.page.heightMm].map(mmToTwip)).toEqual([11906, 16838]);
  });

  it('sets 仿宋 三号 on a grid of 22 lines × 28 characters at 28.95 pt', () => {
    expect(gov.body).toMatchObject({ font: 'fang', sizePt: 16, align: 'justify', indentChars: 2 });
    expect(gov.body.lineSpacing).toEqual({ exactPt: 28.95 });
    expect(gov.page.grid).toEqual({ linePitchPt: 28.95, charsPerLine: 28 });
    expect(ptToTwip(28.95)).toBe(579);
    expect(Math.floor(((bodyArea(gov).heightMm / 25.4) * 72) / 28.95)).toBe(22);
  });

  it('has the title and heading faces of the design table', () => {
    expect(gov.title).toMatchObject({ font: 'title', sizePt: 22, align: 'center' });
    expect(gov.headings['1']).toMatchObject({ font: 'hei', sizePt: 16 });
    expect(gov.headings['2']).toMatchObject({ font: 'kai', sizePt: 16 });
    expect(gov.headings['3']).toMatchObject({ font: 'fang', sizePt: 16 });
    expect(gov.headings['4']).toMatchObject({ font: 'fang', sizePt: 16 });
    expect(gov.runIn).toEqual({ font: 'fang', bold: true });
  });

  it('numbers pages — 1 — in 宋体 四号 7 mm below the body, outside, one character in', () => {
    expect(gov.pageNumber).toEqual({
      format: 'dashes',
      position: 'outside',
      font: 'song',
      sizePt: 14,
      belowBodyMm: 7,
      outsideIndentChars: 1,
    });
  });
});

describe('font roles', () => {
  it('names the faces Chinese Word users have, with alternatives and Latin faces', () => {
    for (const theme of [report, gov]) {
      expect(theme.fonts.song).toMatchObject({ eastAsia: '宋体', alternatives: ['SimSun'] });
      expect(theme.fonts.hei).toMatchObject({ eastAsia: '黑体', alternatives: ['SimHei'] });
      expect(theme.fonts.kai).toMatchObject({ eastAsia: '楷体_GB2312', alternatives: ['楷体', 'KaiTi'] });
      expect(theme.fonts.fang).toMatchObject({ eastAsia: '仿宋_GB2312', alternatives: ['仿宋', 'FangSong'] });
      expect(theme.fonts.title.eastAsia).toBe('方正小标宋简体');
      for (const face of Object.values(theme.fonts)) {
        expect(face.latin).not.toBe('');
        expect(face.files).toEqual({});
      }
    }
  });
});

describe('presets as data', () => {
  it('are valid against the schema and survive JSON', () => {
    for (const theme of [report, gov]) {
      expect(parseTheme(JSON.parse(JSON.stringify(theme)))).toEqual(theme);
    }
  });

  it('are frozen, and loadTheme hands out copies', () => {
    expect(Object.isFrozen(gov.page.margin)).toBe(true);
    const copy = loadTheme('gov');
    copy.page.margin.topMm = 10;
    expect(gov.page.margin.topMm).toBe(37);
    expect(loadTheme('gov').page.margin.topMm).toBe(37);
  });
});
