/** Headings without a number: bold lines alone, short plain lines between paragraphs. */
import { describe, expect, it } from 'vitest';
import { parse, parsePlainText } from '../../src/index.js';
import { structure } from '../../src/passes/index.js';
import { phrasingText } from '../../src/passes/phrasing.js';
import { blockLines } from './helpers.js';

const LONG = '这是一段足够长的正文，用来说明标题下面确实有内容，而不是另一行短句或者列表中的一项。';

describe('headings', () => {
  it('reads a bold line alone as a heading one level below the heading before it', () => {
    const { document } = structure(
      parse(`# 报告\n\n## 一、背景\n\n**2025年的重点与成效**：\n\n- 要点一\n- 要点二\n\n**建议：**\n\n${LONG}`),
    );
    expect(blockLines(document)).toEqual([
      'h1 报告',
      'h2 一、背景',
      'h3 **2025年的重点与成效**：',
      'list',
      'h3 **建议：**',
      `p ${LONG}`,
    ]);
  });

  it('reads a bold numbered line alone as a heading (not an item)', () => {
    const { document } = structure(parse(`# 报告\n\n## 一、背景\n\n**1. 生育支持政策体系：**\n\n${LONG}`));
    expect(document.children[2]).toMatchObject({ type: 'heading', level: 2, ordinal: { marker: '1.' } });
  });

  it('reads a short plain line between paragraphs as a heading, one below the numbered section', () => {
    const text = `政府工作报告\n一、关于社会主义建设\n${LONG}\n关于教育改革问题\n${LONG}`;
    const { document } = structure(parsePlainText(text));
    expect(
      document.children.map((block) => (block.type === 'heading' ? `${block.level ?? 'title'}` : block.type)),
    ).toEqual(['title', '1', 'paragraph', '2', 'paragraph']);
  });

  it('takes no caption, quotation, clause that leads on, or line with punctuation for a heading', () => {
    const text = `标题\n${LONG}\n表2 主要参数\n${LONG}\n“存单纠纷案件的管辖\n${LONG}\n将引言修改为：\n${LONG}\n我们认为，\n${LONG}`;
    const { document } = structure(parsePlainText(text));
    expect(document.children.slice(1).every((block) => block.type !== 'heading')).toBe(true);
  });

  it('reads a short label over a list (說明：) as a heading', () => {
    const { document } = structure(
      parsePlainText('公告\n主旨：公告修正事項。\n說　　明：\n一、依規定辦理。\n二、附修正表1份。'),
    );
    expect(blockLines(document).slice(2, 3)).toEqual(['h2 說　　明：']);
  });
  it('reads a numbered label over items (２、兑换破烂本币：) as a heading, not a clause that leads on', () => {
    const text = [
      '营业简章',
      '（甲）存款',
      '１、定期存款',
      '一、存款期限分为三个月、六个月两种。到期不取者，照原利率续存。',
      '二、存款利率随时挂牌公布。存款人可随时查询。',
      '２、兑换破烂本币：',
      '一、由本行委托本市商号设兑换所。兑换所每日营业。',
      '二、本行门市不办理兑换。请往兑换所办理。',
    ].join('\n');
    const lines = blockLines(structure(parsePlainText(text)).document);
    const headings = lines.filter((line) => line.startsWith('h'));
    expect(headings.map((line) => line.slice(3))).toEqual([
      '营业简章',
      '（甲）存款',
      '１、定期存款',
      '２、兑换破烂本币：',
    ]);
    // The label is a heading at the level of its sibling `１、`.
    expect(headings[3]?.slice(0, 2)).toBe(headings[2]?.slice(0, 2));
    for (const clause of ['1.将第一条修改为：', '1.主要包括：', '1.改：']) {
      const blocks = structure(parsePlainText(`标题\n${LONG}\n${clause}\n${LONG}`)).document.children;
      expect(blocks.slice(1).every((block) => block.type !== 'heading')).toBe(true);
    }
  });

  it('puts the headings of the page out of the outline: parallel titles, running heads, column labels', () => {
    const text = [
      '# 转型与发展',
      '# 中国经济转型的路径分析',
      '摘要：本文分析了经济转型的路径。',
      '# The Path Analysis of Economic Transformation in China',
      '# 1 引言',
      LONG,
      '# 第51卷第9期 2007年9月',
      '# 2 方法',
      LONG,
    ].join('\n\n');
    const { document, fixes } = structure(parse(text));
    expect(blockLines(document)).toEqual([
      'p 转型与发展',
      'h1 中国经济转型的路径分析',
      'p 摘要：本文分析了经济转型的路径。',
      'p The Path Analysis of Economic Transformation in China',
      'h1 1 引言',
      `p ${LONG}`,
      'p 第51卷第9期 2007年9月',
      'h1 2 方法',
      `p ${LONG}`,
    ]);
    expect(fixes.filter((fix) => fix.kind === 'heading').map((fix) => fix.line)).toEqual([1, 7, 13]);
    // The label of a table of contents is no section.
    const toc = structure(parse('# 總論\n\n## 「Ⅰ、總論」篇章目錄\n\n[TOC]\n\n## 壹、意義\n\n正文。'));
    expect(blockLines(toc.document)).toEqual([
      'h1 總論',
      'p 「Ⅰ、總論」篇章目錄',
      'p [TOC]',
      'h2 壹、意義',
      'p 正文。',
    ]);
    // A heading in English in an English document stays.
    const english = structure(parse('# The State of the Union Address\n\n# 1 Introduction\n\n# 2 Methods'));
    expect(english.document.children.filter((block) => block.type === 'heading')).toHaveLength(3);
  });
  it('reads a line that is the next section number of a paper as the heading OCR did not mark', () => {
    const text = [
      '# 论文题目',
      '# 1 原理',
      '# 1.2 测量原理',
      LONG,
      '图2位置检测结构示意图',
      '2测量与控制系统设计',
      '# 2.1 总体结构',
      LONG,
      // Not the next number: a line of the body.
      '图3测量结果',
      '5结论未定',
      LONG,
    ].join('\n\n');
    const { document } = structure(parse(text));
    const headings = document.children.filter((block) => block.type === 'heading');
    expect(headings.map((heading) => `${heading.level ?? 'title'} ${phrasingText(heading.children)}`)).toEqual([
      'title 论文题目',
      '1 1 原理',
      '2 1.2 测量原理',
      '1 2测量与控制系统设计',
      '2 2.1 总体结构',
    ]);
  });
  it('reads the title lines of a document attached after the signature, each heading the next', () => {
    const text = [
      '行政院公告',
      '中華民國94年6月28日',
      '主　　旨：公告修正「毒品之分級及品項」部分品項，並自即日生效。',
      '說　　明：',
      '一、依「毒品危害防制條例」第2條第3項規定辦理。',
      '二、附修正「毒品之分級及品項」部分分級及品項1份。',
      '院　　長　謝長廷',
      '修正「毒品之分級及品項」部分分級及品項',
      '附表二',
      '第二級毒品（除特別規定外，皆包括其異構物及鹽類）',
      '168、阿米庚酸（Amineptine）',
    ].join('\n');
    const { document } = structure(parsePlainText(text));
    const headings = document.children.filter((block) => block.type === 'heading');
    expect(headings.map((heading) => `${heading.level ?? 'title'} ${phrasingText(heading.children)}`)).toEqual([
      'title 行政院公告',
      '1 說　　明：',
      '1 修正「毒品之分級及品項」部分分級及品項',
      '2 附表二',
      '3 第二級毒品（除特別規定外，皆包括其異構物及鹽類）',
    ]);
  });
  it('reads a 公文 whose long title is its first line, and the attached document’s title on two lines', () => {
    const body = '2020年，市发展改革委认真学习贯彻党的会议精神，坚持稳中求进工作总基调，各项工作取得明显成效。';
    const text = [
      '市发展改革委关于印发《常州市发展和改革委员会2020年工作总结和2021年工作计划》的通知',
      '各辖市、区发改委（局），委各处室：',
      '现将工作总结和工作计划印发给你们，请结合自身工作抓好贯彻落实。',
      '常州市发展和改革委员会',
      '2021年1月25日',
      '常州市发展和改革委员会',
      '',
      '2020年工作总结和2021年工作计划',
      '',
      '2020年工作总结',
      body,
      '一、战疫情强保障，经济社会平稳有序',
      body,
      '2021年工作计划',
      body,
      '一、以创新为核，构筑产业强市新高地',
      body,
    ].join('\n');
    const { document } = structure(parsePlainText(text));
    const headings = document.children.filter((block) => block.type === 'heading');
    expect(headings.map((heading) => `${heading.level ?? 'title'} ${phrasingText(heading.children)}`)).toEqual([
      'title 市发展改革委关于印发《常州市发展和改革委员会2020年工作总结和2021年工作计划》的通知',
      '1 常州市发展和改革委员会\n2020年工作总结和2021年工作计划',
      '2 2020年工作总结',
      '3 一、战疫情强保障，经济社会平稳有序',
      '2 2021年工作计划',
      '3 一、以创新为核，构筑产业强市新高地',
    ]);
  });

  it('takes no row of a table laid out with spaces for a heading or an item', () => {
    const text = '统计表\n（一）予以公开     0    0      0     0\n（二）不予公开     1    0      0     1\n';
    const { document } = structure(parsePlainText(text));
    expect(document.children.filter((block) => block.type === 'heading' || block.type === 'item')).toHaveLength(1);
  });
});
