/** A document attached to a 公文 starts a page of its own in `gov` (GB/T 9704 7.3.8), with nothing lost. */
import { parsePlainText, structure } from '@wenshu/parser';
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
import { pdfLines, pdfText, writePdf } from './pdf.js';

const NOTICE = [
  '某某市人民政府关于加强某项工作的通知',
  '各区县人民政府：',
  '现将有关事项通知如下，请认真贯彻执行，确保各项工作落到实处。',
  '附件：1.某项工作实施方案',
  '某某市人民政府',
  '2025年3月18日',
  '附件1',
  '某项工作实施方案',
  '为做好某项工作，制定本方案，各部门要按照分工抓好落实。',
].join('\n');

describe('attached documents', () => {
  it('start on a new page: the label flush left on its first line, the title centred under it', async () => {
    const document = structure(parsePlainText(NOTICE)).document;
    const file = writePdf(await toPdf(document, { theme: presetTheme('gov') }), 'attachment');
    expect(pdfText(file, 1)).toContain('2025年3月18日');
    const { lines, pageWidth } = pdfLines(file);
    const label = lines.find((line) => line.text === '附件1');
    const title = lines.find((line) => line.text === '某项工作实施方案');
    const body = lines.find((line) => line.text.startsWith('为做好某项工作'));
    expect([label?.page, title?.page, body?.page]).toEqual([2, 2, 2]);
    // Flush left at the body area’s edge (the left margin is 28 mm).
    expect(Math.abs((label?.xMin ?? 0) - 79.4)).toBeLessThan(2);
    const centre = ((title?.xMin ?? 0) + (title?.xMax ?? 0)) / 2;
    // Centred on the body area (28 mm left, 26 mm right margins).
    expect(Math.abs(centre - (79.4 + (pageWidth - 73.7)) / 2)).toBeLessThan(3);
    // Two lines down from the label: one empty line between (GB/T: the title on the third line).
    expect((title?.yMin ?? 0) - (label?.yMin ?? 0)).toBeGreaterThan(50);
  });
});
