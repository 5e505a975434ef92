import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { outline, structure } from '../../src/passes/index.js';

const outlineOf = (markdown: string) => {
  const { document, fixes } = structure(parse(markdown));
  return outline(document, fixes);
};

describe('outline', () => {
  it('has exactly the public JSON shape', () => {
    const result = outlineOf(
      '# 报告\n\n(上接3版)\n\n1.前项。正文。\n\n## 一、总体\n\n1.第一项。正文一。\n\n2.第二项没有标题，内容在此；',
    );
    expect(result).toEqual({
      title: '报告',
      continuedFrom: '3',
      continuedTo: null,
      sections: [
        {
          heading: null,
          marker: null,
          level: 1,
          number: null,
          items: [{ marker: '1.', number: 1, level: 3, title: '前项。', text: '正文。' }],
          sections: [],
        },
        {
          heading: '一、总体',
          marker: '一、',
          level: 1,
          number: 1,
          items: [
            { marker: '1.', number: 1, level: 3, title: '第一项。', text: '正文一。' },
            { marker: '2.', number: 2, level: 3, title: null, text: '第二项没有标题，内容在此；' },
          ],
          sections: [],
        },
      ],
      elements: [],
      fixes: [
        { kind: 'page-marker', line: 3, before: '(上接3版)', after: '' },
        { kind: 'item', line: 5, before: '1.前项。正文。', after: '[1.] 前项。正文。' },
        { kind: 'item', line: 9, before: '1.第一项。正文一。', after: '[1.] 第一项。正文一。' },
        { kind: 'item', line: 11, before: '2.第二项没有标题，内容在此；', after: '[2.] 第二项没有标题，内容在此；' },
        { kind: 'run-in-title', line: 5, before: '[1.] 前项。正文。', after: '[1.] **前项。** 正文。' },
        { kind: 'run-in-title', line: 9, before: '[1.] 第一项。正文一。', after: '[1.] **第一项。** 正文一。' },
        { kind: 'title', line: 1, before: '', after: '报告' },
      ],
    });
  });

  it('nests sections by heading depth; level is the nesting', () => {
    const result = outlineOf('## 一、甲\n\n### （一）子\n\n#### 1.孙\n\n### （二）子二\n\n## 二、乙');
    expect(result.title).toBeNull();
    expect(result.sections.map((section) => [section.heading, section.level])).toEqual([
      ['一、甲', 1],
      ['二、乙', 1],
    ]);
    const first = result.sections[0];
    expect(first?.sections.map((section) => [section.marker, section.level, section.number])).toEqual([
      ['（一）', 2, 1],
      ['（二）', 2, 2],
    ]);
    expect(first?.sections[0]?.sections[0]).toMatchObject({ heading: '1.孙', level: 3, number: 1 });
  });

  it('gives unnumbered headings null marker and number, and a front-matter title', () => {
    const result = outlineOf('---\ntitle: 年度报告\n---\n\n# 概述\n\n## 细节');
    expect(result.title).toBe('年度报告');
    // The heading is not the title (front matter is), so it is a section.
    expect(result.sections[0]).toMatchObject({ heading: '概述', marker: null, number: null, level: 1 });
    expect(result.sections[0]?.sections[0]).toMatchObject({ heading: '细节', level: 2 });
  });

  it('has no leading section when no item comes before the first heading', () => {
    const result = outlineOf('导语段落。\n\n## 一、甲\n\n1.项。正文。');
    expect(result.sections.map((section) => section.heading)).toEqual(['一、甲']);
  });
});
