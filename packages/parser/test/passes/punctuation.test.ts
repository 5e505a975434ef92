import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { structure } from '../../src/passes/index.js';
import { normalisePunctuation } from '../../src/passes/punctuation.js';
import { blockLines, only } from './helpers.js';

describe('punctuation (opt-in)', () => {
  it.each([
    ['强化数字赋能,246万名', '强化数字赋能，246万名'],
    ['标准;重污染', '标准；重污染'],
    ['目标是:增长', '目标是：增长'],
    ['为什么?因为', '为什么？因为'],
    ['是什么?', '是什么？'],
    ['好!', '好！'],
    ['64.4%;供应', '64.4%；供应'],
    ['“一键办”,全省', '“一键办”，全省'],
    ['开发(EOD)模式', '开发（EOD）模式'],
    ['部门(单位)2023', '部门（单位）2023'],
    ['PM2.5(细颗粒物)', 'PM2.5（细颗粒物）'],
    ['改善,PM2.5浓度', '改善，PM2.5浓度'],
    ['数据;Kibana', '数据；Kibana'],
    ['1,000', '1,000'],
    ['Hello, world', 'Hello, world'],
    ['Hello,世界', 'Hello,世界'],
    ['10:30开会', '10:30开会'],
    ['f(x)', 'f(x)'],
    ['网址:http://example.com', '网址:http://example.com'],
    ['未配对(括号', '未配对(括号'],
  ])('%j → %j', (input, output) => {
    expect(normalisePunctuation(input, '', '')).toBe(output);
  });

  it('is off by default', () => {
    const { document, fixes } = structure(parse('强化数字赋能,246万名。'));
    expect(blockLines(document)).toEqual(['p 强化数字赋能,246万名。']);
    expect(fixes).toEqual([]);
  });

  it('when on, rewrites paragraphs, titles and bodies, but not a heading’s marker', () => {
    const { document, fixes } = only('## (一)部门(单位)情况\n\n1.标题,内容。正文;更多。', {
      ordinals: true,
      runInTitles: true,
      punctuation: true,
    });
    expect(blockLines(document)).toEqual(['h2 (一)部门（单位）情况', 'item 1.|**标题，内容。**|正文；更多。']);
    expect(fixes.filter((fix) => fix.kind === 'punctuation').map((fix) => fix.line)).toEqual([1, 3, 3]);
  });
});
