import { describe, expect, it } from 'vitest';
import { chineseNumber, matchOrdinal } from '../../src/passes/ordinal-marker.js';

describe('chineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['四十', 40],
    ['四十二', 42],
    ['九十九', 99],
    ['一百', 100],
    ['一百零一', 101],
    ['一百四十三', 143],
    ['一千零一十', 1010],
  ])('%s is %i', (text, number) => {
    expect(chineseNumber(text)).toBe(number);
  });

  it.each(['', '零', '一九五四', '十十', '百', '零十', '四十百'])('%s is not a number', (text) => {
    expect(chineseNumber(text)).toBeNull();
  });
});

describe('matchOrdinal', () => {
  it.each([
    ['一、经济运行总体平稳', { level: 1, number: 1, marker: '一、', style: 'chinese-comma' }],
    ['四十、市自然资源和规划局', { level: 1, number: 40, marker: '四十、', style: 'chinese-comma' }],
    ['九十九、最后', { level: 1, number: 99, marker: '九十九、', style: 'chinese-comma' }],
    ['（一）大力推进', { level: 2, number: 1, marker: '（一）', style: 'chinese-paren' }],
    ['(十二)半角括号', { level: 2, number: 12, marker: '(十二)', style: 'chinese-paren' }],
    ['（三)混合括号', { level: 2, number: 3, marker: '（三)', style: 'chinese-paren' }],
    ['1.社保工作', { level: 3, number: 1, marker: '1.', style: 'arabic-dot' }],
    ['12．全角点', { level: 3, number: 12, marker: '12．', style: 'arabic-dot' }],
    ['3、顿号', { level: 3, number: 3, marker: '3、', style: 'arabic-dot' }],
    ['１.全角数字', { level: 3, number: 1, marker: '１.', style: 'arabic-dot' }],
    ['（1）括号数字', { level: 4, number: 1, marker: '（1）', style: 'arabic-paren' }],
    ['(2)半角', { level: 4, number: 2, marker: '(2)', style: 'arabic-paren' }],
    ['第一章 总纲', { level: 1, number: 1, marker: '第一章', style: 'chapter' }],
    ['第三节 国务院', { level: 2, number: 3, marker: '第三节', style: 'section' }],
    [
      '第一百四十三条 中华人民共和国首都是北京。',
      { level: 3, number: 143, marker: '第一百四十三条', style: 'article' },
    ],
    ['第五条　全角空格分隔', { level: 3, number: 5, marker: '第五条', style: 'article' }],
  ])('%s', (text, ordinal) => {
    expect(matchOrdinal(text)?.ordinal).toEqual(ordinal);
  });

  it('gives where the marker starts and where the text after it and its space starts', () => {
    expect(matchOrdinal('　　一、 总体要求')).toMatchObject({ start: 2, end: 5 });
    expect(matchOrdinal('第一条 中华人民共和国')).toMatchObject({ start: 0, end: 4 });
  });

  it.each([
    '1.5亿元的投资',
    '1.29万亩',
    '2023.',
    '2023年，全市',
    '0.各项',
    '一、二线城市房价',
    '三、四级医院',
    '第一条规定的情形',
    '第一个五年计划',
    '一九五四年',
    '全市（1）项',
    '(EOD)模式',
    '十分重要',
  ])('%s is not an ordinal', (text) => {
    expect(matchOrdinal(text)).toBeNull();
  });

  it('reads a legal marker without a space in a heading', () => {
    expect(matchOrdinal('第一章总纲')).toBeNull();
    expect(matchOrdinal('第一章总纲', { context: 'heading' })?.ordinal.marker).toBe('第一章');
  });

  it('reads `8.6个` as item 8 only where item 8 is due', () => {
    expect(matchOrdinal('8.6个重大科技专项：')).toBeNull();
    expect(matchOrdinal('8.6个重大科技专项：', { expectedArabic: 8 })?.ordinal.number).toBe(8);
    expect(matchOrdinal('8.6个重大科技专项：', { expectedArabic: 3 })).toBeNull();
    // An amount opening a section is never item 1.
    expect(matchOrdinal('1.5亿元的投资', { expectedArabic: 1 })).toBeNull();
  });
});

describe('matchOrdinal: the other numbering styles', () => {
  it.each([
    ['①加强领导', { level: 5, number: 1, marker: '①', style: 'circled' }, 'paragraph'],
    ['1)完善制度', { level: 4, number: 1, marker: '1)', style: 'arabic-paren' }, 'paragraph'],
    ['2.3 研究方法', { level: 2, number: 3, marker: '2.3', style: 'decimal' }, 'paragraph'],
    ['1 引言', { level: 1, number: 1, marker: '1', style: 'decimal' }, 'heading'],
    ['1经济转型的理论与事实', { level: 1, number: 1, marker: '1', style: 'decimal' }, 'heading'],
    ['2.1正在消失的人口红利', { level: 2, number: 1, marker: '2.1', style: 'decimal' }, 'heading'],
    ['壹、推動淨零', { level: 1, number: 1, marker: '壹、', style: 'formal-comma' }, 'heading'],
    ['拾貳、結論', { level: 1, number: 12, marker: '拾貳、', style: 'formal-comma' }, 'heading'],
    ['（丙）汇兑', { level: 1, number: 3, marker: '（丙）', style: 'stem-paren' }, 'heading'],
    ['一　選舉總統、副總統。', { level: 1, number: 1, marker: '一', style: 'chinese-space' }, 'paragraph'],
    ['第一编 总则', { level: 1, number: 1, marker: '第一编', style: 'part' }, 'heading'],
    ['第三分编 准合同', { level: 1, number: 3, marker: '第三分编', style: 'subpart' }, 'heading'],
    ['第 四 章之一 權利管理', { level: 1, number: 4, sub: 1, marker: '第 四 章之一', style: 'chapter' }, 'heading'],
    ['第 一 款 著作財產權之種類', { level: 2, number: 1, marker: '第 一 款', style: 'subsection' }, 'paragraph'],
    ['第 1 條', { level: 3, number: 1, marker: '第 1 條', style: 'article' }, 'paragraph'],
    ['第 90-12 條', { level: 3, number: 90, sub: 12, marker: '第 90-12 條', style: 'article' }, 'paragraph'],
    [
      '第一百二十条之一 资助',
      { level: 3, number: 120, sub: 1, marker: '第一百二十条之一', style: 'article' },
      'paragraph',
    ],
  ] as const)('%s', (text, ordinal, context) => {
    expect(matchOrdinal(text, { context })?.ordinal).toEqual(ordinal);
  });

  it.each([
    ['2.2Social Software与用户行为', '2.2'],
    ['4.2 IM使用调查', '4.2'],
    ['4.1个人通讯系统调查', '4.1'],
    ['2.21990年以来，土地资源承载状态由平衡转为盈余', '2.2'],
  ])('%s: a section number in a heading, whatever follows it (%s)', (text, marker) => {
    expect(matchOrdinal(text, { context: 'heading' })?.ordinal).toMatchObject({ style: 'decimal', marker });
    expect(matchOrdinal(text)?.ordinal.style).not.toBe('decimal');
  });

  it.each(['2.5亿元的投资', '2.5 亿元', '1.2 mm', '3.5kg原料', '3月5日召开'])('%s is not a section number', (text) => {
    expect(matchOrdinal(text, { context: 'heading' })?.ordinal.style).not.toBe('decimal');
  });
});
