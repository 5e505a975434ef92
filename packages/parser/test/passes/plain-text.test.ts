import { describe, expect, it } from 'vitest';
import { toText } from '../../src/index.js';
import { outline, structure } from '../../src/passes/index.js';
import { parsePlainText } from '../../src/plain-text.js';
import { blockLines } from './helpers.js';

describe('parsePlainText', () => {
  it('reads one paragraph per line when lines are not separated by blank lines', () => {
    const document = parsePlainText(
      '2025年政府工作报告\n各位代表：\n现在，我代表省人民政府报告工作。\n一、2024年工作回顾\n过去一年，成绩来之不易。\n',
    );
    expect(blockLines(document)).toEqual([
      'h1 2025年政府工作报告',
      'p 各位代表：',
      'p 现在，我代表省人民政府报告工作。',
      'p 一、2024年工作回顾',
      'p 过去一年，成绩来之不易。',
    ]);
    // Numbered lines are the ordinals pass's to read, as in Markdown.
    const { document: structured } = structure(document);
    expect(structured.children[3]).toMatchObject({
      type: 'heading',
      depth: 2,
      level: 1,
      ordinal: { level: 1, number: 1, marker: '一、' },
    });
    expect(document.children[2]?.position).toEqual({
      start: { line: 3, column: 1, offset: 18 },
      end: { line: 3, column: 17, offset: 34 },
    });
  });

  it('reads blank-line separated blocks as paragraphs, their lines joined by soft breaks', () => {
    const text =
      '政府工作报告\n\n\n各位代表：\n\n我们在听了\n关于宪法草案的报告\n以后，完成了任务。\n\n\u3000\u3000\n一、\n我国人民已经推翻了统治。\n';
    const document = parsePlainText(text);
    expect(blockLines(document)).toEqual([
      'h1 政府工作报告',
      'p 各位代表：',
      'p 我们在听了\n关于宪法草案的报告\n以后，完成了任务。',
      'p 一、\n我国人民已经推翻了统治。',
    ]);
    const { document: structured } = structure(document);
    expect(blockLines(structured).slice(2)).toEqual([
      'p 我们在听了关于宪法草案的报告以后，完成了任务。',
      'item 一、||我国人民已经推翻了统治。',
    ]);
  });

  it('takes no title from a first line that is a sentence, a clause or an ordinal', () => {
    expect(parsePlainText('各位代表：\n\n正文。').children[0]?.type).toBe('paragraph');
    expect(parsePlainText('一、总体要求\n\n正文。').children[0]?.type).toBe('paragraph');
    expect(parsePlainText('——2024年3月5日\n\n正文。').children[0]?.type).toBe('paragraph');
  });

  it('treats lines of spaces, U+3000 or zero-width characters as blank, and strips a BOM and CRLF', () => {
    const document = parsePlainText('\ufeff\u200b\r\n\r\n政府工作报告\r\n\r\n\u3000\u3000正文。\r\n');
    expect(blockLines(document)).toEqual(['h1 政府工作报告', 'p \u3000\u3000正文。']);
  });

  it('never reads Markdown or HTML', () => {
    const text =
      '# 不是标题\n\n**不加粗** *不倾斜* <b>不是标签</b> [不是链接](http://example.com)\n\n- 不是列表\n\n| 不是 | 表格 |';
    const document = parsePlainText(text);
    expect(document.children.every((block) => block.type === 'paragraph' || block.type === 'heading')).toBe(true);
    expect(toText(document)).toBe(
      '# 不是标题\n**不加粗** *不倾斜* <b>不是标签</b> [不是链接](http://example.com)\n- 不是列表\n| 不是 | 表格 |',
    );
  });

  it('goes through structure and outline like Markdown', () => {
    const text = '政府工作报告\n\n一、工作回顾\n\n（一）经济运行稳中向好。全年增长百分之五。\n\n二、工作安排\n';
    const { document, fixes } = structure(parsePlainText(text));
    const result = outline(document, fixes);
    expect(result.title).toBe('政府工作报告');
    expect(result.sections.map((section) => [section.heading, section.items.length])).toEqual([
      ['一、工作回顾', 1],
      ['二、工作安排', 0],
    ]);
    expect(result.sections[0]?.items[0]).toMatchObject({ title: '经济运行稳中向好。', text: '全年增长百分之五。' });
  });

  it('reads an empty text as an empty document', () => {
    expect(parsePlainText('').children).toEqual([]);
    expect(parsePlainText('\n\n').children).toEqual([]);
  });
});
