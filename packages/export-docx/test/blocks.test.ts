import type { Heading, Item, Text } from '@wenshu/parser';
import { linkRefusal, linkRefusalMessage } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import { toDocx } from '../src/index.js';
import {
  bodyBlocks,
  descendants,
  doc,
  effectivePProp,
  element,
  elements,
  md,
  must,
  paragraphs,
  paragraphText,
  pStyle,
  render,
  rProp,
  rStyle,
  runs,
  runText,
  textOf,
} from './docx.js';

const text = (value: string): Text => ({ type: 'text', value });

describe('body paragraphs', () => {
  it('are justified and indented two characters, through their style', async () => {
    const out = await render(md('第一段正文。\n\n第二段正文。'));
    const styles = out.xml('word/styles.xml');
    const body = paragraphs(out.xml('word/document.xml'));
    expect(body).toHaveLength(2);
    for (const p of body) {
      expect(effectivePProp(styles, p, 'w:jc')?.attributes['w:val']).toBe('both');
      expect(effectivePProp(styles, p, 'w:ind')?.attributes['w:firstLineChars']).toBe('200');
      // Widow control as the PDF paginates (two lines at the foot and head of a page), for Word too.
      expect(effectivePProp(styles, p, 'w:widowControl')).toBeTruthy();
      expect(element(p, 'w:pPr') && element(must(element(p, 'w:pPr')), 'w:ind')).toBeFalsy();
    }
  });
});

describe('frame elements', () => {
  it('take Word’s styles where it has them: centred subtitle, flush-left addressee, signature and date at the right', async () => {
    const out = await render(
      md(
        '# 关于加强管理的通知\n\n——2024年3月5日在某某会议上\n\n各省、自治区、直辖市人民政府：\n\n现就有关事项通知如下。\n\n国务院\n\n2024年3月5日',
      ),
    );
    const styles = out.xml('word/styles.xml');
    const body = bodyBlocks(out);
    expect(body.map((p) => pStyle(p))).toEqual(['Title', 'Subtitle', 'Addressee', 'Normal', 'Signature', 'Date']);
    const [, subtitle, addressee, , signature, date] = body;
    expect(effectivePProp(styles, must(subtitle), 'w:jc')?.attributes['w:val']).toBe('center');
    expect(effectivePProp(styles, must(addressee), 'w:ind')?.attributes['w:firstLineChars']).toBe('0');
    for (const closing of [must(signature), must(date)]) {
      expect(effectivePProp(styles, closing, 'w:jc')?.attributes['w:val']).toBe('right');
      expect(Number(effectivePProp(styles, closing, 'w:ind')?.attributes['w:right'])).toBeGreaterThan(0);
    }
  });

  it('place signature and date by GB/T 9704 7.3.5.2, the attachments with a hanging 附件：, the note two characters in', async () => {
    const out = await render(
      md(
        '# 通知\n\n现就有关事项通知如下。\n\n附件：1.工作方案\n\n2.任务清单\n\n国务院\n\n2024年3月5日\n\n（此件公开发布）',
      ),
    );
    const styles = out.xml('word/styles.xml');
    const body = bodyBlocks(out);
    expect(body.map((p) => pStyle(p))).toEqual(['Title', 'Normal', 'Attachments', 'Signature', 'Date', 'DocumentNote']);
    const [, last, attachments, signature, date, note] = body.map((p) => must(p));
    const right = (p: ReturnType<typeof must<(typeof body)[number]>>) =>
      Number(effectivePProp(styles, p, 'w:ind')?.attributes['w:right']);
    // 国务院 is 3 characters, the date 6: the date right-spaced 2 characters (the report theme's
    // 12 pt: 240 twips a character), the signature moved in to 7.
    expect(right(must(date))).toBe(2 * 240);
    expect(right(must(signature))).toBe(7 * 240);
    const ind = effectivePProp(styles, must(attachments), 'w:ind')?.attributes;
    expect(Number(ind?.['w:hanging'])).toBe(3 * 240);
    expect(Number(ind?.['w:left'])).toBe(5 * 240);
    expect(textOf(must(attachments))).toContain('2.任务清单');
    expect(effectivePProp(styles, must(note), 'w:ind')?.attributes['w:firstLineChars']).toBe('200');
    // The signature block stays with the body's last lines, the note with the date.
    expect(element(must(element(must(last), 'w:pPr')), 'w:keepNext')).toBeTruthy();
    expect(effectivePProp(styles, must(date), 'w:keepNext')).toBeTruthy();
  });
});

