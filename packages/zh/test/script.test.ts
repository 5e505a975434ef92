import type { Document, Paragraph, PhrasingContent } from '@wenshu/parser';
import { SCRIPT_CHARACTERS, toText } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import { convertText, decideEdition, scriptOf, toTraditional, VARIANTS } from '../src/index.js';
import { openccConverter } from '../src/lib/opencc-data.js';
import { traditionalStretches } from '../src/lib/script.js';
import { describeCorpus, readCorpus } from './corpus.js';

const paragraph = (...children: PhrasingContent[]): Document => ({
  type: 'document',
  version: 1,
  meta: {},
  children: [{ type: 'paragraph', children }],
  footnotes: [],
});

describe('what is already Traditional is left as written', () => {
  it('a company name and a filing number in Traditional keep 台 (OpenCC: 臺)', () => {
    for (const variant of VARIANTS) {
      expect(convertText('台灣人壽', { variant }), variant).toBe('台灣人壽');
      expect(convertText('台壽字第1120001號', { variant }), variant).toBe('台壽字第1120001號');
    }
    expect(openccConverter('cn', 'twp')('台灣人壽')).toBe('臺灣人壽');
  });

  it('inside Simplified text, the Traditional name is kept and the rest converted', () => {
    expect(convertText('本公司与台灣人壽保险签约', { variant: 'twp' })).toBe('本公司與台灣人壽保險簽約');
    expect(traditionalStretches('与台灣人壽保险', 'simplified')).toEqual([[1, 5]]);
  });

  it('characters of either script follow the nearest one that has a script, else the document', () => {
    expect(convertText('台湾', { variant: 'twp' })).toBe('臺灣'); // 湾 is Simplified: convert
    expect(convertText('台北', { variant: 'tw', sourceScript: 'simplified' })).toBe('臺北');
    expect(convertText('台北', { variant: 'tw', sourceScript: 'traditional' })).toBe('台北');
  });

  it('the edition’s own character forms still apply to Traditional text (爲 → 為 for Taiwan)', () => {
    expect(convertText('台灣爲羣衆', { variant: 'tw' })).toBe('台灣為群眾');
    expect(convertText('衛生', { variant: 'hk', sourceScript: 'traditional' })).toBe('衞生');
  });

  it('the user dictionary and protected terms still win', () => {
    expect(convertText('台灣人壽', { variant: 'tw', dictionary: [['台灣人壽', '臺灣人壽']] })).toBe('臺灣人壽');
    expect(convertText('台灣銀行和软件', { variant: 'twp', protect: ['软件'] })).toBe('台灣銀行和软件');
  });

  it('keepTraditional: false converts everything as OpenCC does', () => {
    expect(convertText('台灣人壽', { variant: 'twp', keepTraditional: false })).toBe('臺灣人壽');
  });

  it('a phrase cut by formatting around a kept name lines up with its nodes', () => {
    const doc = toTraditional(
      paragraph({ type: 'strong', children: [{ type: 'text', value: '台灣' }] }, { type: 'text', value: '人壽保险' }),
      { variant: 'twp' },
    );
    const nodes = (doc.children[0] as Paragraph).children;
    expect(nodes.map((node) => toText(node))).toEqual(['台灣', '人壽保險']);
  });
});

describe('the script of a document', () => {
  it('is the script most of its script-specific characters are in', () => {
    expect(scriptOf('我們的國家')).toBe('traditional');
    expect(scriptOf('我们的国家')).toBe('simplified');
    expect(scriptOf('台北', 'traditional')).toBe('traditional');
  });

  it('is decided once for a document, so a block without evidence follows it', () => {
    const doc: Document = {
      type: 'document',
      version: 1,
      meta: {},
      children: [
        { type: 'paragraph', children: [{ type: 'text', value: '臺灣的經濟發展與國際關係。' }] },
        { type: 'paragraph', children: [{ type: 'text', value: '台北' }] },
      ],
      footnotes: [],
    };
    expect(decideEdition(doc).sourceScript).toBe('traditional');
    expect(toText(toTraditional(doc, { variant: 'tw' }))).toBe('臺灣的經濟發展與國際關係。\n台北');
  });
});

describe("the parser's script lists (which tag a Traditional source zh-TW)", () => {
  it("agree with OpenCC's tables as this package reads them", () => {
    const simplified = [...SCRIPT_CHARACTERS.simplified].filter((ch) => scriptOf(ch, 'traditional') !== 'simplified');
    const traditional = [...SCRIPT_CHARACTERS.traditional].filter((ch) => scriptOf(ch, 'simplified') !== 'traditional');
    expect(simplified).toEqual([]);
    expect(traditional).toEqual([]);
  });
});

describeCorpus('a Traditional source (the 1954 report)', () => {
  it('changes only Simplified characters and Taiwan forms: fewer changes than OpenCC, and 台 kept', () => {
    const text = readCorpus('reports', 'gwr-1954-national-wikisource-traditional.txt');
    const ours = convertText(text, { variant: 'tw' });
    const raw = openccConverter('cn', 'tw')(text);
    const source = [...text];
    const changes = (converted: string) => [...converted].filter((ch, i) => ch !== source[i]).length;
    expect(ours.length).toBe(text.length);
    expect(changes(ours)).toBeLessThan(changes(raw));
    expect(ours.split('台').length).toBe(text.split('台').length);
    expect(raw.split('台').length).toBeLessThan(text.split('台').length);
  });
});
