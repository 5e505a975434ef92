import { describe, expect, it } from 'vitest';
import type { BlockContent, Document } from '../../src/index.js';
import { parse, toText } from '../../src/index.js';
import { brokenParagraphsPass, continues, joinParagraphs } from '../../src/passes/broken-paragraphs.js';
import { expectGolden, readFixture } from './golden.js';
import { deepFreeze, only } from './helpers.js';

interface Case {
  name: string;
  blocks: BlockContent[];
}

/** Cases are separated by thematic breaks; each opens with a `####` heading that names it. */
function cases(document: Document): Case[] {
  const out: Case[] = [];
  let current: Case | null = null;
  for (const block of document.children) {
    if (block.type === 'thematicBreak') current = null;
    else if (!current && block.type === 'heading') {
      current = { name: toText(block), blocks: [] };
      out.push(current);
    } else current?.blocks.push(block);
  }
  return out;
}

describe('brokenParagraphs fixtures', () => {
  const mustJoin = parse(readFixture('joins', 'must-join.md'));
  const mustNotJoin = parse(readFixture('joins', 'must-not-join.md'));

  it('has at least 10 pairs that must be joined and 20 that must not', () => {
    expect(cases(mustJoin).length).toBeGreaterThanOrEqual(10);
    expect(cases(mustNotJoin).length).toBeGreaterThanOrEqual(20);
  });

  const joined = cases(brokenParagraphsPass(mustJoin).document);
  for (const [index, { name, blocks }] of cases(mustJoin).entries()) {
    it(`joins: ${name}`, () => {
      expect(blocks.length).toBeGreaterThanOrEqual(2);
      const result = joined[index]?.blocks ?? [];
      expect(result).toHaveLength(1);
      expect(result[0]?.type).toBe('paragraph');
      // Nothing lost: the joined text is the parts' texts, with at most a space between Latin words.
      const parts = blocks.map((block) => toText(block).replace(/\s+$/, ''));
      expect(toText(result[0] as BlockContent).replace(/ /g, '')).toBe(parts.join('').replace(/ /g, ''));
    });
  }

  it('joined texts match the golden file', () => {
    expectGolden(
      'joins/must-join.json',
      joined.map(({ name, blocks }) => ({ case: name, text: blocks.map(toText) })),
    );
  });

  const kept = cases(brokenParagraphsPass(mustNotJoin).document);
  for (const [index, { name, blocks }] of cases(mustNotJoin).entries()) {
    it(`does not join: ${name}`, () => {
      expect(kept[index]?.blocks).toEqual(blocks);
    });
  }

  it('records no fix for the pairs that must not be joined', () => {
    expect(brokenParagraphsPass(mustNotJoin).fixes).toEqual([]);
  });
});

