import { describe, expect, it } from 'vitest';
import { parse, toText } from '../../src/index.js';
import { structure } from '../../src/passes/index.js';
import { tableCaptionsPass } from '../../src/passes/table-captions.js';
import { deepFreeze, only } from './helpers.js';

const TABLE = '| 指标 | 2023年 |\n| --- | --- |\n| 地区生产总值 | 5.2% |';

function captionOf(markdown: string): string | null {
  const table = only(markdown, { tableCaptions: true }).document.children.find((block) => block.type === 'table');
  if (table?.type !== 'table') throw new Error('no table');
  return table.caption ? toText({ type: 'paragraph', children: table.caption }) : null;
}

describe('tableCaptions', () => {
  it('makes a paragraph right above a table that names it the table caption, and says so', () => {
    const { document, fixes } = only(`正文。\n\n表1 主要经济指标\n\n${TABLE}\n`, { tableCaptions: true });
    expect(document.children.map((block) => block.type)).toEqual(['paragraph', 'table']);
    expect(fixes).toEqual([
      { kind: 'caption', line: 3, before: '表1 主要经济指标', after: '[caption] 表1 主要经济指标' },
    ]);
  });

  it('reads the forms captions take in reports, papers and OCR output', () => {
    for (const caption of [
      '表1 主要经济指标',
      '表 3-2 各区县完成情况',
      '附表2：重点项目清单',
      '续表1',
      'Table 4. Results',
      '**表2 费用率**',
      '表三 分项目统计',
      '續表2',
    ]) {
      expect(captionOf(`${caption}\n\n${TABLE}\n`), caption).toBe(caption.replace(/\*\*/g, ''));
    }
  });

  it('leaves prose that starts with 表, a caption not right above a table, and a table that has one', () => {
    expect(captionOf(`表1列出了全年主要指标的完成情况，各项指标均好于预期。\n\n${TABLE}\n`)).toBeNull();
    expect(captionOf(`表示感谢\n\n${TABLE}\n`)).toBeNull();
    expect(captionOf(`表12345\n\n${TABLE}\n`)).toBe('表12345');
    const between = only(`表1 指标\n\n说明文字。\n\n${TABLE}\n`, { tableCaptions: true }).document;
    expect(between.children.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'table']);
    const html = `表1 外面\n\n<table><caption>表1 里面</caption><tr><td>a</td></tr></table>\n`;
    expect(captionOf(html)).toBe('表1 里面');
  });

  it('finds captions inside quotes and list items, and does not modify its input', () => {
    const document = deepFreeze(parse(`> 表1 指标\n>\n> ${TABLE.replace(/\n/g, '\n> ')}\n`));
    const { document: out, fixes } = tableCaptionsPass(document);
    expect(fixes).toHaveLength(1);
    const quote = out.children[0];
    expect(quote?.type === 'blockquote' && quote.children.map((block) => block.type)).toEqual(['table']);
  });

  it('runs by default, before the headings pass could make the short line a heading', () => {
    const { document } = structure(parse(`# 报告\n\n正文。\n\n表1 主要经济指标\n\n${TABLE}\n\n正文。\n`));
    expect(document.children.map((block) => block.type)).toEqual(['heading', 'paragraph', 'table', 'paragraph']);
  });
});