describe('articles', () => {
  it('set an ideographic space after the article number, as codes are printed, whatever the source had', async () => {
    const out = await render(
      md('第十八条 特殊防卫。\n\n第十九条　又聋又哑的人犯罪。\n\n1.社保工作获推广。强化数字赋能。'),
    );
    expect(bodyBlocks(out).map((p) => paragraphText(p))).toEqual([
      '第十八条\u3000特殊防卫。',
      '第十九条\u3000又聋又哑的人犯罪。',
      '1.社保工作获推广。强化数字赋能。',
    ]);
  });
});

describe('title', () => {
  const heading: Heading = { type: 'heading', depth: 1, children: [text('市直部门重点工作开展情况')] };

  it('renders the first heading as the Title when its text is meta.title, once', async () => {
    const out = await render(
      doc([heading, { type: 'paragraph', children: [text('正文。')] }], { title: '市直部门重点工作开展情况' }),
    );
    const blocks = bodyBlocks(out);
    expect(blocks.map((b) => pStyle(b))).toEqual(['Title', 'Normal']);
    expect(paragraphText(must(blocks[0]))).toBe('市直部门重点工作开展情况');
    expect(textOf(out.xml('docProps/core.xml'))).toContain('市直部门重点工作开展情况');
  });

  it('adds a Title from meta.title when no heading has that text', async () => {
    const out = await render(doc([heading], { title: '另一个标题' }));
    expect(bodyBlocks(out).map((b) => [pStyle(b), paragraphText(b)])).toEqual([
      ['Title', '另一个标题'],
      ['Heading1', '市直部门重点工作开展情况'],
    ]);
  });

  it('finds the title of a parsed report (front matter or a single leading heading)', async () => {
    const out = await render(md('# 年度报告\n\n## 一、总体情况\n\n正文。'));
    expect(bodyBlocks(out).map((b) => pStyle(b))).toEqual(['Title', 'Heading1', 'Normal']);
  });
});

describe('headings', () => {
  it('take their style from the level structure() decided, else from the depth, never from the ordinal', async () => {
    const out = await render(
      doc([
        {
          type: 'heading',
          depth: 2,
          level: 1,
          ordinal: { level: 1, number: 1, marker: '第一编', style: 'part' },
          children: [text('第一编 总则')],
        },
        {
          type: 'heading',
          depth: 3,
          level: 2,
          // A chapter's ordinal level is 1: under a 编 it is still the second level.
          ordinal: { level: 1, number: 1, marker: '第一章', style: 'chapter' },
          children: [text('第一章 刑法的任务')],
        },
        { type: 'heading', depth: 3, children: [text('没有序号')] },
        {
          type: 'heading',
          depth: 6,
          ordinal: { level: 4, number: 1, marker: '（1）', style: 'arabic-paren' },
          children: [text('（1）细项')],
        },
      ]),
    );
    expect(bodyBlocks(out).map((b) => pStyle(b))).toEqual(['Heading1', 'Heading2', 'Heading3', 'Heading6']);
  });

  it('put back an ordinal marker the text does not start with', async () => {
    const out = await render(
      doc([
        {
          type: 'heading',
          depth: 2,
          ordinal: { level: 1, number: 5, marker: '五、', style: 'chinese-comma' },
          children: [text('市交通局')],
        },
      ]),
    );
    expect(paragraphText(must(bodyBlocks(out)[0]))).toBe('五、市交通局');
  });

  it('get their ordinals from the report passes', async () => {
    const out = await render(md('# 报告\n\n## 四十、市自然资源和规划局\n\n### （一）耕地保护\n\n正文。'));
    expect(bodyBlocks(out).map((b) => pStyle(b))).toEqual(['Title', 'Heading1', 'Heading2', 'Normal']);
  });
});

