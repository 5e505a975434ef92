/**
 * Plain text that keeps a PDF's printed lines (`pdftotext -layout`): paragraphs wrapped at the margin,
 * their first lines indented, page numbers on lines of their own, tables laid out with spaces.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/index.js';
import { parsePlainText } from '../../src/index.js';
import { structure } from '../../src/passes/index.js';
import { NONE } from './helpers.js';

/** Each top-level block as `type first-last` (source lines). */
function spans(document: Document): string[] {
  return document.children.map((block) => `${block.type} ${block.position?.start.line}-${block.position?.end.line}`);
}

/** A line of `count` CJK characters cut from a running text, so no two lines are alike. */
const TEXT =
  '我市坚持依法公开主动回应关切规范办理申请流程持续优化平台建设不断加强队伍培训切实提升工作质量和服务水平推进各项任务落实见效';
function cjk(count: number, from = 0): string {
  let out = '';
  for (let index = 0; out.length < count; index++) out += TEXT[(from + index) % TEXT.length];
  return out;
}

/** Paragraphs wrapped at 28 characters (56 columns), first lines indented three spaces. */
const PAGE = [
  '        某某区人民政府',
  '   2024 年某项工作年度报告',
  '',
  `   ${cjk(26, 0)}`, // full line (the indent makes up the width), no punctuation: goes on
  `${cjk(27, 3)}。`, // full line ending a sentence: goes on all the same (flush left follows)
  `${cjk(20, 5)}。`, // short: the paragraph ends
  '   一、总体情况',
  `   ${cjk(25, 7)}，`,
  `${cjk(28, 9)}`,
  '',
  '                         -1-',
  `${cjk(12, 11)}。`,
  `   ${cjk(12, 13)}。`,
  `${cjk(28, 15)}`,
  `${cjk(28, 17)}`,
  `${cjk(10, 19)}。`,
  `   ${cjk(26, 21)}`,
  `${cjk(28, 23)}`,
].join('\n');

describe('wrapped lines', () => {
  it('joins a full line to the flush-left line under it, whatever it ends with, and drops page numbers', () => {
    const { document, fixes } = structure(parsePlainText(PAGE), { ...NONE, brokenParagraphs: true });
    // Lines 4–6 are one paragraph (5 ends a sentence at the margin), 8–9 go on across the page
    // number to 12, 13 is short and 14–16 start flush left under it: a paragraph of their own.
    expect(spans(document)).toEqual([
      'heading 1-2',
      'paragraph 4-6',
      'paragraph 7-7',
      'paragraph 8-12',
      'paragraph 13-13',
      'paragraph 14-16',
      'paragraph 17-18',
    ]);
    expect(fixes.filter((fix) => fix.kind === 'page-number').map((fix) => [fix.line, fix.before])).toEqual([
      [11, '-1-'],
    ]);
    expect(JSON.stringify(document)).not.toContain('-1-');
  });

  it('leaves lines of one paragraph each (no wrapped layout) to the usual rules', () => {
    const text = [`${cjk(27, 0)}。`, `${cjk(27, 3)}。`, `${cjk(27, 5)}。`, `${cjk(27, 7)}。`].join('\n');
    const { document, fixes } = structure(parsePlainText(text), { ...NONE, brokenParagraphs: true });
    expect(document.children).toHaveLength(4);
    expect(fixes).toEqual([]);
  });

  it('keeps a table laid out with spaces together, as laid out, with its caption and header lines', () => {
    const text = [
      '   二、主动公开政府信息情况',
      `   ${cjk(26, 0)}`,
      `${cjk(20, 3)}。`,
      '              第二十条第（一）项',
      '',
      '       信息内容   本年制发件数    本年废止件数    现行有效件数',
      '',
      '规章               0          0       0',
      '',
      '                                                   商业 科研',
      '                                                   企业 机构',
      '行政规范性文件          0          5       5',
      '四、结转下年度继续办理',
      '（一）予以公开                     0    0      0     0',
      '   三、收到和处理政府信息公开申请情况',
      `   ${cjk(26, 9)}`,
      `${cjk(20, 11)}。`,
    ].join('\n');
    const { document, fixes } = structure(parsePlainText(text), { ...NONE, brokenParagraphs: true });
    // The section headings and the prose stay outside; the caption, header lines and rows are one block.
    expect(spans(document)).toEqual([
      'paragraph 1-1',
      'paragraph 2-2',
      'paragraph 3-3',
      'code 4-14',
      'paragraph 15-15',
      'paragraph 16-16',
      'paragraph 17-17',
    ]);
    const table = document.children[3];
    expect(table?.type === 'code' && table.lang).toBe('text');
    expect(table?.type === 'code' && table.value.split('\n')).toEqual([
      '              第二十条第（一）项',
      '       信息内容   本年制发件数    本年废止件数    现行有效件数',
      '规章               0          0       0',
      '                                                   商业 科研',
      '                                                   企业 机构',
      '行政规范性文件          0          5       5',
      '四、结转下年度继续办理',
      '（一）予以公开                     0    0      0     0',
    ]);
    expect(fixes.filter((fix) => fix.kind === 'layout-table').map((fix) => fix.line)).toEqual([4]);
  });

  it('reads simple tables laid out with spaces as tables, each under its caption line', () => {
    const text = [
      `${cjk(20, 1)}。`,
      '              第二十条第（一）项',
      '       信息内容   本年制发件数    本年废止件数    现行有效件数',
      '规章               1          0       11',
      '行政规范性文件          8          26       66',
      '              第二十条第（五）项',
      '       信息内容            本年处理决定数量',
      '行政许可                      447228',
      `${cjk(20, 5)}。`,
    ].join('\n');
    const { document, fixes } = structure(parsePlainText(text), { ...NONE, brokenParagraphs: true });
    expect(spans(document)).toEqual(['paragraph 1-1', 'table 2-5', 'table 6-8', 'paragraph 9-9']);
    const [first, second] = document.children.slice(1, 3);
    if (first?.type !== 'table' || second?.type !== 'table') throw new Error('tables expected');
    expect(first.caption).toEqual([{ type: 'text', value: '第二十条第（一）项' }]);
    expect(first.headerRows).toBe(1);
    expect(first.align).toEqual([null, 'right', 'right', 'right']);
    const cells = first.children.map((row) =>
      row.children.map((cell) => cell.children.map((node) => (node.type === 'text' ? node.value : '')).join('')),
    );
    expect(cells).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '1', '0', '11'],
      ['行政规范性文件', '8', '26', '66'],
    ]);
    expect(second.children.map((row) => row.children.length)).toEqual([2, 2]);
    expect(fixes.filter((fix) => fix.kind === 'layout-table').map((fix) => fix.after)).toEqual(['2 tables']);
  });

  it('reads no table from two lines that happen to hold wide spaces', () => {
    const text = [
      `${cjk(20, 7)}。`,
      '甲方          乙方',
      `${cjk(20, 0)}。`,
      '签字          盖章',
      `${cjk(20, 4)}。`,
    ].join('\n');
    const { document } = structure(parsePlainText(text), { ...NONE, brokenParagraphs: true });
    expect(document.children.every((block) => block.type === 'paragraph')).toBe(true);
  });
});
