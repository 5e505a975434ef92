/** One outline level per heading, from depths and ordinals together. */
import { describe, expect, it } from 'vitest';
import { parse, parsePlainText } from '../../src/index.js';
import { outline, structure } from '../../src/passes/index.js';

function levels(markdown: string, plain = false): string[] {
  const { document } = structure(plain ? parsePlainText(markdown) : parse(markdown));
  return document.children.flatMap((block) =>
    block.type === 'heading'
      ? [`${block.level ?? 'title'} ${block.children.map((c) => ('value' in c ? c.value : '')).join('')}`]
      : [],
  );
}

describe('levels', () => {
  it('follows the # marks where they tell levels apart: 编 › 章 › 节', () => {
    expect(
      levels(
        '# 刑法\n\n## 第一编 总则\n\n### 第一章 任务\n\n#### 第一节 犯罪\n\n第一条 为了惩罚犯罪。\n\n### 第二章 犯罪',
      ),
    ).toEqual(['title 刑法', '1 第一编 总则', '2 第一章 任务', '3 第一节 犯罪', '2 第二章 犯罪']);
  });

  it('follows the ordinals where every heading is # (OCR)', () => {
    expect(levels('# 一、总体要求\n\n# （一）指导思想\n\n# （二）基本原则\n\n# 二、重点任务')).toEqual([
      '1 一、总体要求',
      '2 （一）指导思想',
      '2 （二）基本原则',
      '1 二、重点任务',
    ]);
  });

  it('nests paper sections 1 › 1.1, and an unnumbered heading ranks with the top sections', () => {
    expect(levels('# 论文题目\n\n# 摘要\n\n# 1 引言\n\n# 1.1 背景\n\n# 2方法\n\n# 参考文献')).toEqual([
      'title 论文题目',
      '1 摘要',
      '1 1 引言',
      '2 1.1 背景',
      '1 2方法',
      '1 参考文献',
    ]);
  });

  it('reads unnumbered parts, each over sections numbered from one again, as holding them', () => {
    const body = '全年完成各项目标任务，经济社会平稳有序，重点工作取得明显成效。';
    const text = [
      '# 工作总结和计划',
      '## 2020年工作总结',
      '## 一、战疫情强保障',
      body,
      '## 二、绘蓝图谋全局',
      body,
      '## 2021年工作计划',
      '## 一、以创新为核',
      body,
    ].join('\n\n');
    expect(levels(text)).toEqual([
      'title 工作总结和计划',
      '1 2020年工作总结',
      '2 一、战疫情强保障',
      '2 二、绘蓝图谋全局',
      '1 2021年工作计划',
      '2 一、以创新为核',
    ]);
    // A paper's sections whose numbers OCR lost stay beside the numbered ones.
    expect(levels('# 题目\n\n# 1 理论\n\n# 现实压力\n\n# 2.1 人口\n\n# 创新之路\n\n# 3.1 事实\n\n# 政策建议')).toEqual([
      'title 题目',
      '1 1 理论',
      '1 现实压力',
      '2 2.1 人口',
      '1 创新之路',
      '2 3.1 事实',
      '1 政策建议',
    ]);
  });

  it('ranks an unnumbered heading outside every list with parts that lost their numbers', () => {
    const text =
      '# 题目\n\n# 引言\n\n# 政策网络概述\n\n# 2.1 内涵\n\n# 2.2 构成\n\n# 能力分析\n\n# 3.1 关系\n\n# 3.2 能力\n\n# 总结\n\n# 参考文献：';
    expect(levels(text)).toEqual([
      'title 题目',
      '1 引言',
      '1 政策网络概述',
      '2 2.1 内涵',
      '2 2.2 构成',
      '1 能力分析',
      '2 3.1 关系',
      '2 3.2 能力',
      '1 总结',
      '1 参考文献：',
    ]);
    // Inside a list that goes on after it, an unnumbered heading stays a section of the list.
    expect(levels(`${text.split('\n\n# 总结')[0]}\n\n# 专栏\n\n# 3.3 路径`).slice(-2)).toEqual([
      '2 专栏',
      '2 3.3 路径',
    ]);
  });

  it('puts 壹、 above 一、 and （甲） above 一、', () => {
    expect(levels('## 壹、總論\n\n### 一、趨勢\n\n## 貳、路徑')).toEqual(['1 壹、總論', '2 一、趨勢', '1 貳、路徑']);
    expect(levels('# （甲）存款\n\n# 一、定期\n\n# （乙）放款')).toEqual([
      '1 （甲）存款',
      '2 一、定期',
      '1 （乙）放款',
    ]);
  });

  it('gives the outline the same levels', () => {
    const { document, fixes } = structure(parse('# 一、总体要求\n\n# （一）指导思想\n\n# 二、重点任务'));
    const sections = outline(document, fixes).sections;
    expect(
      sections.map((section) => [section.heading, section.level, section.sections.map((inner) => inner.level)]),
    ).toEqual([
      ['一、总体要求', 1, [2]],
      ['二、重点任务', 1, []],
    ]);
  });

  it('nests an attached document’s sections under its title', () => {
    const text = [
      '国务院关于印发实施方案的通知',
      '各省、自治区、直辖市人民政府：',
      '现将《实施方案》印发给你们，请认真贯彻执行。',
      '国务院',
      '2019年1月24日',
      '国家职业教育改革实施方案',
      '职业教育与普通教育是两种不同教育类型，具有同等重要地位，改革开放以来为经济社会发展提供了有力支撑。',
      '一、完善国家职业教育制度体系',
      '职业教育制度框架要健全，中等职业教育和高等职业教育要协调发展，本科层次职业教育要稳步推进。',
    ].join('\n');
    expect(levels(text, true)).toEqual([
      'title 国务院关于印发实施方案的通知',
      '1 国家职业教育改革实施方案',
      '2 一、完善国家职业教育制度体系',
    ]);
  });
});