describe('items with run-in titles', () => {
  const item: Item = {
    type: 'item',
    ordinal: { level: 3, number: 1, marker: '1.', style: 'arabic-dot' },
    title: [text('耕地保护工作位居全省前列。')],
    children: [text('诸城、青州入围省级耕地保护激励县。')],
  };

  it('set marker and title in the Run-in Title style, then the body, in one body paragraph', async () => {
    const out = await render(doc([item]));
    const [p] = bodyBlocks(out);
    expect(pStyle(must(p))).toBe('Normal');
    const styled = runs(must(p)).map((r) => [runText(r), rStyle(r)]);
    expect(styled).toEqual([
      ['1.', 'RunInTitle'],
      ['耕地保护工作位居全省前列。', 'RunInTitle'],
      ['诸城、青州入围省级耕地保护激励县。', undefined],
    ]);
  });

  it('set the marker like the body when there is no title', async () => {
    const out = await render(doc([{ ...item, title: undefined }]));
    expect(runs(must(bodyBlocks(out)[0])).map((r) => rStyle(r))).toEqual([undefined, undefined]);
  });

  it('come from numbered paragraphs of a parsed report', async () => {
    const out = await render(
      md('## 一、市人社局\n\n1.社保工作获全国全省现场观摩推广。强化数字赋能,246万名领取待遇人员享受服务。'),
    );
    const p = must(bodyBlocks(out).at(-1));
    expect(
      runs(p)
        .filter((r) => rStyle(r) === 'RunInTitle')
        .map(runText)
        .join(''),
    ).toBe('1.社保工作获全国全省现场观摩推广。');
    expect(paragraphText(p)).toBe('1.社保工作获全国全省现场观摩推广。强化数字赋能,246万名领取待遇人员享受服务。');
  });
});