describe('brokenParagraphs', () => {
  it('records each join with the line of the cut and the seam before and after', () => {
    const { fixes } = only('空气质量持续改善，首次达到二级标准，重污\n\n染天数降至一天。', { brokenParagraphs: true });
    expect(fixes).toEqual([
      {
        kind: 'broken-paragraph',
        line: 1,
        before: '…次达到二级标准，重污\n\n染天数降至一天。',
        after: '…次达到二级标准，重污染天数降至一天。',
      },
    ]);
  });

  it('does not join a long paragraph that lost its full stop to one that opens by saying what a named thing is', () => {
    const prose = '这几种专业的道路设计软件结合规范紧密，具有参数化、模板功能，在单一的道路三维建模方面具有优势，';
    const pair = (opening: string) => {
      const [first, second] = parse(`${prose.repeat(2)}但在施工总布置三维设计中存在不足\n\n${opening}`).children;
      if (first?.type !== 'paragraph' || second?.type !== 'paragraph') throw new Error('two paragraphs expected');
      return continues(first, second);
    };
    expect(pair('CATIA是法国达索公司开发的大型高端一体化设计软件。')).toBe(false);
    // A name that goes on the cut sentence is still joined.
    expect(pair('CATIA软件的参数化关联设计功能。')).toBe(true);
  });

  it('merges phrasing: formatting and positions survive', () => {
    const document = parse(
      '全年新开工**重点项目**三百余个，带动了相关产业链上下游企业协\n\n同发展，*新动能*加快成长。',
    );
    const [first, second] = document.children;
    if (first?.type !== 'paragraph' || second?.type !== 'paragraph') throw new Error('two paragraphs expected');
    expect(continues(first, second)).toBe(true);
    const joined = joinParagraphs(first, second);
    expect(joined.children.map((node) => node.type)).toEqual(['text', 'strong', 'text', 'emphasis', 'text']);
    expect(joined.position?.start.line).toBe(1);
    expect(joined.position?.end.line).toBe(3);
  });

  it('joins a sentence cut by a figure and its caption, and keeps the figure after the paragraph', () => {
    const markdown = [
      '当关键性能指标的变化满足业务规则设定的条件时，系统将调度运输队，并且在调运运输队时，',
      '![](images/flow.jpg)  \n图3.业务流程的动态协作',
      '根据各个运输队的当前位置和载重情况，选择最合适的运输队执行任务。',
    ].join('\n\n');
    const { document } = brokenParagraphsPass(parse(markdown));
    expect(document.children.map((block) => toText(block))).toEqual([
      '当关键性能指标的变化满足业务规则设定的条件时，系统将调度运输队，并且在调运运输队时，根据各个运输队的当前位置和载重情况，选择最合适的运输队执行任务。',
      '\n图3.业务流程的动态协作',
    ]);
    // Not across a table when the text before it ends a phrase (a caption glued to it).
    const table = '| 指标 | 均值 |\n|---|---|\n| 换手率 | 1.2 |';
    const kept = brokenParagraphsPass(
      parse(
        `本文选取深证成指作为研究对象，数据类型为数据框。表 4 各指标的基本统计描述\n\n${table}\n\n由表4可知，股市波动性与换手率平均值在1.2%左右。`,
      ),
    );
    expect(kept.fixes).toEqual([]);
  });

  it('joins a paragraph cut thousands of times in linear time, into one paragraph', () => {
    const cut = (pieces: number) =>
      parse(
        Array.from(
          { length: pieces },
          // Each piece opens differently: pieces opening alike are parallel paragraphs, not one cut.
          (_, i) => `第${i}部分是一个很长的段落被分页截断后仍在继续的文字内容，没有句号结`,
        ).join('\n\n'),
      );
    const small = cut(2_000);
    const large = cut(8_000);
    const t0 = performance.now();
    brokenParagraphsPass(small);
    const t1 = performance.now();
    const { document, fixes } = brokenParagraphsPass(large);
    const t2 = performance.now();
    console.log(
      `joins: 2,000 cuts ${Math.round(t1 - t0)} ms, 8,000 cuts ${Math.round(t2 - t1)} ms (linear ≈ 4×, quadratic ≈ 16×)`,
    );
    expect(document.children).toHaveLength(1);
    expect(fixes).toHaveLength(7_999);
    expect(t2 - t1).toBeLessThan(8 * Math.max(t1 - t0, 100));
  }, 120_000);

  it('does not modify its input', () => {
    const document = deepFreeze(parse('一段被截断的文字，后面还有很多内容需要接续上来才能完\n\n整表达。'));
    const { document: out } = brokenParagraphsPass(document);
    expect(out.children).toHaveLength(1);
    expect(document.children).toHaveLength(2);
  });

  it('joins inside block quotes too', () => {
    const { document } = only('> 一段被截断的文字，后面还有很多内容需要接续上来才能完\n>\n> 整表达。', {
      brokenParagraphs: true,
    });
    const quote = document.children[0];
    expect(quote?.type === 'blockquote' && quote.children.length).toBe(1);
  });

  it('leaves a short first half alone: a line with no punctuation is a heading or a label', () => {
    const { document } = only('绩效考核A+序\n\n列(全国前10%)。', { brokenParagraphs: true });
    expect(document.children).toHaveLength(2);
  });

  it('reads a paragraph wrapped in the source as one line, but a hard-broken one by its last line', () => {
    const wrapped = '空气质量持续改善，首次达到二级标准，\n重污\n\n染天数降至一天。';
    expect(only(wrapped, { brokenParagraphs: true }).document.children).toHaveLength(1);
    const address =
      '中国科学院地理科学与资源研究所，北京 100101  \n中国科学院大学资源与环境学院\n\n摘要 设立河北雄安新区，是重大决策部署。';
    expect(only(address, { brokenParagraphs: true }).document.children).toHaveLength(2);
  });

  it('joins a bracketed list cut after a separator when the next part closes the bracket', () => {
    const affiliations = [
      '(1 Institute of Geographic Sciences and Natural Resources Research, CAS, Beijing 100101, China; 2 College of Resources and Environment, University of Chinese Academy of Sciences, Beijing 100049, China;',
      'Key Laboratory of Resources and Environment Carrying Capacity, Beijing 100049, China）',
    ].join('\n\n');
    const { document, fixes } = only(affiliations, { brokenParagraphs: true });
    expect(document.children).toHaveLength(1);
    expect(fixes.map((fix) => fix.kind)).toEqual(['broken-paragraph']);
    // The bracket must be open before the cut and closed after it: a clause ending in `；` is not enough.
    const closed = '本项目由三个单位承担（含一个高校），分工如下：甲负责设计；乙负责施工；\n\n丙负责验收（含试运行）。';
    expect(only(closed, { brokenParagraphs: true }).document.children).toHaveLength(2);
    const reopened = '（一）完善制度体系，健全工作机制；加强队伍建设，提升履职能力；\n\n（二）强化监督检查。';
    expect(only(reopened, { brokenParagraphs: true }).document.children).toHaveLength(2);
  });

  it('records no join where it puts back two printed lines of one source paragraph', () => {
    const references = [
      '1 国家统计局．中华人民共和国国民经济和社会发展统计公报．北京：中国统计出版社，2017.  ',
      '2 研究课题组．中国人口分布的土地资源限制性和限制度研究．地理研究，2014，33(8)：1395-1405.  ',
      '3 研究课题组．中国人口分布适宜度报告．北京：科学出版社，2014.  ',
      '4 研究课题组．白洋淀入淀水量变化及其影响因素分析．地下水，2010，  ',
      '32(2)：110-112.',
    ].join('\n');
    const { document, fixes } = only(references, { brokenParagraphs: true });
    // The split cut the paragraph at each short line, the last entry too; the join put that entry back.
    expect(document.children.length).toBeGreaterThan(1);
    const last = toText(document.children[document.children.length - 1] as BlockContent);
    expect(last).toMatch(/2010，\n?32\(2\)/);
    expect(fixes.filter((fix) => fix.kind === 'broken-paragraph')).toEqual([]);
    expect(fixes.find((fix) => fix.kind === 'paragraph-split')?.after).toBe(`${document.children.length} paragraphs`);
  });

  it('joins a first part with no punctuation when a word runs across the cut', () => {
    // 37 characters and no comma: heading-like by its look, but 模|式 is one word cut in two.
    const cut = only(
      '本文的主要贡献在于：本文建立了一个全新而有效的量化投资模型并且将新的回归模\n\n式引入了多因子模型之中。',
      {
        brokenParagraphs: true,
      },
    );
    expect(cut.document.children).toHaveLength(1);
    // A heading-like line that ends a word keeps its own paragraph.
    const heading = only(
      '基于支持向量机的多因子选股模型与加权回归分析方法研究\n\n模型建立在传统三因子模型的基础之上，加入了新的因子。',
      {
        brokenParagraphs: true,
      },
    );
    expect(heading.document.children).toHaveLength(2);
  });

  it('joins a cut between two Chinese characters however much TeX the paragraphs hold', () => {
    const markdown =
      '最小。但是在实际应用中,一般的曲线方程 $\\operatorname { f } ( \\mathbf { x } , { \\boldsymbol { \\beta } } )$ 的形式都比较复杂,采用非\n\n线性优化技术求解上式时，对初值的选取很敏感。';
    expect(only(markdown, { brokenParagraphs: true }).document.children).toHaveLength(1);
    // Figure text dumped as a line of Latin words that ends in a Chinese caption is no sentence cut.
    const figure =
      '322 Civic $16,000 2006 73,000 Good 322 Civic 2006 Good Civic Good Good (a)电子表格例子 (b)对应的嵌套表格形式\n\n综合以上对相关工作的调查与分析，数据服务组合是良好途径。';
    expect(only(figure, { brokenParagraphs: true }).document.children).toHaveLength(2);
  });

  it('joins a reference entry to its year, volume and pages set in a paragraph of their own', () => {
    const markdown =
      '[13] L Patel, S Shah. Predicting stock market index using fusion of machine learning techniques[J].Expert Systems with Applications.\n\n2015,42(1):259-268.';
    expect(only(markdown, { brokenParagraphs: true }).document.children).toHaveLength(1);
    const next =
      '[13] L Patel. Predicting stock market index[J].Expert Systems with Applications, 2015.\n\n[14] 作者.题名[J].期刊,2016,1(1):1-2.';
    expect(only(next, { brokenParagraphs: true }).document.children).toHaveLength(2);
  });

  it('is off when switched off', () => {
    const { document, fixes } = only('一段被截断的文字，后面还有很多内容需要接续上来才能完\n\n整表达。', {});
    expect(document.children).toHaveLength(2);
    expect(fixes).toEqual([]);
  });
});
