import { describe, expect, it } from 'vitest';
import { parse, parsePlainText, SCRIPT_CHARACTERS, structure, traditionalLanguageOf } from '../src/index.js';
import { describeCorpus, listCorpus, readCorpus } from './corpus.js';

describe('the language of a document in Traditional characters', () => {
  it('is zh-TW for Traditional text, zh-HK with Hong Kong forms or Cantonese, nothing for Simplified', () => {
    expect(traditionalLanguageOf('這一年來，國民經濟穩定發展。')).toBe('zh-TW');
    expect(traditionalLanguageOf('這一年來，國民經濟穩定發展。佢哋話呢度嘅衞生好。')).toBe('zh-HK');
    expect(traditionalLanguageOf('香港特別行政區政府：香港經濟發展，香港國際機場。')).toBe('zh-HK');
    expect(traditionalLanguageOf('這條鐵路綫，衞生運動。')).toBe('zh-TW'); // older Traditional forms, not Hong Kong's
    expect(traditionalLanguageOf('这一年来，国民经济稳定发展。')).toBeUndefined();
    expect(traditionalLanguageOf('Annual report 2024')).toBeUndefined();
  });

  it('is nothing for mixed text where Simplified is more than a quarter', () => {
    expect(traditionalLanguageOf('國民經濟 这一年来国民经济')).toBeUndefined();
    expect(traditionalLanguageOf('這一年來國民經濟穩定發展，国')).toBe('zh-TW');
  });

  it('structure() sets meta.lang once, unless the front matter gave one', () => {
    expect(structure(parse('# 臺灣報告\n\n這一年來，國民經濟穩定發展。\n')).document.meta.lang).toBe('zh-TW');
    expect(structure(parse('# 报告\n\n这一年来，国民经济稳定发展。\n')).document.meta.lang).toBeUndefined();
    const given = '---\nlang: zh-Hant\n---\n\n這一年來，國民經濟穩定發展。\n';
    expect(structure(parse(given)).document.meta.lang).toBe('zh-Hant');
  });

  it('its two character lists are disjoint and of the same size (pairs)', () => {
    const simplified = new Set(SCRIPT_CHARACTERS.simplified);
    expect([...SCRIPT_CHARACTERS.traditional].filter((ch) => simplified.has(ch))).toEqual([]);
    expect(simplified.size).toBeGreaterThan(250);
  });
});

describeCorpus('the corpus reports', () => {
  it('only the Traditional 1954 report is zh-TW; the mixed 1957 one and the Simplified ones get no tag', () => {
    const names = listCorpus('reports', '.txt');
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      const lang = structure(parsePlainText(readCorpus('reports', name))).document.meta.lang;
      expect(lang, name).toBe(name.includes('traditional') ? 'zh-TW' : undefined);
    }
  });
});
