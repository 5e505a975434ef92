/** The 版头 and 版记 of a 公文 from front matter (GB/T 9704-2012 7.2, 7.4), in Word. */
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { readFixture } from './corpus.js';
import { bodyBlocks, descendants, effectivePProp, element, md, must, pStyle, render, textOf } from './docx.js';

describe('版头 and 版记', () => {
  it('open the document with 份号, 密级, 紧急程度, the red 发文机关标志 and the 发文字号 over the red rule, and close it with 抄送 and 印发 at the foot', async () => {
    const out = await render(md(readFixture('gongwen-notice.md')), { theme: presetTheme('gov') });
    const styles = out.xml('word/styles.xml');
    const body = bodyBlocks(out);
    expect(body.slice(0, 6).map((p) => pStyle(p))).toEqual([
      'DocumentMarking',
      'DocumentMarking',
      'DocumentMarking',
      'IssuerMark',
      'DocumentNumber',
      'Title',
    ]);
    expect(body.slice(0, 4).map((p) => textOf(p))).toEqual(['000123', '秘密★1年', '特急', '青山市文化和旅游局文件']);
    const markStyle = must(
      descendants(styles, 'w:style').find((style) => style.attributes['w:styleId'] === 'IssuerMark'),
    );
    expect(element(must(element(markStyle, 'w:rPr')), 'w:color')?.attributes['w:val']).toBe('E60012');
    // 7.2.4: the mark's top 35 mm (1984 twips) under the body area's top, less the three lines above it.
    const mark = must(body[3]);
    expect(Number(element(must(element(mark, 'w:pPr')), 'w:spacing')?.attributes['w:before'])).toBe(1984 - 3 * 579);
    const number = must(body[4]);
    expect(textOf(number)).toBe('　青文旅发〔2025〕7号\t签发人：王某某');
    const rule = element(must(effectivePProp(styles, number, 'w:pBdr')), 'w:bottom');
    expect(rule?.attributes['w:color']).toBe('E60012');
    // 版记: the last table, floating at the bottom of the margin box, rules as its borders.
    const tail = must(body.filter((block) => block.name === 'w:tbl').at(-1));
    const float = must(element(must(element(tail, 'w:tblPr')), 'w:tblpPr'));
    expect(float.attributes['w:tblpYSpec']).toBe('bottom');
    expect(float.attributes['w:vertAnchor']).toBe('margin');
    expect(textOf(tail)).toContain('抄送：市委办公室');
    expect(textOf(tail)).toContain('青山市文化和旅游局办公室\t2025年3月18日印发');
  });

  it('are absent without their front-matter keys', async () => {
    const out = await render(md('---\ntitle: 报告\n---\n\n# 报告\n\n正文。'));
    expect(bodyBlocks(out).map((p) => pStyle(p))).toEqual(['Title', 'Normal']);
  });
});
