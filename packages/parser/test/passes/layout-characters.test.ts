import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { layoutCharactersPass, removeLayoutCharacters } from '../../src/passes/layout-characters.js';
import { blockLines, deepFreeze, only } from './helpers.js';

describe('layoutCharacters', () => {
  it.each([
    ['\u3000\u3000中华人民共和国', '中华人民共和国'],
    ['行尾\u3000', '行尾'],
    ['第一行\n\u3000\u3000第二行', '第一行\n第二行'],
    ['李\u3000强', '李\u3000强'],
    ['国务院总理\u3000\n李\u3000强', '国务院总理\u3000\n李\u3000强'],
    ['零\u200b宽\u200c字\u200d符\ufeff和\u2060连接', '零宽字符和连接'],
    ['👩\u200d💻', '👩\u200d💻'],
  ])('%j → %j', (input, output) => {
    expect(removeLayoutCharacters(input, '', '')).toBe(output);
  });

  it('an indent after a hard break is an indent too', () => {
    expect(removeLayoutCharacters('\u3000文字', '\n', '')).toBe('文字');
  });

  it('cleans headings, paragraphs and table cells, and records a fix per block', () => {
    const markdown = '## \u3000标题\n\n\u3000\u3000正文\u200b内容。\n\n| \u3000单元格 |\n| --- |\n| 值 |';
    const { document, fixes } = only(markdown, { layoutCharacters: true });
    expect(blockLines(document).slice(0, 2)).toEqual(['h2 标题', 'p 正文内容。']);
    expect(JSON.stringify(document.children[2])).toContain('"value":"单元格"');
    expect(fixes.map((fix) => [fix.kind, fix.line])).toEqual([
      ['layout', 1],
      ['layout', 3],
      ['layout', 5],
    ]);
  });

  it('reads a circled number OCR wrote as TeX as the character, and leaves other formulas', () => {
    const { document, fixes } = layoutCharactersPass(
      parse('$\\textcircled{1}$ 初始相位。\n\n$\\textcircled { 3 }$ 相位 $\\alpha < 2$ 的情形。'),
    );
    expect(blockLines(document)).toEqual(['p ① 初始相位。', 'p ③ 相位 \\alpha < 2 的情形。']);
    expect(JSON.stringify(document)).toContain('inlineMath');
    expect(fixes.map((fix) => fix.kind)).toEqual(['layout', 'layout']);
    // Then the ordinals pass reads it as an item.
    const items = only('$\\textcircled{2}$ 测量噪声。其余略。', { layoutCharacters: true, ordinals: true });
    expect(items.document.children[0]).toMatchObject({ type: 'item', ordinal: { style: 'circled', number: 2 } });
  });

  it('does not modify its input', () => {
    const document = deepFreeze(parse('\u3000\u3000正文'));
    expect(blockLines(layoutCharactersPass(document).document)).toEqual(['p 正文']);
  });

  it('is off when switched off', () => {
    expect(blockLines(only('\u3000\u3000正文\u200b', {}).document)).toEqual(['p \u3000\u3000正文\u200b']);
  });
});
