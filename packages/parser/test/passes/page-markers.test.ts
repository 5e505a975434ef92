import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { normalisePage, pageMarkersPass, wholeMarker } from '../../src/passes/page-markers.js';
import { blockLines, deepFreeze, only } from './helpers.js';

describe('page markers', () => {
  it.each([
    ['(上接7版)', 'from', '7'],
    ['（上接第3版）', 'from', '3'],
    ['(下转9版)', 'to', '9'],
    ['（下转第5版）', 'to', '5'],
    ['( 上接 第 7 版 )', 'from', '7'],
    ['（上接7版)', 'from', '7'],
    ['【下转第12版】', 'to', '12'],
    ['〔转A3版〕', 'to', 'A3'],
    ['(下轉第九版)', 'to', '9'],
    ['（續見第２版）', 'to', '2'],
    ['(接第4版)', 'from', '4'],
    ['（上接第七版', 'from', '7'],
    ['上接7版', 'from', '7'],
    ['（转至第6页）', 'to', '6'],
    ['（下转9板）', 'to', '9'],
    ['（上接 B2 版）', 'from', 'B2'],
  ])('%s', (text, direction, page) => {
    expect(wholeMarker(text)).toMatchObject({ direction, page });
  });

  it.each(['(见第5页)', '（上接）', '第7版', '下转', '（详见附件）', '上接7版的报道很长。'])(
    '%s is not a marker',
    (text) => {
      expect(wholeMarker(text)).toBeNull();
    },
  );

  it('normalises page numbers', () => {
    expect(normalisePage('７')).toBe('7');
    expect(normalisePage('十二')).toBe('12');
    expect(normalisePage('a 2')).toBe('A2');
  });

  it('moves whole-paragraph markers to meta and records them', () => {
    const { document, fixes } = only('# 题\n\n(上接7版)\n\n正文。\n\n(下转9版)', { pageMarkers: true });
    expect(blockLines(document)).toEqual(['h1 题', 'p 正文。']);
    expect(document.meta).toEqual({ continuedFrom: '7', continuedTo: '9' });
    expect(fixes).toEqual([
      { kind: 'page-marker', line: 3, before: '(上接7版)', after: '' },
      { kind: 'page-marker', line: 7, before: '(下转9版)', after: '' },
    ]);
  });

  it('takes markers that open or close a paragraph, with their formatting around', () => {
    const { document } = only('（上接第3版）本报讯 全市经济运行平稳。\n\n工作取得新进展。**（下转第5版）**', {
      pageMarkers: true,
    });
    expect(blockLines(document)).toEqual(['p 本报讯 全市经济运行平稳。', 'p 工作取得新进展。']);
    expect(document.meta).toMatchObject({ continuedFrom: '3', continuedTo: '5' });
  });

  it('cuts the running head of the page another article continues on, after the marker where one breaks off', () => {
    const markdown = '# 题\n\n正文。\n\n(下转第83页)\n\n第51卷第9期 2007年9月在转化主体有意识的状态下进行。\n\n正文。';
    const { document } = only(markdown, { pageMarkers: true });
    expect(blockLines(document)).toEqual([
      'h1 题',
      'p 正文。',
      'p[boundary] (下转第83页)',
      'p[boundary] 第51卷第9期 2007年9月',
      'p 在转化主体有意识的状态下进行。',
      'p 正文。',
    ]);
    // A running head with no marker before it is the page's and stays in the text for the other passes.
    const plain = only('# 题\n\n正文。\n\n第51卷第9期 2007年9月在转化主体。', { pageMarkers: true });
    expect(blockLines(plain.document).at(-1)).toBe('p 第51卷第9期 2007年9月在转化主体。');
  });

  it('leaves a marker in the middle of a sentence (check reports it)', () => {
    const { document, fixes } = only('全市经济(下转9版)运行平稳。', { pageMarkers: true });
    expect(blockLines(document)).toEqual(['p 全市经济(下转9版)运行平稳。']);
    expect(fixes).toEqual([]);
  });

  it('keeps the first "from" and the last "to" when there are several', () => {
    const { document } = only('(上接2版)\n\n甲。\n\n(下转3版)\n\n(上接4版)\n\n乙。\n\n(下转5版)', {
      pageMarkers: true,
    });
    expect(document.meta).toMatchObject({ continuedFrom: '2', continuedTo: '5' });
  });

  it('removes a heading that is only a marker', () => {
    const { document } = only('## （上接第2版）\n\n正文。', { pageMarkers: true });
    expect(blockLines(document)).toEqual(['p 正文。']);
  });

  it('does not modify its input', () => {
    const document = deepFreeze(parse('(上接7版)\n\n正文。'));
    expect(pageMarkersPass(document).document.meta.continuedFrom).toBe('7');
    expect(document.meta.continuedFrom).toBeUndefined();
  });

  it('is off when switched off', () => {
    const { document } = only('(上接7版)\n\n正文。', {});
    expect(blockLines(document)).toEqual(['p (上接7版)', 'p 正文。']);
    expect(document.meta).toEqual({});
  });
});
