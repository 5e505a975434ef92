import { describe, expect, it } from 'vitest';
import { extendTheme, loadTheme, themeForLanguage } from '../src/node.js';

describe('themeForLanguage', () => {
  it('names Taiwan faces for a zh-TW edition, and keeps sizes and layout', () => {
    const gov = loadTheme('gov');
    const taiwan = themeForLanguage(gov, 'zh-TW');
    expect(taiwan.lang).toBe('zh-TW');
    expect(taiwan.fonts.song.eastAsia).toBe('新細明體');
    expect(taiwan.fonts.song.alternatives).toEqual(['PMingLiU']);
    expect(taiwan.fonts.kai.eastAsia).toBe('標楷體');
    expect(taiwan.fonts.fang.eastAsia).toBe('標楷體');
    expect(taiwan.fonts.hei.eastAsia).toBe('微軟正黑體');
    expect(taiwan.body).toEqual(gov.body);
    expect(taiwan.page).toEqual(gov.page);
    // The input theme is not changed.
    expect(gov.fonts.song.eastAsia).toBe('宋体');
  });

  it('gives Hong Kong the HKSCS Ming face first among the alternatives', () => {
    const hk = themeForLanguage(loadTheme('report'), 'zh-HK');
    expect(hk.fonts.song.eastAsia).toBe('新細明體');
    expect(hk.fonts.song.alternatives[0]).toBe('MingLiU_HKSCS');
  });

  it('keeps a face the user chose, and leaves Simplified editions alone', () => {
    const custom = extendTheme('report', { fonts: { song: { eastAsia: '思源宋体' } } });
    expect(themeForLanguage(custom, 'zh-TW').fonts.song.eastAsia).toBe('思源宋体');
    const report = loadTheme('report');
    expect(themeForLanguage(report, 'zh-CN')).toBe(report);
    expect(themeForLanguage(report, undefined)).toBe(report);
  });
});
