/** Paragraphs laid out as printed lines: text extracted from a PDF, a database's unwrapped lines. */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { structure } from '../../src/passes/index.js';
import { blockLines, only } from './helpers.js';

describe('printed lines', () => {
  it('splits a PDF’s lines where paragraphs begin and rejoins the lines the page wrapped', () => {
    const markdown = [
      '  一、支付受理终端业务管理  ',
      '  1.银行卡受理终端入网管理。收单机构应当建立银行卡受理终端序列号与下述要素信息  ',
      '的关联对应关系，在办理银行卡受理终端入网时将相关信息报送至清算机构，并确保一致  ',
      '性和不可篡改性。  ',
      '  2.银行卡受理终端退出管理。因收单机构与特约商户收单服务协议终止，或特约商户申  ',
      '请停用银行卡受理终端的，收单机构应当及时关闭银行卡受理终端业务功能并收回终端。',
    ].join('\n');
    const { document, fixes } = structure(parse(markdown));
    expect(blockLines(document)).toEqual([
      'h1 一、支付受理终端业务管理',
      'item 1.|**银行卡受理终端入网管理。**|收单机构应当建立银行卡受理终端序列号与下述要素信息的关联对应关系，在办理银行卡受理终端入网时将相关信息报送至清算机构，并确保一致性和不可篡改性。',
      'item 2.|**银行卡受理终端退出管理。**|因收单机构与特约商户收单服务协议终止，或特约商户申请停用银行卡受理终端的，收单机构应当及时关闭银行卡受理终端业务功能并收回终端。',
    ]);
    expect(fixes.filter((fix) => fix.kind === 'paragraph-split')).toHaveLength(1);
  });

  it('does not end a paragraph at a short line cut after a word that wants what follows', () => {
    const markdown = [
      '(1)可实现从建立地形模型、道路三维模型到  ',
      '生成二维设计图、工程量的整个设计过程；(2)在同一平台能够实现多专业的在线协同设  ',
      '计，其模型实时更新，多专业数据共享，既可协同工  ',
      '作，又不互相牵连，可显著提高设计效率，缩短设计  ',
      '周期；(3)在工程枢纽区布置道路时，可方便的检查路线与其他专业之间是否干涉。',
    ].join('\n');
    expect(only(markdown, { brokenParagraphs: true }).document.children).toHaveLength(1);
  });

  it('leaves a paragraph of hard-broken lines of Latin words (a flattened figure) alone', () => {
    const markdown =
      'Gaussian Noise Discrete FIR Filter Digital Generator  \nGaussian 1 Filter Design Add FDATool Workspace  \nPhase noise Generator2 Filter Design2 Scope5  \nSpectrum Scope Gaussian Noise Discrete FIR Filter';
    expect(only(markdown, { brokenParagraphs: true }).document.children).toHaveLength(1);
  });

  it('splits lines never wrapped (one paragraph each, a heading line alone) in a database’s export', () => {
    const long =
      '四月二十五日，在巴黎召开的四强外长会议，历时三周，已于本月十六日宣告休会，并决定于下月十六日再行召集。';
    const markdown = `　　国际述评\n巴黎外长会议\n${long}${long}\n${long}\n${long}`;
    const { document } = only(markdown, { brokenParagraphs: true });
    expect(blockLines(document)).toEqual([
      'p 　　国际述评',
      'p 巴黎外长会议',
      `p ${long}${long}`,
      `p ${long}`,
      `p ${long}`,
    ]);
  });

  it('reads unwrapped lines under a title set on two lines and over a signature line, but not lines a link cut', () => {
    const body =
      '本解放区八年抗战，四年灾荒，人民之牺牲损失空前严重，目前急待救济之灾民四百三十八万人，惨苦情状，已为联总两先生所目睹。';
    const markdown = [
      '　　国民党倒行逆施不救灾民救伪军',
      '边区救济分会通电全国抗议',
      `【本报特讯】晋冀鲁豫边区救济分会，特于本月十四日，通电全国，呼吁立即停止用飞机给伪军运送物资，主持正义，公平救济。原电如下：`,
      '国府蒋主席、延安毛主席、北平执行部钧鉴，各报馆、各救济团体公鉴：',
      `${body}${body}`,
      '晋冀鲁豫边区救济分会叩寒',
    ].join('\n');
    const { document } = only(markdown, { brokenParagraphs: true });
    expect(blockLines(document)).toHaveLength(6);
    // A name a link put on its own line (`。蘇聯根據…` goes on from it): one paragraph.
    const linked = `我國同偉大的和平堡壘蘇聯已經締結了\n友好同盟互助條約\n。蘇聯根據友好互助的精神，${body}${body}`;
    expect(blockLines(only(linked, { brokenParagraphs: true }).document)).toHaveLength(1);
  });

  it('cuts the closing typed under the last line of the body: each signature and the date a paragraph', () => {
    const body = '各地要加强组织领导，压实工作责任，及早部署春耕备耕，确保农资供应充足、价格稳定。';
    const { document } = structure(
      parse(`# 通知\n\n各区农业农村局：\n\n${body}\n特此通知。\n青山市农业农村局\n青山市财政局\n2025年3月1日\n`),
    );
    // The lines above are read as without the closing: Markdown's one paragraph.
    expect(blockLines(document).slice(2)).toEqual([
      `p ${body}特此通知。`,
      'p[signature] 青山市农业农村局',
      'p[signature] 青山市财政局',
      'p[date] 2025年3月1日',
    ]);
    // A date that ends a sentence's line is no closing: `…于` / `2025年3月1日` stays one paragraph.
    const sentence = only(`会议定于\n2025年3月1日`, { brokenParagraphs: true });
    expect(blockLines(sentence.document)).toHaveLength(1);
  });

  it('starts a paragraph at each numbered line and keeps a numbered heading line alone, among unwrapped lines', () => {
    const long = '凡借款均须立契约一纸，利率按月息二分至七分计算，为优待顾客起见，特规定凡未至期而先行交回者利息减轻。';
    const markdown = `　　营业简章\n（乙）放款\n１、工商业放款\n无论信用保证或抵押等形式，其办法：\n一、${long}${long}\n二、${long}\n三、${long}\n四、${long}`;
    const { document } = only(markdown, { brokenParagraphs: true });
    expect(blockLines(document)).toEqual([
      'p 　　营业简章',
      'p （乙）放款',
      'p １、工商业放款',
      'p 无论信用保证或抵押等形式，其办法：',
      `p 一、${long}${long}`,
      `p 二、${long}`,
      `p 三、${long}`,
      `p 四、${long}`,
    ]);
  });

  it('splits numbered lines written with no blank line between them, one paragraph a number', () => {
    const markdown =
      '(1) 持續推動綠能布建提供足夠綠電外，同步帶動綠能產業鏈成長。\n(2) 推動產業滿足供應鏈與全球綠色倡議要求，\n並結合 ICT 產業優勢。\n(3) 進行前瞻技術布局。';
    const { document } = only(markdown, { brokenParagraphs: true });
    expect(blockLines(document)).toEqual([
      'p (1) 持續推動綠能布建提供足夠綠電外，同步帶動綠能產業鏈成長。',
      'p (2) 推動產業滿足供應鏈與全球綠色倡議要求，\n並結合 ICT 產業優勢。',
      'p (3) 進行前瞻技術布局。',
    ]);
    // Numbers that do not number on (an amount on the next line) leave the paragraph whole.
    expect(only('(1) 今年投入资金\n3. 5亿元用于建设。', { brokenParagraphs: true }).fixes).toEqual([]);
  });

  it('keeps a wiki export’s link lines inside their sentence', () => {
    const text =
      '我们在听了\n关于宪法草案的报告\n以后，完成了任务，这是一段足够长的文字，足以让这一行超过一百二十个半角单位的宽度，从而检验规则不会误拆。';
    expect(only(text, { brokenParagraphs: true }).document.children).toHaveLength(1);
  });
});
