/** The frame of a report or 公文: subtitle, byline, salutation, addressee, signatures, dates. */
import { describe, expect, it } from 'vitest';
import { parse, parsePlainText } from '../../src/index.js';
import { outline, structure } from '../../src/passes/index.js';
import { blockLines } from './helpers.js';

describe('elements', () => {
  it('reads the frame of a government work report', () => {
    const text =
      '政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　李　强\n各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n';
    const { document, fixes } = structure(parsePlainText(text));
    expect(blockLines(document)).toEqual([
      'h1 政府工作报告',
      'p[subtitle] ——2024年3月5日在第十四届全国人民代表大会第二次会议上',
      'p[byline] 国务院总理　李　强',
      'p[salutation] 各位代表：',
      'p 现在，我代表国务院，向大会报告政府工作，请予审议。',
    ]);
    expect(outline(document, fixes).elements.map((element) => [element.kind, element.line])).toEqual([
      ['subtitle', 2],
      ['byline', 3],
      ['salutation', 4],
    ]);
  });

  it('reads a 公文: document number, addressee, signatures over the date, and skips publication metadata', () => {
    const text = [
      '# 关于加强管理的通知',
      '',
      '来源：某某日报',
      '',
      '银发〔2021〕259号',
      '',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      '',
      '为加强管理，现就有关事项通知如下：',
      '',
      '一、总体要求。各地要认真落实。',
      '',
      '中国人民银行',
      '',
      '国家发展改革委',
      '',
      '2021年10月12日',
    ].join('\n');
    const { document } = structure(parse(text));
    expect(blockLines(document).filter((line) => line.startsWith('p['))).toEqual([
      'p[addressee] 各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      'p[signature] 中国人民银行',
      'p[signature] 国家发展改革委',
      'p[date] 2021年10月12日',
    ]);
  });

  it('takes no sentence that leads on for an addressee, and no body line for a signature', () => {
    const text =
      '# 通报\n\n为落实工作要求，现将有关情况通报如下：\n\n各单位要认真整改，按时报送整改情况。\n\n请于2024年3月5日前报送。';
    const { document } = structure(parse(text));
    expect(blockLines(document).filter((line) => line.startsWith('p['))).toEqual([]);
  });

  it('reads a telegram quoted in a news item: its addressee after 如下：, the sender on its last line', () => {
    const body = '本解放区八年抗战，四年灾荒，人民之牺牲损失空前严重。恳请各界同胞，主持正义，公平救济。';
    const markdown = [
      '# 边区救济分会通电全国抗议',
      '',
      '　　【本报特讯】晋冀鲁豫边区救济分会，特于本月十四日通电全国，呼吁公平救济。原电如下：',
      '    国府蒋主席、延安毛主席、北平执行部钧鉴，各报馆、各救济团体公鉴：',
      `    ${body.repeat(3)}`,
      '                                    晋冀鲁豫边区救济分会叩寒',
    ].join('\n');
    const lines = blockLines(structure(parse(markdown)).document);
    expect(lines.slice(2)).toEqual([
      'p[addressee] 国府蒋主席、延安毛主席、北平执行部钧鉴，各报馆、各救济团体公鉴：',
      `p ${body.repeat(3)}`,
      'p[signature] 晋冀鲁豫边区救济分会叩寒',
    ]);
  });

  it('cuts the dash and name that sign a letter off its last paragraph, and signs nothing a 公文 closes with', () => {
    const body = '我们要求各分社，在收到这封信后，联系本身实际工作，展开一个讨论，并将得到的经验告诉我们。';
    const letter = `# 电讯要简练\n\n各分社、支社暨特派记者：\n\n${body}——新华通讯社（新华社延安二十四日电）。\n`;
    const { document, fixes } = structure(parse(letter));
    expect(blockLines(document).slice(1)).toEqual([
      'p[addressee] 各分社、支社暨特派记者：',
      `p ${body}`,
      'p[signature] ——新华通讯社',
      'p （新华社延安二十四日电）。',
    ]);
    expect(fixes.some((fix) => fix.kind === 'element' && fix.after.includes('——新华通讯社'))).toBe(true);
    // A 公文 signed and dated keeps its 附注 a note; a closing formula signs nothing.
    const notice = `# 关于表彰的通知\n\n各区人民政府：\n\n${body}\n\n特此通知`;
    expect(blockLines(structure(parse(notice)).document).at(-1)).toBe('p 特此通知');
  });

  it('reads a code’s dated lines under its title as subtitles, and a signature naming an office', () => {
    const text =
      '# 中华人民共和国刑法\n\n1979年7月1日第五届全国人民代表大会第二次会议通过\n\n第一条 为了惩罚犯罪，保护人民，制定本法。\n\n部　　長　陳威仁';
    const { document } = structure(parse(text));
    expect(blockLines(document).filter((line) => line.startsWith('p['))).toEqual([
      'p[subtitle] 1979年7月1日第五届全国人民代表大会第二次会议通过',
      'p[signature] 部　　長　陳威仁',
    ]);
  });

  it('reads a title block set on one line: title, subtitle, byline, never glued to the salutation', () => {
    const text =
      '政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李强\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n';
    const { document, fixes } = structure(parsePlainText(text));
    expect(outline(document, fixes).title).toBe('政府工作报告');
    expect(blockLines(document)).toEqual([
      'h1 政府工作报告',
      'p[subtitle] ——2024年3月5日在第十四届全国人民代表大会第二次会议上',
      'p[byline] 国务院总理 李强',
      'p[salutation] 各位代表：',
      'p 现在，我代表国务院，向大会报告政府工作。',
    ]);
    expect(fixes.filter((fix) => fix.kind === 'broken-paragraph')).toEqual([]);
  });

  it('is switched off with elements: false', () => {
    const { document } = structure(parsePlainText('政府工作报告\n各位代表：\n正文。'), { elements: false });
    expect(blockLines(document)).toEqual(['h1 政府工作报告', 'p 各位代表：', 'p 正文。']);
  });
  it('reads a paper’s subtitle under its title and its institutions set one a line', () => {
    const text = [
      '# Web2.0用户行为调查研究',
      '# 以中国科学院学生使用社会软件为例',
      '中国科学院文献情报中心北京100080  \n中国科学院研究生院北京100049',
      '[摘要]从对研究生调查的263份有效问卷中，获得如下结论。',
      '# 1研究背景与问题',
    ].join('\n\n');
    const { document } = structure(parse(text));
    expect(blockLines(document)).toEqual([
      'h1 Web2.0用户行为调查研究',
      'p[subtitle] 以中国科学院学生使用社会软件为例',
      'p[byline] 中国科学院文献情报中心北京100080',
      'p[byline] 中国科学院研究生院北京100049',
      'p [摘要]从对研究生调查的263份有效问卷中，获得如下结论。',
      'h1 1研究背景与问题',
    ]);
    // An institution named a think tank or a centre, with a space before its city and post code.
    const tank = structure(parse('# 中国社会智库的政策影响机制分析\n\n中国与全球化智库 北京 100004\n\n# 1 引言'));
    expect(blockLines(tank.document)[1]).toBe('p[byline] 中国与全球化智库 北京 100004');
    // An author line with the institution after the names, however long.
    const credit = structure(
      parse(
        '# 多因子选股模型实证研究\n\n作者：〔作者〕，〔作者〕通讯作者：〔作者〕，〔作者〕(中国农业大学理学院，北京市，邮编：100083)\n\n# 0引言',
      ),
    );
    expect(blockLines(credit.document)[1]).toMatch(/^p\[byline\] 作者：/);
    // An affiliation in brackets, with its city and post code inside them.
    const bracketed = structure(
      parse('# 道路三维建模方法\n\n（中国电建集团贵阳勘测设计研究院有限公司，贵阳550081）\n\n# 1引言'),
    );
    expect(blockLines(bracketed.document)[1]).toBe('p[byline] （中国电建集团贵阳勘测设计研究院有限公司，贵阳550081）');
    // Two institutions on one line, the first post code set in TeX with the second's number after it.
    const tex = structure(
      parse(
        '# 智库核心能力研究\n\n北京大学信息管理系北京 $1 0 0 8 7 1 \\textsuperscript { 2 }$ 中国国防科技信息中心北京100142\n\n# 引言',
      ),
    );
    expect(blockLines(tex.document)[1]).toMatch(/^p\[byline\] 北京大学/);
    // A plain line `基于…` right under the title is its subtitle, not a heading.
    const plain = structure(parse('# 投资者情绪的时变研究\n\n基于深度学习BERT模型和TVP-VAR模型\n\n# 1 引言'));
    expect(blockLines(plain.document)[1]).toBe('p[subtitle] 基于深度学习BERT模型和TVP-VAR模型');
  });
  it('reads a newspaper database’s header: fields one a line, the headline repeated, a heading line under it', () => {
    const body =
      '四月二十五日，在巴黎召开的四强外长会议，历时三周，已于本月十六日宣告休会，并决定于下月十六日再行召集。'.repeat(
        3,
      );
    const text = `### 国际述评\n\n1946-05-25\n第1版()\n专栏：\n\n　　国际述评\n            巴黎外长会议\n    ${body}\n    ${body}\n    ${body}\n`;
    const { document } = structure(parse(text));
    expect(blockLines(document)).toEqual([
      'h3 国际述评',
      'p[date] 1946-05-25',
      'p 第1版()',
      'p 专栏：',
      'p 国际述评',
      'h4 巴黎外长会议',
      `p ${body}`,
      `p ${body}`,
      `p ${body}`,
    ]);
  });
  it('reads a code’s 题注 under the name of its book, a paper’s authors under its figure, a body’s name set on two lines', () => {
    const code = structure(
      parse(
        '# 中华人民共和国民法典\n\n# 合同编\n\n2020年5月28日 第十三届全国人民代表大会第三次会议通过\n\n## 第一章 一般规定',
      ),
    );
    expect(blockLines(code.document)[2]).toBe('p[subtitle] 2020年5月28日 第十三届全国人民代表大会第三次会议通过');
    const paper = structure(
      parse(
        '# 雄安新区的人口与水土资源承载力\n\n![](images/a.jpg)\n\n封志明1.2.3 杨艳昭1.2.3 游珍1.2.3\n\n1中国科学院地理科学与资源研究所北京100101  \n2中国科学院大学资源与环境学院北京100049\n\n# 1 引言',
      ),
    );
    expect(blockLines(paper.document).filter((line) => line.startsWith('p['))).toEqual([
      'p[byline] 封志明1.2.3 杨艳昭1.2.3 游珍1.2.3',
      'p[byline] 1中国科学院地理科学与资源研究所北京100101',
      'p[byline] 2中国科学院大学资源与环境学院北京100049',
    ]);
    const letter = structure(
      parsePlainText(
        '关于地质险情的复函\n经研究，现将有关意见函复如下。\n湖北省巴东县官渡口镇马鬃山村\n地质险情调查专家组\n2004年11月4日\n',
      ),
    );
    expect(blockLines(letter.document).slice(2)).toEqual([
      'p[signature] 湖北省巴东县官渡口镇马鬃山村\\n地质险情调查专家组',
      'p[date] 2004年11月4日',
    ]);
    // Two bodies sign one after the other.
    const joint = structure(
      parsePlainText('关于联合发文的通知\n现将有关事项通知如下。\n国家发展改革委\n工业和信息化部\n2024年1月5日\n'),
    );
    expect(blockLines(joint.document).filter((line) => line.startsWith('p[signature]'))).toHaveLength(2);
  });
  it('splits a headline repeated and glued to the letter it opens, and reads the letter’s addressee', () => {
    const body = '电讯是传达社会动态的紧急工具，在新闻中是最精干的形式，它以最简洁的文字来报导最重要的新闻。'.repeat(3);
    const text = `### 电讯要简练\n\n1946-05-27\n第1版()\n专栏：\n\n　　电讯要简练新华社各地总分社、分社、支社暨特派记者：\n    ${body}\n    ${body}\n    ${body}\n`;
    const { document } = structure(parse(text));
    expect(blockLines(document).slice(0, 7)).toEqual([
      'h3 电讯要简练',
      'p[date] 1946-05-27',
      'p 第1版()',
      'p 专栏：',
      'p 电讯要简练',
      'p[addressee] 新华社各地总分社、分社、支社暨特派记者：',
      `p ${body}`,
    ]);
  });
});

