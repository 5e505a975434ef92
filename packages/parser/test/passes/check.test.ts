import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { check, type Suspect, structure } from '../../src/passes/index.js';

const suspectsOf = (markdown: string): Suspect[] => {
  const { document, fixes } = structure(parse(markdown));
  return check(document, fixes).suspects;
};
const kinds = (markdown: string) => suspectsOf(markdown).map((suspect) => [suspect.kind, suspect.line]);

describe('check', () => {
  it('passes the fixes through', () => {
    const { document, fixes } = structure(parse('(上接2版)\n\n正文。'));
    expect(check(document, fixes).fixes).toEqual(fixes);
  });

  it('reports item gaps, duplicates and numbers out of order within a section', () => {
    expect(kinds('1.甲。正文。\n\n2.乙。正文。\n\n4.丁。正文。\n\n4.丁。重复。\n\n3.丙。正文。')).toEqual([
      ['ordinal-gap', 5],
      ['ordinal-duplicate', 7],
      ['ordinal-order', 9],
    ]);
    expect(suspectsOf('1.甲。正文。\n\n3.丙。正文。')[0]).toEqual({
      kind: 'ordinal-gap',
      line: 3,
      message: 'item 3. follows 1.: 1 number missing',
      excerpt: '3.丙。正文。',
    });
  });

  it('reports sections out of order: 四十 then 四十二', () => {
    const suspects = suspectsOf('## 四十、甲\n\n## 四十二、丙\n\n## 四十二、丙二\n\n## 四十一、乙');
    expect(suspects.map((suspect) => suspect.kind)).toEqual([
      'section-gap',
      'section-gap',
      'section-duplicate',
      'section-order',
    ]);
    expect(suspects[0]?.message).toBe('section numbering starts at 四十、');
    expect(suspects[1]?.message).toBe('section 四十二、 follows 四十、: 1 number missing');
  });

  it('lets a page continued from another start in the middle of its numbering', () => {
    expect(kinds('(上接7版)\n\n3.丙。正文。\n\n4.丁。正文。\n\n## 四十、甲\n\n1.甲。正文。')).toEqual([]);
  });

  it('restarts item numbering in each section, and nested numbering under each item', () => {
    const markdown =
      '## 一、甲\n\n1.项。正文。\n\n（1）子项；\n\n（2）子项；\n\n2.项。正文。\n\n（1）子项；\n\n## 二、乙\n\n1.项。正文。';
    expect(kinds(markdown)).toEqual([]);
  });

  it('reads nesting from the order numberings appear in: （一） under 2., then 3.', () => {
    expect(kinds('1.改：\n\n2.改：\n\n（一）条；\n\n（二）条；\n\n3.改：')).toEqual([]);
  });

  it('follows article numbers through chapters', () => {
    const markdown = '## 第一章 总则\n\n第一条 甲。\n\n第二条 乙。\n\n## 第二章 分则\n\n第三条 丙。\n\n第五条 戊。';
    expect(kinds(markdown)).toEqual([['ordinal-gap', 11]]);
  });

  it('reports unbalanced brackets and quotes, but not a quote carried over paragraphs', () => {
    expect(kinds('《报告没有关上。\n\n括号（没有关上。\n\n多余的》书名号。')).toEqual([
      ['unbalanced', 1],
      ['unbalanced', 3],
      ['unbalanced', 5],
    ]);
    expect(kinds('将第一条修改为：\n\n“第一段引文，\n\n“第二段引文。”')).toEqual([]);
    expect(kinds('“引文到标题前还没有关上。\n\n## 标题')).toEqual([['unbalanced', 1]]);
    expect(suspectsOf('多余的”引号。')[0]?.message).toBe('” closes no “');
    // Half- and full-width parentheses pair with each other.
    expect(kinds('（全国前10%)的成绩。')).toEqual([]);
  });

  it('reports half-width punctuation in Chinese text once per paragraph, with a count', () => {
    const suspects = suspectsOf('强化数字赋能,246万名;全省第一。\n\nEnglish, fine.');
    expect(suspects).toEqual([
      {
        kind: 'half-width-punctuation',
        line: 1,
        message: '2 half-width punctuation marks in Chinese text',
        excerpt: '强化数字赋能,246万名;全省第一。',
      },
    ]);
  });

  it('reports a page marker left in the middle of the text', () => {
    const suspects = suspectsOf('全市经济运行（下转第9版）平稳。');
    expect(suspects.map((suspect) => [suspect.kind, suspect.message])).toEqual([
      ['page-marker', 'page marker （下转第9版） left in the text'],
    ]);
  });

  it('reports paragraphs over 1,000 characters', () => {
    const suspects = suspectsOf(`${'很长的段落。'.repeat(200)}\n\n短段落。`);
    expect(suspects.map((suspect) => [suspect.kind, suspect.line, suspect.message])).toEqual([
      ['long-paragraph', 1, 'paragraph of 1200 characters (over 1000)'],
    ]);
  });
});
