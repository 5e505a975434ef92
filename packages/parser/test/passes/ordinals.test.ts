import { describe, expect, it } from 'vitest';
import { parse, toText } from '../../src/index.js';
import { structure } from '../../src/passes/index.js';
import { headingDepths, ordinalsPass } from '../../src/passes/ordinals.js';
import { blockLines, deepFreeze, only } from './helpers.js';

describe('ordinals', () => {
  it('annotates headings and keeps their marker in the text', () => {
    const { document, fixes } = only('## 四十、市自然资源和规划局\n\n### （二）耕地保护', { ordinals: true });
    expect(document.children[0]).toMatchObject({
      type: 'heading',
      ordinal: { level: 1, number: 40, marker: '四十、', style: 'chinese-comma' },
      children: [{ type: 'text', value: '四十、市自然资源和规划局' }],
    });
    expect(document.children[1]).toMatchObject({ ordinal: { level: 2, number: 2, marker: '（二）' } });
    // Reading a heading's ordinal changes no text: not a fix.
    expect(fixes).toEqual([]);
  });

  it('reads a numbered line after a paragraph that holds the steps before it as their sibling, not a heading', () => {
    const { document } = only(
      [
        '(1)可实现从建立地形模型到生成二维设计图的整个设计过程；(2)在同一平台能够实现多专业的在线协同设计；(3)可方便的检查路线与其他专业之间是否干涉。',
        '（4）强大的地形曲面处理功能，可建立精准的地形模型，使道路的开挖工程量更精确',
        '同时，CATIA软件在道路设计中也存在着一些不足，如该软件目前尚未开发道路工程设计模块，不能套用现有标准和规范进行设计。',
      ].join('\n\n'),
      { ordinals: true },
    );
    expect(document.children.map((block) => block.type)).toEqual(['item', 'item', 'paragraph']);
  });

  it('makes items of numbered paragraphs; the marker leaves the text', () => {
    const { document, fixes } = only('1.社保工作获推广。强化数字赋能。\n\n（2）第二项内容，分两个方面；', {
      ordinals: true,
    });
    expect(blockLines(document)).toEqual([
      'item 1.||社保工作获推广。强化数字赋能。',
      'item （2）||第二项内容，分两个方面；',
    ]);
    expect(document.children[0]).toMatchObject({ position: { start: { line: 1 } } });
    expect(fixes.map((fix) => [fix.kind, fix.line, fix.after])).toEqual([
      ['item', 1, '[1.] 社保工作获推广。强化数字赋能。'],
      ['item', 3, '[（2）] 第二项内容，分两个方面；'],
    ]);
  });

  it('makes headings of short numbered lines with no body, at the depth of the document’s numbered headings', () => {
    const markdown = '# 标题\n\n## 一、已有标题\n\n二、经济运行总体平稳\n\n（一）工业生产较快增长\n\n1.第一项。正文。';
    const { document, fixes } = only(markdown, { ordinals: true });
    expect(blockLines(document)).toEqual([
      'h1 标题',
      'h2 一、已有标题',
      'h2 二、经济运行总体平稳',
      'h3 （一）工业生产较快增长',
      'item 1.||第一项。正文。',
    ]);
    expect(fixes.filter((fix) => fix.kind === 'heading').map((fix) => fix.after)).toEqual([
      '## 二、经济运行总体平稳',
      '### （一）工业生产较快增长',
    ]);
  });

  it('does not make a heading of a numbered line that ends a clause or holds a sentence', () => {
    const { document } = only('1.将第一条修改为：\n\n（一）加快发展。坚持创新\n\n2.第二项；', { ordinals: true });
    expect(document.children.map((block) => block.type)).toEqual(['item', 'item', 'item']);
  });

  it('keeps formatting when the marker is cut off: `**1.标题。**正文`', () => {
    const { document } = only('**1.标题。**正文', { ordinals: true });
    expect(document.children[0]).toMatchObject({
      type: 'item',
      ordinal: { marker: '1.' },
      children: [
        { type: 'strong', children: [{ type: 'text', value: '标题。' }] },
        { type: 'text', value: '正文' },
      ],
    });
  });

  it('tells item 8 from the amount 8.6 by the item before it', () => {
    const { document } = only('7.第七项。内容。\n\n8.6个重大专项：内容。\n\n1.5亿元的投资已经到位。', {
      ordinals: true,
    });
    expect(blockLines(document)).toEqual([
      'item 7.||第七项。内容。',
      'item 8.||6个重大专项：内容。',
      'p 1.5亿元的投资已经到位。',
    ]);
  });

  it('reads legal articles only when a space follows the marker', () => {
    const { document } = only('第一条 为了规范管理，制定本办法。\n\n第二条规定的情形除外。', { ordinals: true });
    expect(blockLines(document)).toEqual(['item 第一条||为了规范管理，制定本办法。', 'p 第二条规定的情形除外。']);
  });

  it('leaves lists, tables and code alone', () => {
    const markdown = '- 1.列表中的段落。内容。\n\n| 1.单元格 |\n| --- |\n| 2.单元格 |\n\n```\n1.代码\n```';
    const before = parse(markdown);
    expect(ordinalsPass(before).document).toEqual(before);
  });

  it('does not modify its input', () => {
    const document = deepFreeze(parse('## 一、标题\n\n1.第一项。内容。'));
    expect(() => ordinalsPass(document)).not.toThrow();
  });

  it('is off when switched off', () => {
    const { document } = only('1.社保工作获推广。强化数字赋能。\n\n## 一、标题', {});
    expect(document.children.map((block) => block.type)).toEqual(['paragraph', 'heading']);
    expect(document.children[1]).not.toHaveProperty('ordinal');
  });
});

