/**
 * GB/T 9704-2012 7.5: 版记页前有空白页的，空白页和版记页均不编排页码. The 版记 goes on an even page; when
 * that leaves an empty page before it, neither page is numbered — and a 版记 page with no empty page
 * before it is.
 */
import { parse, structure } from '@wenshu/parser';
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
import { pdfInfo, pdfText, writePdf } from './pdf.js';

const LINE = '为进一步提升公共文化场馆服务质量现就开展检查有关事项通知如下请认真组织实施。';

/** A 公文 with a 版记 and `count` paragraphs of body. */
async function notice(count: number, name: string): Promise<string[]> {
  const markdown = [
    '---',
    'copyTo: 市委办公室，市政府办公室。',
    'printedBy: 青山市文化和旅游局办公室',
    'printedDate: 2025年3月18日',
    '---',
    '',
    '# 关于开展检查的通知',
    '',
    ...Array.from({ length: count }, () => `${LINE}\n`),
    '青山市文化和旅游局',
    '',
    '2025年3月18日',
  ].join('\n');
  const file = writePdf(await toPdf(structure(parse(markdown)).document, { theme: presetTheme('gov') }), name);
  const pages = Number(pdfInfo(file).Pages);
  return Array.from({ length: pages }, (_, index) => pdfText(file, index + 1).replace(/\s+/g, ''));
}

describe('page numbers around the 版记', () => {
  it('leave out the empty page before the 版记 and the 版记’s page', async () => {
    // 41 paragraphs end the body on page 4, full: the 版记 goes to page 6, page 5 stays empty.
    const pages = await notice(41, 'unnumbered-blank');
    expect(pages).toHaveLength(6);
    expect(pages[4]).toBe('');
    expect(pages[5]).toContain('抄送');
    expect(pages[5]).not.toMatch(/—\d+—/);
    expect(pages[3]).toContain('—4—');
  });

  it('number a 版记 page that no empty page precedes', async () => {
    // 30 paragraphs end the body on page 3: the 版记 stands alone on page 4, numbered.
    const pages = await notice(30, 'unnumbered-none');
    expect(pages).toHaveLength(4);
    expect(pages[3]).toContain('抄送');
    expect(pages[3]).toContain('—4—');
  });
});
