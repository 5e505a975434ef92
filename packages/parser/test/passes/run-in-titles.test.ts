import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { firstSentenceEnd, runInTitlesPass, splitRunInTitle } from '../../src/passes/run-in-titles.js';
import { blockLines, deepFreeze, only } from './helpers.js';

const titles = (markdown: string) => blockLines(only(markdown, { ordinals: true, runInTitles: true }).document);

describe('runInTitles', () => {
  it('takes the first sentence as the title when more text follows', () => {
    expect(titles('1.社保工作获全国全省现场观摩推广。强化数字赋能,246万名领取待遇人员享受服务。')).toEqual([
      'item 1.|**社保工作获全国全省现场观摩推广。**|强化数字赋能,246万名领取待遇人员享受服务。',
    ]);
  });

  it('gives no title to a paragraph that holds the next steps, and counts the list on from its last step', () => {
    const lines = titles(
      [
        '(1)在道路起点建立横断面轮廓模型并进行参数化设置。(2)通过扫掠命令将轮廓扩展到整个路线。',
        '(3)建立起、终点路基标准断面，并将其与全线轮廓曲面接合。',
        '(4)通过镶嵌命令将曲面模型转化为实体模型。将该实体模型与地形面做布尔运算。',
      ].join('\n\n'),
    );
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => !line.includes('**'))).toBe(true);
  });

  it('keeps the title of an item that does not hold its next sibling', () => {
    expect(titles('(1)收集道路设计基础资料。收集二维设计成果。')).toEqual([
      'item (1)|**收集道路设计基础资料。**|收集二维设计成果。',
    ]);
  });

  it('ends the names of run-in sections where the frame their names share ends', () => {
    const lines = titles(
      [
        '3.1.1智库与决策团体的关系精英理论将社会精英划分为两个阶层，智库的成员是属于后者。',
        '3.1.2智库与利益集团的关系利益集团的特点是具有共同利益，目的在于影响公共政策。',
        '3.1.3智库与大众媒体的关系智库通过接受采访、发表文章等向大众传播政策观点。',
      ].join('\n\n'),
    );
    expect(lines.map((line) => line.split('|')[1])).toEqual([
      '**智库与决策团体的关系**',
      '**智库与利益集团的关系**',
      '**智库与大众媒体的关系**',
    ]);
  });

  it('ends a run-in section name with no mark after it where a clause opens', () => {
    const lines = titles(
      [
        '2.2.1作为政策制定者的决策团体我国的政治体制和政党制度决定了政策制定主体之间存在着各种关系。',
        '3.2.2政策参与方面围绕政策过程，智库应该重点加强发现问题能力建设。',
      ].join('\n\n'),
    );
    expect(lines.map((line) => line.split('|')[1])).toEqual(['**作为政策制定者的决策团体**', '**政策参与方面**']);
  });

  it('gives a list whose first sentences run to three clauses no titles', () => {
    const lines = titles(
      [
        '1.为优待存户起见，到期延存者，在延存期间利率增高。延存期间按原利率加半计算。',
        '2.存款人如用款至急，此项存款又未到期，可以存票抵押。但贷款额不得超过原存款额。',
        '3.存取款项，均以本行之存票为凭。存票如有遗失，可依本行之挂失办法办理。',
      ].join('\n\n'),
    );
    expect(lines.every((line) => !line.includes('**'))).toBe(true);
  });

  it('takes no title from a sentence followed only by a bracketed remark on it', () => {
    const lines = titles(
      [
        '一、随时挂牌定价兑换。',
        '二、兑出货币或票据须经政府或工商局。办理手续，金银之兑出需要政府批准方可办理。',
        '三、兑换时银行收取一定之手续费。（百分数随时决定宣布）',
      ].join('\n\n'),
    );
    expect(lines.every((line) => !line.includes('**'))).toBe(true);
  });

  it('gives an item that is only a title over the paragraph it heads its whole text as title, as its siblings', () => {
    const lines = titles(
      [
        '（一）主动公开情况。主要通过政府门户网站主动公开政府文件。',
        '（二）依申请公开情况。进一步规范依申请公开流程。',
        '（三）政府信息管理情况。',
        '加强区政府门户网站及政务新媒体日常管理，执行信息审核发布制度。',
        '（四）平台建设情况。加强对区政府网站、政务新媒体动态全面监管。',
      ].join('\n\n'),
    );
    expect(lines[2]).toBe('item （三）|**政府信息管理情况。**|');
    // Where the list has no titles, such an item keeps none either.
    const plain = titles(['一、随时挂牌定价兑换。', '二、本行门市不办理兑换。', '附注：另行规定。'].join('\n\n'));
    expect(plain.every((line) => !line.includes('**'))).toBe(true);
  });

  it('gives a list of terms and colons its terms as titles, and its items without a term none', () => {
    const lines = titles(
      [
        '一、修正機關：內政部。',
        '二、修正依據：住宅法第10條第1項。',
        '三、「補貼辦法」部分條文修正草案如附件。本案另刊登於本部網站。',
        '四、對於公告內容有任何意見者，請於刊登公報之日起提出。',
      ].join('\n\n'),
    );
    expect(lines).toEqual([
      'item 一、|**修正機關：**|內政部。',
      'item 二、|**修正依據：**|住宅法第10條第1項。',
      'item 三、||「補貼辦法」部分條文修正草案如附件。本案另刊登於本部網站。',
      'item 四、||對於公告內容有任何意見者，請於刊登公報之日起提出。',
    ]);
  });

  it('keeps a closing quote or bracket with the sentence', () => {
    expect(titles('2.我市被评为“生态环境领域真抓实干成效明显的地方。”2022年，我市空气质量改善。')).toEqual([
      'item 2.|**我市被评为“生态环境领域真抓实干成效明显的地方。”**|2022年，我市空气质量改善。',
    ]);
  });

  it('ends the title at ！ and ？ too', () => {
    expect(titles('（一）打赢安全度汛攻坚战！以隐患排查整治为抓手。')[0]).toBe(
      'item （一）|**打赢安全度汛攻坚战！**|以隐患排查整治为抓手。',
    );
  });

  it('takes an explicitly bold lead, with the punctuation right after it', () => {
    expect(titles('**1.标题在这里。**正文在这里。')).toEqual(['item 1.|**标题在这里。**|正文在这里。']);
    expect(titles('1.**标题在这里**。正文在这里。')).toEqual(['item 1.|**标题在这里。**|正文在这里。']);
    // A bold lead may be longer than a sentence title and hold no full stop.
    expect(titles('1.**关于进一步深化改革、扩大开放、促进经济社会高质量发展的若干意见和工作安排**：正文。')).toEqual([
      'item 1.|**关于进一步深化改革、扩大开放、促进经济社会高质量发展的若干意见和工作安排：**|正文。',
    ]);
  });

  it('keeps formatting inside the title and the body', () => {
    const { document } = only('1.推进*重点*工作。正文**加粗**部分。', { ordinals: true, runInTitles: true });
    expect(document.children[0]).toMatchObject({
      type: 'item',
      title: [{ type: 'text', value: '推进' }, { type: 'emphasis' }, { type: 'text', value: '工作。' }],
      children: [{ type: 'text', value: '正文' }, { type: 'strong' }, { type: 'text', value: '部分。' }],
    });
  });

  it('gives no title when nothing follows the sentence, it is too long, or a quote is still open', () => {
    expect(titles('8.条文顺序作相应调整。')).toEqual(['item 8.||条文顺序作相应调整。']);
    expect(
      titles(
        '3.化解历史遗留问题九百二十二个，惠及群众十二万七千户，五十余万人，已办理小证三万九千二百八十四户，市县两级共收到群众自发赠送锦旗六十四面。正文。',
      )[0],
    ).toMatch(/^item 3\.\|\|/);
    expect(titles('1.将第一条修改为：“根据《土地管理法》的规定收回。收回后依法处置。”')[0]).toMatch(/^item 1\.\|\|/);
    expect(titles('（一）转让行为发生在破产申请受理前的，作为普通破产债权清偿；')[0]).toMatch(/^item （一）\|\|/);
  });

  it('gives legal articles no title', () => {
    expect(titles('第一条 为了规范管理。制定本办法。')).toEqual(['item 第一条||为了规范管理。制定本办法。']);
  });

  it('records the title as a fix', () => {
    const { fixes } = only('1.标题。正文。', { ordinals: true, runInTitles: true });
    expect(fixes.filter((fix) => fix.kind === 'run-in-title')).toEqual([
      { kind: 'run-in-title', line: 1, before: '[1.] 标题。正文。', after: '[1.] **标题。** 正文。' },
    ]);
  });

  it('does not modify its input, and does nothing without items', () => {
    const document = deepFreeze(parse('1.标题。正文。'));
    expect(runInTitlesPass(document).document).toBe(document);
  });

  it('is off when switched off', () => {
    expect(blockLines(only('1.标题。正文。', { ordinals: true }).document)).toEqual(['item 1.||标题。正文。']);
  });
});

