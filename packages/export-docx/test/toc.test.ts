import { loadTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { bodyBlocks, descendants, element, elements, md, must, paragraphText, pStyle, render, textOf } from './docx.js';

const report = md(
  [
    '# 年度工作报告',
    '',
    '## 一、总体情况',
    '',
    '正文。'.repeat(200),
    '',
    '### （一）主要指标',
    '',
    '正文。'.repeat(400),
    '',
    '## 二、下一步工作',
    '',
    '正文。',
  ].join('\n'),
);

describe('table of contents', () => {
  it('comes after the title, with its entries and page numbers already filled in', async () => {
    const out = await render(report, { toc: true, theme: loadTheme('gov') });
    const blocks = bodyBlocks(out);
    expect(blocks.slice(0, 3).map((b) => b.name)).toEqual(['w:p', 'w:p', 'w:sdt']);
    expect(pStyle(must(blocks[0]))).toBe('Title');
    expect([pStyle(must(blocks[1])), paragraphText(must(blocks[1]))]).toEqual(['TOCHeading', '目录']);

    const sdt = must(blocks[2]);
    expect(descendants(sdt, 'w:instrText')[0]?.children.join('')).toMatch(/^TOC \\h \\o "1-3"/);
    const entries = descendants(sdt, 'w:p').filter((p) => pStyle(p)?.startsWith('TOC'));
    const rows = entries.map((p) => {
      const link = must(descendants(p, 'w:hyperlink')[0]);
      const texts = descendants(link, 'w:t').map(textOf);
      return { style: pStyle(p), title: texts[0], page: texts.at(-1), anchor: link.attributes['w:anchor'] };
    });
    expect(rows.map((r) => [r.style, r.title])).toEqual([
      ['TOC1', '一、总体情况'],
      ['TOC2', '（一）主要指标'],
      ['TOC1', '二、下一步工作'],
    ]);
    const pages = rows.map((r) => Number(r.page));
    for (const page of pages) expect(Number.isInteger(page) && page >= 1).toBe(true);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages.at(-1)).toBeGreaterThan(must(pages[0]));

    // Each entry links to a bookmark on its heading.
    const starts = descendants(out.xml('word/document.xml'), 'w:bookmarkStart').map((b) => b.attributes['w:name']);
    for (const row of rows) expect(starts).toContain(row.anchor);
    // A page break puts the body on a page of its own.
    expect(descendants(must(blocks[3]), 'w:br')[0]?.attributes['w:type']).toBe('page');
  });

  it('is headed 目錄 in a Traditional-Chinese edition', async () => {
    const out = await render({ ...report, meta: { ...report.meta, lang: 'zh-TW' } }, { toc: true });
    expect(bodyBlocks(out).map(paragraphText)).toContain('目錄');
  });

  it('is absent unless asked for', async () => {
    const out = await render(report);
    expect(descendants(out.xml('word/document.xml'), 'w:sdt')).toEqual([]);
    const settings = out.xml('word/settings.xml');
    expect(element(settings, 'w:updateFields')).toBeUndefined();
    expect(elements(settings).length).toBeGreaterThan(0);
  });
});