describe('inline formatting', () => {
  it('makes PM<sub>2.5</sub> a subscript run and m<sup>2</sup> a superscript one', async () => {
    const out = await render(md('PM<sub>2.5</sub>浓度下降,面积100m<sup>2</sup>。'));
    const rs = runs(must(bodyBlocks(out)[0]));
    const sub = rs.find((r) => runText(r) === '2.5');
    expect(rProp(must(sub), 'w:vertAlign')?.attributes['w:val']).toBe('subscript');
    const sup = rs.find((r) => runText(r) === '2');
    expect(rProp(must(sup), 'w:vertAlign')?.attributes['w:val']).toBe('superscript');
    expect(rProp(must(rs.find((r) => runText(r) === 'PM')), 'w:vertAlign')).toBeUndefined();
  });

  it('maps emphasis, strong, delete, underline, mark, code and math to run properties and styles', async () => {
    const out = await render(
      doc([
        {
          type: 'paragraph',
          children: [
            { type: 'emphasis', children: [text('斜')] },
            { type: 'strong', children: [text('粗')] },
            { type: 'delete', children: [text('删')] },
            { type: 'underline', children: [text('下')] },
            { type: 'mark', children: [text('亮')] },
            { type: 'inlineCode', value: 'code' },
            { type: 'inlineMath', value: '\\notacommand' },
            { type: 'strong', children: [{ type: 'emphasis', children: [text('两者')] }] },
          ],
        },
      ]),
    );
    const rs = runs(must(bodyBlocks(out)[0]));
    const find = (t: string) => must(rs.find((r) => runText(r) === t));
    expect(rProp(find('斜'), 'w:i')).toBeDefined();
    expect(rProp(find('粗'), 'w:b')).toBeDefined();
    expect(rProp(find('删'), 'w:strike')).toBeDefined();
    expect(rProp(find('下'), 'w:u')?.attributes['w:val']).toBe('single');
    expect(rProp(find('亮'), 'w:highlight')?.attributes['w:val']).toBe('yellow');
    expect(rStyle(find('code'))).toBe('VerbatimChar');
    expect(rStyle(find('\\notacommand'))).toBe('VerbatimChar');
    expect(rProp(find('两者'), 'w:b')).toBeDefined();
    expect(rProp(find('两者'), 'w:i')).toBeDefined();
  });

  it('makes links real hyperlinks to their URL', async () => {
    const out = await render(md('见[政府网站](https://www.gov.cn/)。'));
    const link = must(descendants(out.xml('word/document.xml'), 'w:hyperlink')[0]);
    expect(runs(link).map((r) => [runText(r), rStyle(r)])).toEqual([['政府网站', 'Hyperlink']]);
    const rel = elements(out.xml('word/_rels/document.xml.rels'), 'Relationship').find(
      (r) => r.attributes.Id === link.attributes['r:id'],
    );
    expect(rel?.attributes).toMatchObject({ Target: 'https://www.gov.cn/', TargetMode: 'External' });
  });

  it('writes a link to anything but http, https, mailto, tel or a relative path as its text, with a warning', async () => {
    // Built by hand, as a tree that did not come from parse (which refuses them already) would be.
    const urls = ['ms-msdt:/id PCWDiagnostic', 'file:///etc/passwd', '\\\\host\\share', 'javascript:alert(1)'];
    const children = urls.map((url, i) => ({
      type: 'link' as const,
      url,
      title: null,
      children: [text(`链接${i + 1}`)],
      position: { start: { line: i + 1, column: 1, offset: 0 }, end: { line: i + 1, column: 9, offset: 8 } },
    }));
    const out = await render(doc([{ type: 'paragraph', children: [...children, text('。')] }]));
    expect(descendants(out.xml('word/document.xml'), 'w:hyperlink')).toEqual([]);
    const rels = elements(out.xml('word/_rels/document.xml.rels'), 'Relationship');
    expect(rels.filter((rel) => /hyperlink$/.test(rel.attributes.Type ?? ''))).toEqual([]);
    expect(paragraphText(must(bodyBlocks(out)[0]))).toBe('链接1链接2链接3链接4。');
    expect(out.warnings.map((w) => [w.code, w.message, w.line])).toEqual(
      urls.map((url, i) => ['link-refused', linkRefusalMessage(url, must(linkRefusal(url))), i + 1]),
    );
  });

  it('writes hard line breaks as w:br and joins soft breaks between Chinese characters', async () => {
    const out = await render(
      doc([{ type: 'paragraph', children: [text('第一行'), { type: 'break' }, text('第二\n行 and\nmore')] }]),
    );
    const p = must(bodyBlocks(out)[0]);
    expect(descendants(p, 'w:br')).toHaveLength(1);
    expect(paragraphText(p)).toBe('第一行第二行 and more');
  });
});