describe('splitRunInTitle and firstSentenceEnd', () => {
  it('finds the end of the first sentence after its closing marks', () => {
    expect(firstSentenceEnd('标题。”正文')).toBe(4);
    expect(firstSentenceEnd('没有句号')).toBe(-1);
  });

  it('trims the space between title and body', () => {
    const split = splitRunInTitle([{ type: 'text', value: ' 标题。 正文' }]);
    expect(split).toEqual({
      title: [{ type: 'text', value: '标题。' }],
      body: [{ type: 'text', value: '正文' }],
      bold: false,
    });
  });
});

describe('headings run into their text with no mark between', () => {
  it('take the lead the first sentence names again as the title of a 4.4.1 section', () => {
    const markdown = [
      '4.4.1获取模块图6中的右半球为企业的获取模块。获取工作执行人与上同。',
      '',
      '4.4.2知识表示在转化过程中，知识表示通常就是一个词汇。知识表示尽管简单，但含义丰富。',
      '',
      '4.4.3吸收模块图6左半球是吸收模块。获取执行人进行吸收。',
    ].join('\n');
    const { document } = only(markdown, { ordinals: true, runInTitles: true });
    expect(blockLines(document)).toEqual([
      'item 4.4.1|**获取模块**|图6中的右半球为企业的获取模块。获取工作执行人与上同。',
      'item 4.4.2|**知识表示**|在转化过程中，知识表示通常就是一个词汇。知识表示尽管简单，但含义丰富。',
      'item 4.4.3|**吸收模块**|图6左半球是吸收模块。获取执行人进行吸收。',
    ]);
  });

  it('keep a term’s bracketed gloss in its name, and end sibling names where their texts open alike', () => {
    const glossed = only('1.1.1多元理论（pluralist theory）以杜鲁门为代表的多元理论认为，利益集团影响政策。', {
      ordinals: true,
      runInTitles: true,
    });
    expect(blockLines(glossed.document)).toEqual([
      'item 1.1.1|**多元理论（pluralist theory）**|以杜鲁门为代表的多元理论认为，利益集团影响政策。',
    ]);
    const markdown = [
      '2.1.1 影响国会美国智库影响国会的途径主要有出席听证会。',
      '2.1.2影响总统美国智库对总统及其班子的作用更为直接。',
      '2.1.3影响政府部门美国智库对政府部门的影响通过人员流动实现。',
    ].join('\n\n');
    const { document } = only(markdown, { ordinals: true, runInTitles: true });
    expect(blockLines(document)).toEqual([
      'item 2.1.1|**影响国会**|美国智库影响国会的途径主要有出席听证会。',
      'item 2.1.2|**影响总统**|美国智库对总统及其班子的作用更为直接。',
      'item 2.1.3|**影响政府部门**|美国智库对政府部门的影响通过人员流动实现。',
    ]);
  });

  it('read a point between two Chinese characters as the full stop OCR misread', () => {
    const { document } = only(
      '（1）注重影响公共舆论.公众的正面需求推动政策改革。\n\n（2）建立常态化渠道。政府机关是重要对象。',
      {
        ordinals: true,
        runInTitles: true,
      },
    );
    expect(blockLines(document)).toEqual([
      'item （1）|**注重影响公共舆论.**|公众的正面需求推动政策改革。',
      'item （2）|**建立常态化渠道。**|政府机关是重要对象。',
    ]);
  });

  it('fall back to the first sentence when nothing is named again, and never read amounts as sections', () => {
    const { document } = only('2.3.1 研究方法。本文采用问卷调查研究方法。\n\n1.2.3亿元用于建设。', {
      ordinals: true,
      runInTitles: true,
    });
    expect(blockLines(document)).toEqual([
      'item 2.3.1|**研究方法。**|本文采用问卷调查研究方法。',
      'p 1.2.3亿元用于建设。',
    ]);
  });
});
