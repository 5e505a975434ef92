import { describe, expect, it } from 'vitest';
import { parse, toText } from '../../src/index.js';
import { brokenParagraphsPass } from '../../src/passes/broken-paragraphs.js';

const texts = (markdown: string) =>
  brokenParagraphsPass(parse(markdown)).document.children.map((block) => toText(block).replace(/\n/g, ''));

describe('joins across a page jump', () => {
  it('joins a paragraph cut before another article’s references that a (上接…) marker brings in', () => {
    const markdown = [
      '根据测试结果，在设备的重要面上加装了多个红外发射头，使红外信号可覆盖空调接收头所能覆',
      '# （上接第65页）',
      '[4] 作者甲.相位噪声的建模方法[J].测控技术,2010,29(1):1-4.  \n[5] 作者乙.数字通信[M].北京:电子工业出版社,2012.',
      '盖到的有效角度范围，同时小幅度改进了驱动电路。',
      '# 4 结束语',
    ].join('\n\n');
    const out = texts(markdown);
    expect(out[0]).toBe(
      '根据测试结果，在设备的重要面上加装了多个红外发射头，使红外信号可覆盖空调接收头所能覆盖到的有效角度范围，同时小幅度改进了驱动电路。',
    );
    // The moved blocks stay, after the joined paragraph, in their order.
    expect(out.slice(1)).toEqual(['（上接第65页）', expect.stringMatching(/^\[4\].*\[5\]/), '4 结束语']);
    const fixes = brokenParagraphsPass(parse(markdown)).fixes;
    expect(fixes.map((fix) => [fix.kind, fix.line])).toEqual([['broken-paragraph', 1]]);
  });

  it('joins a reference entry cut before a (下转…) marker to the text after the next (上接…) marker', () => {
    const markdown = [
      '[14] Michael B. Social software: Informatik spektrum. Berlin:',
      '(下转第83页)',
      '4.4.1获取模块图6中的右半球为企业的获取模块。',
      '# 参考文献：',
      '[1] 作者丙.知识管理[M].北京:科学出版社,2004.',
      '# (上接第104页)',
      'Springer,2006:121-124.',
      '[15] Torsten L. Social software im marketing[J]. 2006.',
    ].join('\n\n');
    const out = texts(markdown);
    expect(out[0]).toBe('[14] Michael B. Social software: Informatik spektrum. Berlin:Springer,2006:121-124.');
    expect(out).toHaveLength(7);
    expect(out[out.length - 1]).toMatch(/^\[15\]/);
  });

  it('does not join when the text after the marker is not moved material, or nothing continues', () => {
    // A section heading of the text after the marker: no join across it.
    const heading = [
      '根据测试结果，在设备的重要面上加装了多个红外发射头，使红外信号可覆盖空调接收头所能覆',
      '（上接第65页）',
      '# 3 系统测试',
      '盖到的有效角度范围，同时小幅度改进了驱动电路。',
    ].join('\n\n');
    expect(texts(heading)).toHaveLength(4);
    // A (下转…) with no (上接…) after it: the text goes on in a page that is not here.
    const away = [
      '全年新开工重点项目三百余个，带动了相关产业链上下游企业协同发展，新动能加快成',
      '（下转第9版）',
      '长，城乡居民收入稳步增长。',
    ].join('\n\n');
    expect(texts(away)).toHaveLength(3);
    // The rest after the (上接…) marker starts a sentence of its own: the paragraph before is not cut.
    const ended = [
      '[14] Michael B. Social software: Informatik spektrum. Berlin: Springer, 2006.',
      '(下转第83页)',
      '另一篇文章的正文。',
      '(上接第104页)',
      '[15] Torsten L. Social software im marketing[J]. 2006.',
    ].join('\n\n');
    expect(texts(ended)).toHaveLength(5);
  });

  it('joins the rest of a reference entry, found after another list, to the entry its numbering names', () => {
    const entries = (from: number, to: number, tag: string) =>
      Array.from(
        { length: to - from + 1 },
        (_, i) => `[${from + i}] ${tag} ${from + i}.Journal of Tests,2010,${i}(1):1-9.`,
      );
    const markdown = [
      [...entries(5, 7, 'Author'), '[8] Author 8.Wafer-bonded arrays incorporating through-wafer trench-isolated'].join(
        '  \n',
      ),
      '# 参考文献:',
      entries(1, 12, '作者').join('  \n'),
      [
        'interconnects with a supporting frame[J].Transactions on Tests,2009,56(1):182-192.',
        ...entries(9, 10, 'Author'),
      ].join('  \n'),
    ].join('\n\n');
    const { document, fixes } = brokenParagraphsPass(parse(markdown));
    const out = document.children.map((block) => toText(block));
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/trench-isolated interconnects with a supporting frame\[J\]/);
    expect(out[0]).toMatch(/\[10\] Author 10/);
    expect(fixes.filter((fix) => fix.kind === 'broken-paragraph').map((fix) => fix.line)).toEqual([4]);
    // An entry that ends with its full stop has no rest to find: nothing is joined.
    const whole = markdown.replace('trench-isolated', 'trench-isolated interconnects[J].2009.');
    expect(brokenParagraphsPass(parse(whole)).document.children).toHaveLength(4);
  });
});