describe('attached documents', () => {
  /** Each heading with its `attached` mark, as `text [role start]`. */
  const marks = (text: string) =>
    structure(parsePlainText(text)).document.children.flatMap((block) =>
      block.type === 'heading' && block !== undefined
        ? [
            `${block.children.map((node) => ('value' in node ? node.value : '')).join('')} ${block.attached ? `[${block.attached.role}${block.attached.start ? ' start' : ''}]` : '-'}`,
          ]
        : [],
    );

  it('marks each 附件 label and the title under it, the label starting the attached document', () => {
    const text = [
      '某某市人民政府关于加强某项工作的通知',
      '各区县人民政府：',
      '一、总体要求',
      '现将有关事项通知如下，请认真贯彻执行，确保各项工作落到实处。',
      '附件：1.某项工作实施方案',
      '2.某项工作责任清单',
      '某某市人民政府',
      '2025年3月18日',
      '附件1',
      '某项工作实施方案',
      '为做好某项工作，制定本方案，各部门要按照分工抓好落实。',
      '附件2',
      '某项工作责任清单',
      '各责任单位要对照清单逐项推进，按时报送工作进展情况。',
    ].join('\n');
    expect(marks(text)).toEqual([
      '某某市人民政府关于加强某项工作的通知 -',
      '一、总体要求 -',
      '附件1 [label start]',
      '某项工作实施方案 [title]',
      '附件2 [label start]',
      '某项工作责任清单 [title]',
    ]);
  });

  it('marks the title of a document attached without a label after the closing, and no heading of the body', () => {
    const text = [
      '市发展改革委关于印发《某某市2024年工作要点》的通知',
      '各区发展改革局：',
      '现将《某某市2024年工作要点》印发给你们，请结合实际认真贯彻落实。',
      '某某市发展和改革委员会',
      '2024年2月1日',
      '（此件公开发布）',
      '某某市2024年工作要点',
      '一、推动经济平稳增长',
      '围绕稳增长目标，加强经济运行监测分析，及时研究解决突出问题。',
      '二、扩大有效投资',
      '加快重大项目建设，强化要素保障，推动项目早开工、早见效。',
    ].join('\n');
    const read = marks(text);
    expect(read[0]).toBe('市发展改革委关于印发《某某市2024年工作要点》的通知 -');
    expect(read.filter((line) => line.includes('['))).toEqual(['某某市2024年工作要点 [title start]']);
  });
});