describe('lists', () => {
  it('use real Word numbering, honour start numbers and nest', async () => {
    const out = await render(md('3. 三\n4. 四\n   - 甲\n   - 乙\n\n段落\n\n1. 新的一\n'));
    const ps = bodyBlocks(out);
    const numPr = (p: (typeof ps)[number]) => {
      const pr = element(must(element(p, 'w:pPr')), 'w:numPr');
      return pr ? [element(pr, 'w:ilvl')?.attributes['w:val'], element(pr, 'w:numId')?.attributes['w:val']] : undefined;
    };
    const numbered = ps.map(numPr);
    expect(numbered.map((n) => n?.[0])).toEqual(['0', '0', '1', '1', undefined, '0']);
    const [three, four, a, b, , one] = numbered;
    expect(three?.[1]).toBe(four?.[1]);
    expect(a?.[1]).toBe(b?.[1]);
    expect(a?.[1]).not.toBe(three?.[1]);
    expect(one?.[1]).not.toBe(three?.[1]);
    expect(pStyle(must(ps[0]))).toBe('ListParagraph');

    const numbering = out.xml('word/numbering.xml');
    const abstractOf = (numId: string) => {
      const num = must(elements(numbering, 'w:num').find((n) => n.attributes['w:numId'] === numId));
      const abstractId = element(num, 'w:abstractNumId')?.attributes['w:val'];
      return must(elements(numbering, 'w:abstractNum').find((a) => a.attributes['w:abstractNumId'] === abstractId));
    };
    const startOf = (numId: string) => {
      const lvl0 = must(elements(abstractOf(numId), 'w:lvl')[0]);
      return [element(lvl0, 'w:start')?.attributes['w:val'], element(lvl0, 'w:numFmt')?.attributes['w:val']];
    };
    expect(startOf(must(must(three)[1]))).toEqual(['3', 'decimal']);
    expect(startOf(must(must(one)[1]))).toEqual(['1', 'decimal']);
    expect(startOf(must(must(a)[1]))[1]).toBe('bullet');
  });

  it('mark task items with ☐ and ☑', async () => {
    const out = await render(md('- [ ] 待办\n- [x] 已办\n'));
    expect(bodyBlocks(out).map(paragraphText)).toEqual(['☐ 待办', '☑ 已办']);
  });

  it('put later blocks of an item in List Continue at the item indent', async () => {
    const out = await render(md('1. 第一段\n\n   第二段\n'));
    expect(bodyBlocks(out).map((p) => pStyle(p))).toEqual(['ListParagraph', 'ListContinue']);
  });
});

describe('other blocks', () => {
  it('render quotes, code, display math, thematic and page breaks', async () => {
    const out = await render(
      doc([
        { type: 'blockquote', children: [{ type: 'paragraph', children: [text('引文')] }] },
        { type: 'code', lang: 'js', meta: null, value: 'if (a) {\n  b();\n}' },
        { type: 'math', value: 'E = \\notacommand' },
        { type: 'thematicBreak' },
        { type: 'pageBreak' },
      ]),
    );
    const [quote, code, math, rule, page] = bodyBlocks(out);
    expect(pStyle(must(quote))).toBe('Quote');
    expect(pStyle(must(code))).toBe('SourceCode');
    expect(descendants(must(code), 'w:t').map(textOf)).toEqual(['if (a) {', '  b();', '}']);
    expect(descendants(must(code), 'w:br')).toHaveLength(2);
    expect(pStyle(must(math))).toBe('DisplayMath');
    expect(paragraphText(must(math))).toBe('E = \\notacommand');
    expect(pStyle(must(rule))).toBe('ThematicBreak');
    expect(descendants(must(page), 'w:br')[0]?.attributes['w:type']).toBe('page');
  });

  it('make footnotes real Word footnotes', async () => {
    const out = await render(md('正文[^1]。\n\n[^1]: 数据来源:统计局。'));
    const ref = descendants(out.xml('word/document.xml'), 'w:footnoteReference')[0];
    expect(ref).toBeDefined();
    const notes = elements(out.xml('word/footnotes.xml'), 'w:footnote');
    const note = must(notes.find((n) => n.attributes['w:id'] === ref?.attributes['w:id']));
    expect(paragraphText(must(descendants(note, 'w:p')[0]))).toContain('数据来源:统计局。');
    expect(pStyle(must(descendants(note, 'w:p')[0]))).toBe('FootnoteText');
  });
});

describe('a flat document', () => {
  it('of 200,000 paragraphs is written (its blocks are never spread into one call)', async () => {
    const paragraphsIn = Array.from({ length: 200_000 }, (_, i) => ({
      type: 'paragraph' as const,
      children: [text(`第${i}段。`)],
    }));
    const start = performance.now();
    const bytes = await toDocx(doc(paragraphsIn));
    console.log(`toDocx, 200,000 paragraphs: ${Math.round(performance.now() - start)} ms`);
    expect(bytes.length).toBeGreaterThan(100_000);
  }, 180_000);
});
