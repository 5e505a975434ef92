/** The reference input, end to end: the figures the report passes are built to reach. */
import { expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { check, outline, structure } from '../../src/passes/index.js';
import { describeCorpus, readCorpus } from '../corpus.js';

describeCorpus('seed: weifang-2023-departments.md', () => {
  const { document, fixes } = structure(parse(readCorpus('seed', 'weifang-2023-departments.md')));
  const result = outline(document, fixes);
  const sections = result.sections;
  const items = sections.flatMap((section) => section.items);

  it('has its title and page markers in meta', () => {
    expect(result.title).toBe('市直部门(单位)2023年度重点工作开展情况');
    expect(document.meta.title).toBe('市直部门(单位)2023年度重点工作开展情况');
    expect(result.continuedFrom).toBe('7');
    expect(result.continuedTo).toBe('9');
  });

  it('keeps the title heading in the tree but not in the outline', () => {
    expect(document.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(sections.some((section) => section.heading?.startsWith('市直部门'))).toBe(false);
  });

  it('has 14 sections: the continued one without a heading, then 四十 to 五十二', () => {
    expect(sections).toHaveLength(14);
    expect(sections[0]).toMatchObject({ heading: null, marker: null, number: null, level: 1 });
    expect(sections[0]?.items.map((item) => item.number)).toEqual([2, 3, 4, 5]);
    expect(sections.slice(1).map((section) => section.number)).toEqual([
      40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52,
    ]);
    expect(sections[1]).toMatchObject({ heading: '四十、市自然资源和规划局', marker: '四十、', level: 1 });
    expect(sections.every((section) => section.sections.length === 0)).toBe(true);
  });

  it('has 61 items, every one with a run-in title', () => {
    expect(items).toHaveLength(61);
    expect(items.every((item) => item.title?.endsWith('。') === true)).toBe(true);
    expect(items.every((item) => item.level === 3 && item.marker === `${item.number}.`)).toBe(true);
    expect(items[0]).toMatchObject({ marker: '2.', number: 2, title: '社保工作获全国全省现场观摩推广。' });
    expect(items[0]?.text.startsWith('强化数字赋能,246万名')).toBe(true);
    const veterans = sections.find((section) => section.number === 51);
    expect(veterans?.items[1]?.title).toBe('公开定向招聘随军家属40名(数量全省最高)。');
  });

  it('joins exactly the 4 broken paragraphs and moves exactly 2 markers', () => {
    const joins = fixes.filter((fix) => fix.kind === 'broken-paragraph');
    expect(joins.map((fix) => fix.line)).toEqual([29, 55, 83, 135]);
    const seams = ['重污染天数从2019年', '深入推进城市管理进社区', '省级节水型高校', '绩效考核A+序列(全国前10%)'];
    for (const [index, seam] of seams.entries()) expect(joins[index]?.after).toContain(seam);
    const markers = fixes.filter((fix) => fix.kind === 'page-marker');
    expect(markers).toEqual([
      { kind: 'page-marker', line: 5, before: '(上接7版)', after: '' },
      { kind: 'page-marker', line: 163, before: '(下转9版)', after: '' },
    ]);
  });

  it('joins keep the subscript of PM2.5 inside the joined item', () => {
    const environment = document.children.find(
      (block) => block.type === 'item' && JSON.stringify(block).includes('调治准合'),
    );
    expect(JSON.stringify(environment)).toContain('"type":"subscript"');
    expect(JSON.stringify(environment)).toContain('重污染天数');
  });

  it('check finds no numbering problem, and the half-width punctuation', () => {
    const { suspects } = check(document, fixes);
    const kinds = new Set(suspects.map((suspect) => suspect.kind));
    expect([...kinds]).toEqual(['half-width-punctuation']);
    // The title's `(单位)` comes first.
    expect(suspects[0]).toMatchObject({ line: 3, excerpt: '市直部门(单位)2023年度重点工…' });
  });
});
