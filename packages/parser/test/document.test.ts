import { describe, expect, it } from 'vitest';
import { isTraditionalChinese, parse, titleHeadingOf } from '../src/index.js';

describe('titleHeadingOf', () => {
  it('is the first heading when its text is the title, whitespace aside', () => {
    const doc = parse('---\ntitle: 市直部门 工作情况\n---\n\n#  市直部门   工作情况 \n\n## 一、总体\n');
    expect(titleHeadingOf(doc)?.depth).toBe(1);
  });

  it('is nothing without a title, or when the first heading says something else', () => {
    expect(titleHeadingOf(parse('# 标题\n'))).toBeUndefined();
    expect(titleHeadingOf(parse('---\ntitle: 报告\n---\n\n# 一、总体\n'))).toBeUndefined();
  });
});

describe('isTraditionalChinese', () => {
  it.each([
    ['zh-TW', true],
    ['zh-hk', true],
    ['zh-MO', true],
    ['zh-Hant', true],
    ['zh-Hant-TW', true],
    ['zh-CN', false],
    ['zh-Hans', false],
    ['zh', false],
    ['en', false],
    [undefined, false],
  ])('%s → %s', (lang, expected) => {
    expect(isTraditionalChinese(lang)).toBe(expected);
  });
});
