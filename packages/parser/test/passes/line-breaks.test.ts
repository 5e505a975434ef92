import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { lineBreaksPass, resolveSoftBreaks } from '../../src/passes/line-breaks.js';
import { blockLines, deepFreeze, only } from './helpers.js';

describe('cjkLineBreaks', () => {
  it.each([
    ['中文\n换行', '中文换行'],
    ['中文，\n换行', '中文，换行'],
    ['English\nwords', 'English words'],
    ['中文\nEnglish', '中文English'],
    ['word\n中文', 'word中文'],
    ['数字1.5\n亿元', '数字1.5亿元'],
    ['trailing  \n  indent', 'trailing indent'],
  ])('%j → %j', (input, output) => {
    expect(resolveSoftBreaks(input, '', '')).toBe(output);
  });

  it('looks across node boundaries for the characters around a break', () => {
    expect(resolveSoftBreaks('\n', '中', 'a')).toBe('');
    expect(resolveSoftBreaks('\n', 'a', 'b')).toBe(' ');
  });

  it('resolves breaks in paragraphs, keeps hard breaks, and records the line', () => {
    const { document, fixes } = only('第一行\n第二行\n第三行  \n第四行\n\nsecond\nparagraph', { cjkLineBreaks: true });
    expect(blockLines(document)).toEqual(['p 第一行第二行第三行\\n第四行', 'p second paragraph']);
    expect(fixes.map((fix) => [fix.kind, fix.line])).toEqual([
      ['line-break', 1],
      ['line-break', 6],
    ]);
  });

  it('resolves breaks across formatting', () => {
    const { document } = only('**重点**\n工作', { cjkLineBreaks: true });
    expect(blockLines(document)).toEqual(['p **重点**工作']);
  });

  it('leaves code alone', () => {
    const document = parse('```\n第一行\n第二行\n```');
    expect(lineBreaksPass(document).document).toBe(document);
  });

  it('does not modify its input', () => {
    const document = deepFreeze(parse('中文\n换行'));
    expect(blockLines(lineBreaksPass(document).document)).toEqual(['p 中文换行']);
  });

  it('is off when switched off', () => {
    expect(blockLines(only('中文\n换行', {}).document)).toEqual(['p 中文\n换行']);
  });
});
