import type { Document, Paragraph } from '@wenshu/parser';
import { toText } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import { convertText, OVERRIDE_WORDS, toTraditional, VARIANTS } from '../src/index.js';
import { openccConverter } from '../src/lib/opencc-data.js';

const opencc = Object.fromEntries(VARIANTS.map((variant) => [variant, openccConverter('cn', variant)]));

describe("OpenCC's cross-word errors are fixed", () => {
  it('静默认证 under twp is 靜默認證, not 靜預設證', () => {
    expect(opencc.twp?.('静默认证')).toBe('靜預設證');
    expect(convertText('静默认证', { variant: 'twp' })).toBe('靜默認證');
  });

  it('被发明 → 被發明, 展示了如何 → 展示了如何, 参与制造 → 參與製造, in every edition', () => {
    for (const variant of VARIANTS) {
      expect(convertText('被发明', { variant })).toBe('被發明');
      expect(convertText('展示了如何', { variant })).toBe('展示了如何');
      expect(convertText('参与制造', { variant })).toBe('參與製造');
    }
  });

  it("the overrides do not break OpenCC's correct phrases around them", () => {
    const cases: [string, string][] = [
      ['头发明显', '頭髮明顯'], // 发明 is no override word: 头发 still wins
      ['被发左衽', '被髮左衽'], // OpenCC's classical phrase is longer than 被发
      ['被发现', '被發現'],
      ['了如指掌', '瞭如指掌'],
      ['这是只猫', '這是隻貓'],
      ['参与制定', '參與制定'],
      ['剪头发', '剪頭髮'],
      ['一只鸟', '一隻鳥'],
      // 采 verbs cut a phrase ending in 采 only when they reach past it
      ['多采多姿', '多采多姿'],
      ['神采奕奕', '神采奕奕'],
      ['无精打采', '無精打采'],
      ['大声喝采', '大聲喝采'],
      ['许多只猫', '許多隻貓'],
    ];
    for (const variant of VARIANTS) {
      for (const [text, expected] of cases) expect(convertText(text, { variant }), `${variant} ${text}`).toBe(expected);
    }
    expect(convertText('默认设置', { variant: 'twp', vocabulary: 'it' })).toBe('預設設定');
    expect(convertText('发布', { variant: 't' })).toBe('發佈'); // 发布 → 發布 is a Taiwan-vocabulary choice only
  });

  it('a 采 verb cuts the phrase before it: 持有采矿许可证 → 持有採礦許可證, 更多采用 → 更多採用 (issue 14)', () => {
    for (const variant of VARIANTS) {
      expect(opencc[variant]?.('持有采矿许可证')).toContain('采礦');
      expect(convertText('持有采矿许可证', { variant })).toBe('持有採礦許可證');
      expect(convertText('更多采用', { variant })).toBe('更多採用');
    }
  });

  it('a cut phrase lines up with inline formatting: 持有**采**矿 → 持有**採**礦', () => {
    const doc: Document = {
      type: 'document',
      version: 1,
      meta: {},
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: '持有' },
            { type: 'strong', children: [{ type: 'text', value: '采' }] },
            { type: 'text', value: '矿许可证' },
          ],
        },
      ],
      footnotes: [],
    };
    for (const variant of VARIANTS) {
      const nodes = (toTraditional(doc, { variant }).children[0] as Paragraph).children;
      expect(
        nodes.map((node) => toText(node)),
        variant,
      ).toEqual(['持有', '採', '礦許可證']);
    }
  });

  it('overrides: false gives opencc-js unchanged', () => {
    for (const variant of VARIANTS) {
      for (const text of ['静默认证', '被发明', '展示了如何', '参与制造']) {
        expect(convertText(text, { variant, overrides: false })).toBe(opencc[variant]?.(text));
      }
    }
  });
});

describe.each(OVERRIDE_WORDS)('override $simplified → $traditional', (word) => {
  const variants = Object.keys(word.example.expected) as (keyof typeof word.example.expected)[];

  it(`fixes its example (${word.reason})`, () => {
    expect(variants.length).toBeGreaterThan(0);
    for (const variant of variants) {
      expect(convertText(word.example.text, { variant, quotes: 'keep' }), variant).toBe(word.example.expected[variant]);
    }
  });

  it('is still needed: opencc-js alone gets the example wrong', () => {
    const wrong = variants.filter((variant) => opencc[variant]?.(word.example.text) !== word.example.expected[variant]);
    expect(wrong).not.toEqual([]);
  });

  it('only claims editions it applies to', () => {
    for (const variant of variants) expect(word.variants).toContain(variant);
  });
});
