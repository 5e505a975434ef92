import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document, Paragraph } from '@wenshu/parser';
import { toText } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import {
  convertText,
  createConverter,
  DictionaryFileError,
  parseDictionary,
  parseProtectedTerms,
  toTraditional,
} from '../src/index.js';
import { loadDictionary, loadProtectedTerms } from '../src/node.js';

describe('user dictionary and protected terms', () => {
  it('a dictionary entry replaces what OpenCC would give', () => {
    expect(convertText('鼠标和软件', { variant: 'twp' })).toBe('滑鼠和軟體');
    expect(convertText('鼠标和软件', { variant: 'twp', dictionary: [['鼠标', '鼠標']] })).toBe('鼠標和軟體');
  });

  it("a dictionary entry wins over the package's overrides and over longer OpenCC phrases around it", () => {
    expect(convertText('静默认证', { variant: 'twp', dictionary: [['认证', '驗證']] })).toBe('靜默驗證');
    // OpenCC's phrase 头发 would take 发; the user's 发明 is applied wherever it occurs.
    expect(convertText('头发明', { variant: 't', dictionary: [['发明', '發明']] })).toBe('頭發明');
  });

  it('protected terms are kept verbatim, quotes inside them too', () => {
    expect(convertText('软件和信息', { variant: 'twp', protect: ['软件'] })).toBe('软件和資訊');
    expect(convertText('“软件”和“信息”', { variant: 'tw', protect: ['“软件”'] })).toBe('“软件”和「信息」');
  });

  it('protection wins over a dictionary entry for the same term; the longest term wins', () => {
    const options = { variant: 'twp' as const, dictionary: [['软件', 'X'] as const, ['软件包', 'Y'] as const] };
    expect(convertText('软件', { ...options, protect: ['软件'] })).toBe('软件');
    expect(convertText('软件包', { ...options, protect: ['软件'] })).toBe('Y');
  });

  it('apply across inline boundaries in a document, cut back by the same rule', () => {
    const source: Document = {
      type: 'document',
      version: 1,
      meta: {},
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'strong', children: [{ type: 'text', value: '软' }] },
            { type: 'text', value: '件和信息' },
          ],
        },
      ],
      footnotes: [],
    };
    const doc = toTraditional(source, { variant: 'twp', protect: ['软件'] });
    expect((doc.children[0] as Paragraph).children.map((node) => toText(node))).toEqual(['软', '件和資訊']);
  });

  it('a converter built once converts many strings alike', () => {
    const converter = createConverter({ variant: 'hk', dictionary: [['信息', '資訊']] });
    expect(converter.convert('信息')).toBe('資訊');
    expect(converter.convertPieces(['信', '息中心'])).toEqual(['資', '訊中心']);
  });

  it('empty terms are refused', () => {
    expect(() => convertText('x', { variant: 't', protect: [''] })).toThrow(TypeError);
    expect(() => convertText('x', { variant: 't', dictionary: [['', '空']] })).toThrow(TypeError);
  });
});

describe('dictionary files', () => {
  it('reads entries, skipping comments and blank lines, with a BOM and CRLF', () => {
    const text = '\uFEFF# 自定义词典\r\n\r\n鼠标\t鼠標\r\n  # 注释\r\n 软件 \t 軟件 \r\n鼠标\t鼠標\r\n';
    expect(parseDictionary(text, 'my.dict')).toEqual([
      ['鼠标', '鼠標'],
      ['软件', '軟件'],
    ]);
  });

  it('names the file and the line of a mistake', () => {
    const cases: [string, RegExp][] = [
      ['鼠标\t鼠標\n软件 軟件\n', /^my\.dict:2: expected "简体<TAB>繁體", found no tab$/],
      ['鼠标\t鼠標\t多\n', /^my\.dict:1: expected "简体<TAB>繁體", found 2 tabs$/],
      ['# x\n\t鼠標\n', /^my\.dict:2: empty Simplified term$/],
      ['鼠标\t \n', /^my\.dict:1: empty Traditional term$/],
      ['鼠标\t鼠標\n\n鼠标\t滑鼠\n', /^my\.dict:3: "鼠标" is already "鼠標" on line 1, not "滑鼠"$/],
    ];
    for (const [text, message] of cases) {
      let error: unknown;
      try {
        parseDictionary(text, 'my.dict');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DictionaryFileError);
      expect((error as DictionaryFileError).message).toMatch(message);
      expect((error as DictionaryFileError).file).toBe('my.dict');
    }
  });

  it('reads protected terms, one per line', () => {
    expect(parseProtectedTerms('# 保护\n微软\n\n 腾讯 \n微软\n')).toEqual(['微软', '腾讯']);
    expect(() => parseProtectedTerms('微软\n鼠标\t鼠標\n', 'terms.txt')).toThrow(/^terms\.txt:2: /);
  });

  it('loads files from disk and reports their path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-zh-'));
    const dictionary = join(dir, 'user.dict');
    const terms = join(dir, 'protect.txt');
    writeFileSync(dictionary, '鼠标\t鼠標\n');
    writeFileSync(terms, '微软\n');
    expect(await loadDictionary(dictionary)).toEqual([['鼠标', '鼠標']]);
    expect(await loadProtectedTerms(terms)).toEqual(['微软']);
    writeFileSync(dictionary, '鼠标\n');
    await expect(loadDictionary(dictionary)).rejects.toThrow(`${dictionary}:1: expected`);
  });
});
