/**
 * Pagination as a reader sees it: no widow or orphan line, a heading never last on a page, the
 * closing of a 公文 on the page of the body's last lines; the 版记 at the foot of an even page.
 */
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
import { corpusPath, describeCorpus, readCorpus, readFixture } from './corpus.js';
import { doc } from './helpers.js';
import { compact, writePdf } from './pdf.js';
import { textLines, widowsAndOrphans } from './widows.mjs';

/** A heading, then paragraphs of `lines` full lines each, to push breaks into every position. */
function paragraphs(counts: number[]): string {
  const sentence = '各单位要高度重视明确责任分工认真抓好落实执行中遇到的问题请及时报告。';
  return counts
    .map(
      (count, index) =>
        `${index % 4 === 0 ? `## ${index + 1}、标题\n\n` : ''}${sentence.repeat(Math.ceil((count * 28) / 34))}`,
    )
    .join('\n\n');
}

describe('pagination', () => {
  it('leaves no widow or orphan and never ends a page with a heading, wherever the breaks fall', async () => {
    const theme = presetTheme('gov');
    // Paragraphs of 2 to 7 lines, in an order that moves the page breaks through every line of them.
    const counts = Array.from({ length: 60 }, (_, index) => 2 + ((index * 5) % 6));
    const file = writePdf(await toPdf(doc(`# 题目\n\n${paragraphs(counts)}`), { theme }), 'pagination');
    const lines = textLines(file);
    const { pages, widows, orphans } = widowsAndOrphans(lines);
    expect(pages).toBeGreaterThan(5);
    expect(widows.map((line) => `${line.page}: ${line.text}`)).toEqual([]);
    expect(orphans.map((line) => `${line.page}: ${line.text}`)).toEqual([]);
    for (let at = 0; at + 1 < lines.length; at++) {
      const line = lines[at];
      const next = lines[at + 1];
      if (line && next && next.page !== line.page) expect(compact(line.text)).not.toMatch(/^\d+、标题$/);
    }
  });

  it('keeps the closing of the 公文 with the last lines of its body, and sets the 版记 at the foot of an even page', async () => {
    const theme = presetTheme('gov');
    const file = writePdf(await toPdf(doc(readFixture('gongwen-notice.md')), { theme }), 'gongwen');
    const lines = textLines(file);
    const find = (text: string) => {
      const found =
        lines.find((line) => compact(line.text) === text) ?? lines.find((line) => compact(line.text).startsWith(text));
      if (!found) throw new Error(`no line ${text}`);
      return found;
    };
    const closing = ['附件：1.', '青山市文化和旅游局', '2025年3月18日', '（此件公开发布）'].map(find);
    const lastBody = find('遇到的问题');
    for (const line of closing) expect(line.page).toBe(lastBody.page);
    const { pages, widows, orphans } = widowsAndOrphans(lines);
    expect(widows.length + orphans.length).toBe(0);
    // 版记: the last page, an even one; its last line ends at the body area's lower edge (35 mm up).
    expect(pages % 2).toBe(0);
    const printed = find('青山市文化和旅游局办公室');
    expect(printed.page).toBe(pages);
    expect(find('抄送：').page).toBe(pages);
    const pageHeight = 841.89;
    const bodyBottom = pageHeight - (35 / 25.4) * 72;
    expect(bodyBottom - printed.yMax).toBeGreaterThan(0);
    expect(bodyBottom - printed.yMax).toBeLessThan(28.95);
    // 版头: the 发文机关标志 above the 发文字号, both above the title, on page 1.
    const mark = find('青山市文化和旅游局文件');
    const number = find('青文旅发');
    expect(mark.page).toBe(1);
    expect(mark.yMax).toBeLessThan(number.yMin);
    expect(number.yMax).toBeLessThan(find('青山市文化和旅游局关于').yMin);
  });
});

describe('the 版记 on an even page', () => {
  it('moves to the next even page when the body ends on an even page without room for it (report theme)', async () => {
    // In the report theme the fixture's closing ends page 2 and the 版记 has no room left under it:
    // it runs onto page 3, an odd page, and must go on to page 4.
    const file = writePdf(await toPdf(doc(readFixture('gongwen-notice.md')), { theme: presetTheme('report') }), 'tail');
    const lines = textLines(file);
    const { pages } = widowsAndOrphans(lines);
    expect(pages % 2).toBe(0);
    const printed = lines.find((line) => compact(line.text) === '青山市文化和旅游局办公室');
    expect(printed?.page).toBe(pages);
    expect(lines.find((line) => compact(line.text) === '（此件公开发布）')?.page).toBe(pages - 2);
  });
});

describeCorpus('pagination of the seed', () => {
  for (const name of ['gov', 'report'] as const) {
    it(`has no widow or orphan in the ${name} theme`, async () => {
      const source = readCorpus('seed', 'weifang-2023-departments.md');
      const file = writePdf(
        await toPdf(doc(source), { theme: presetTheme(name), baseDir: corpusPath('seed') }),
        `seed-${name}`,
      );
      const { pages, widows, orphans } = widowsAndOrphans(textLines(file));
      console.log(`seed, ${name}: ${pages} pages, ${widows.length} widows, ${orphans.length} orphans`);
      expect(widows.map((line) => `${line.page}: ${line.text}`)).toEqual([]);
      expect(orphans.map((line) => `${line.page}: ${line.text}`)).toEqual([]);
    });
  }
});
