import { describe, expect, it } from 'vitest';
import { breakTitle, loadTheme, titleCells, titleLines, withTitleBreaks } from '../src/node.js';

describe('breaking a title (GB/T 9704 7.3.1)', () => {
  it('keeps a title that fits on one line', () => {
    expect(breakTitle('关于印发重点工作任务的通知', 20)).toEqual(['关于印发重点工作任务的通知']);
  });

  it('breaks between words, never inside a number and its unit, the longer line above', () => {
    // Issue 15: the PDF read `市直部门（单位）2023 / 年度重点工作开展情况`.
    expect(titleLines(loadTheme('gov'), '市直部门（单位）2023年度重点工作开展情况')).toEqual([
      '市直部门（单位）2023年度',
      '重点工作开展情况',
    ]);
  });

  it('keeps words ICU splits into single characters and Chinese numerals whole', () => {
    const lines = breakTitle(
      '最高人民法院关于修改《最高人民法院关于破产企业国有划拨土地使用权应否列入破产财产等问题的批复》等二十九件商事类司法解释的决定',
      titleCells(loadTheme('gov')),
    );
    expect(lines.join('')).toBe(
      '最高人民法院关于修改《最高人民法院关于破产企业国有划拨土地使用权应否列入破产财产等问题的批复》等二十九件商事类司法解释的决定',
    );
    expect(lines).toHaveLength(4);
    for (const [a, b] of [
      ['划', '拨'],
      ['应', '否'],
      ['批', '复'],
      ['二', '十九'],
    ]) {
      expect(lines.some((line, i) => line.endsWith(a as string) && lines[i + 1]?.startsWith(b as string))).toBe(false);
    }
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(20);
  });

  it('does not start a line with 的 or end one with 关于', () => {
    const lines = breakTitle('国务院关于实施乡村振兴战略推进农业农村现代化建设的意见', 14);
    expect(lines.length).toBe(2);
    for (const line of lines) {
      expect(line).not.toMatch(/^的/);
      expect(line).not.toMatch(/关于$/);
    }
  });
});

describe('withTitleBreaks', () => {
  it('puts a break node where each line after the first starts, inside formatting too', () => {
    const nodes = [
      { type: 'text', value: '市直部门' },
      { type: 'strong', children: [{ type: 'text', value: '（单位）2023年度重点' }] },
      { type: 'text', value: '工作开展情况' },
    ];
    expect(withTitleBreaks(nodes, ['市直部门（单位）2023年度', '重点工作开展情况'])).toEqual([
      { type: 'text', value: '市直部门' },
      {
        type: 'strong',
        children: [{ type: 'text', value: '（单位）2023年度' }, { type: 'break' }, { type: 'text', value: '重点' }],
      },
      { type: 'text', value: '工作开展情况' },
    ]);
  });
});