describe('headingDepths', () => {
  const depths = (markdown: string) => headingDepths(parse(markdown));

  it('uses the depth Markdown headings of the same level have', () => {
    const depthFor = depths('# 题\n\n### （一）小节');
    expect(depthFor(2)).toBe(3);
    expect(depthFor(1)).toBe(2);
    expect(depthFor(3)).toBe(4);
  });

  it('puts level 1 under the title, or at the shallowest unnumbered heading, or at 1', () => {
    expect(headingDepths(parse('# 题\n\n正文'))(1)).toBe(2);
    expect(headingDepths(parse('# 题\n\n## 概述\n\n### 细节'))(1)).toBe(2);
    expect(headingDepths(parse('正文'))(1)).toBe(1);
    expect(headingDepths(parse('正文'))(4)).toBe(4);
  });

  it('never goes beyond depth 6', () => {
    expect(headingDepths(parse('###### 一、深'))(4)).toBe(6);
  });
});

describe('lists decide together', () => {
  const ordinalsOnly = (markdown: string) => blockLines(only(markdown, { ordinals: true, runInTitles: true }).document);

  it('reads a short line among items with a body as an item, not a section', () => {
    expect(
      ordinalsOnly(
        '（一）坚持稳中求进。推动经济持续向好。\n\n（二）坚持改革开放。深化重点领域改革。\n\n（三）基本原则',
      ),
    ).toEqual([
      'item （一）|**坚持稳中求进。**|推动经济持续向好。',
      'item （二）|**坚持改革开放。**|深化重点领域改革。',
      'item （三）||基本原则',
    ]);
  });

  it('reads short lines that head nothing (a code’s list of acts) as entries', () => {
    expect(
      ordinalsOnly('附件一\n\n1．关于禁毒的决定\n\n2．关于惩治走私罪的补充规定\n\n3．关于严禁卖淫嫖娼的决定'),
    ).toEqual([
      'h1 附件一',
      'item 1．||关于禁毒的决定',
      'item 2．||关于惩治走私罪的补充规定',
      'item 3．||关于严禁卖淫嫖娼的决定',
    ]);
  });

  it('reads the entries after 附件：1.… as the list of attachments, and 附件1 alone as an attachment heading', () => {
    const markdown =
      '附件：1.国土资源部关于地质险情的报告\n\n2.专家组意见\n\n国务院办公厅\n\n附件1\n\n关于地质险情的报告\n\n一、基本情况\n\n马鬃山村属湖北省巴东县官渡口镇，位于长江南岸的岩溶山区。';
    const { document } = structure(parse(markdown));
    expect(blockLines(document).slice(1, 2)).toEqual(['item 2.||专家组意见']);
    expect(
      document.children.flatMap((block) => (block.type === 'heading' ? [`${block.level} ${toText(block)}`] : [])),
    ).toEqual(['1 附件1', '2 关于地质险情的报告', '3 一、基本情况']);
  });

  it('keeps short lines that head content as headings', () => {
    expect(
      ordinalsOnly(
        '一、总体要求\n\n各地要认真落实本意见的各项要求。\n\n二、重点任务\n\n各地要抓好各项重点任务的落实。',
      )[0],
    ).toMatch(/^h\d 一、总体要求$/);
  });

  it('keeps a short line over a list that starts right under it as a heading, whatever the styles’ usual order', () => {
    const lines = ordinalsOnly(
      '１、定期存款\n\n一、利息分为四种。期限在三月以上者利率二分五厘，期限在六个月以上者三分。\n\n二、到期延存者，在延存期间利率增高。延存三月时，其利率按九个月计算。\n\n２、活期存款。一般存户凭折存取。',
    );
    expect(lines[0]).toMatch(/^h\d １、定期存款$/);
    expect(lines.slice(1).every((line) => line.startsWith('item'))).toBe(true);
  });

  it('reads a label ending in a colon over its own list as a heading, among sibling headings', () => {
    const body = '随时挂牌定价兑换，兑出货币或票据须经政府或工商局批准。';
    const lines = ordinalsOnly(
      [
        '（甲）存款',
        `一、${body}`,
        '（乙）放款',
        `一、${body}`,
        '（丙）汇兑',
        `一、${body}`,
        '（丁）兑换：收兑生金银及其他货币票据之兑换业务：',
        `一、${body}`,
        `二、${body}`,
      ].join('\n\n'),
    );
    expect(lines.filter((line) => line.startsWith('h')).map((line) => line.replace(/^h\d /, ''))).toEqual([
      '（甲）存款',
      '（乙）放款',
      '（丙）汇兑',
      '（丁）兑换：收兑生金银及其他货币票据之兑换业务：',
    ]);
  });

  it('never makes a deleted article a heading, and reads 之一 as the article inserted after', () => {
    const lines = blockLines(
      only('第一百九十九条 （删去）\n\n第二百条 单位犯本节规定之罪的。\n\n第一百二十条之一 资助恐怖活动的。', {
        ordinals: true,
      }).document,
    );
    expect(lines).toEqual([
      'item 第一百九十九条||（删去）',
      'item 第二百条||单位犯本节规定之罪的。',
      'item 第一百二十条之一||资助恐怖活动的。',
    ]);
    const inserted = only('第一百二十条之一 资助恐怖活动的。', { ordinals: true }).document.children[0];
    expect(inserted).toMatchObject({ type: 'item', ordinal: { number: 120, sub: 1, style: 'article' } });
  });

  it('gives the clauses of an article no run-in title', () => {
    const lines = ordinalsOnly(
      '第八十七条 犯罪经过下列期限不再追诉：\n\n（一）法定最高刑为不满五年有期徒刑的，经过五年；\n\n（四）法定最高刑为无期徒刑、死刑的，经过二十年。如果二十年以后认为必须追诉的，须报请最高人民检察院核准。',
    );
    expect(lines.slice(1)).toEqual([
      'item （一）||法定最高刑为不满五年有期徒刑的，经过五年；',
      'item （四）||法定最高刑为无期徒刑、死刑的，经过二十年。如果二十年以后认为必须追诉的，须报请最高人民检察院核准。',
    ]);
  });
});
