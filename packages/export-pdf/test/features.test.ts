/**
 * Everything a report may hold, read back from the PDF: inline formatting, lists, quotes, tables
 * with spans and repeated headers, code, math, pictures, notes, links, the table of contents,
 * bookmarks, document information, language; and the same bytes for the same input.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { presetTheme } from '@wenshu/theme';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PdfWarning, toPdf } from '../src/node.js';
import { doc, png } from './helpers.js';
import { compact, pdfFonts, pdfInfo, pdfLines, pdfOutline, pdfText, run, writePdf } from './pdf.js';

const longTable = [
  '| 项目名称 | 数量 |',
  '|---|---:|',
  ...Array.from({ length: 70 }, (_, i) => `| 第${i + 1}个项目 | ${i * 7} |`),
].join('\n');

const markdown = `---
title: 功能测试文档
author: 文书
keywords: [测试, PDF]
---

# 功能测试文档

## 一、格式与列表

正文含有**加粗**、*强调*、~~删除线~~、<u>下划线</u>、<mark>高亮</mark>、\`行内代码\`、H<sub>2</sub>O、m<sup>2</sup>、[链接](https://example.com/规划)与脚注[^note]。

1. 第一项
2. 第二项，内容较长，需要换行显示的列表项内容，用来检查悬挂缩进是否对齐，以及标点是否正确处理。
   - 嵌套无序项甲
   - 嵌套无序项乙

- [x] 已完成的任务
- [ ] 未完成的任务

> 引用段落：实践是检验真理的唯一标准。

### （一）小节标题

小节正文。

## 二、表格

<table>
<caption>表1 合并单元格</caption>
<tr><th rowspan="2">类别</th><th colspan="2">数量</th></tr>
<tr><th>上年</th><th>本年</th></tr>
<tr><td>甲类</td><td>11</td><td>12</td></tr>
<tr><td colspan="2">合计</td><td>23</td></tr>
</table>

${longTable}

## 三、代码、公式与图片

\`\`\`js
const 问候 = '你好';
\`\`\`

$$
E = mc^2
$$

第一行<br>第二行

![示意图](pic.png)

![缺失的图](missing.png)

![远程图](https://example.com/a.png)

[^note]: 脚注的内容在文末。
`;

describe('a report with every kind of content', () => {
  const baseDir = mkdtempSync(join(tmpdir(), 'wenshu-pdf-features-'));
  writeFileSync(join(baseDir, 'pic.png'), png(300, 150));
  const document = doc(markdown);
  const warnings: PdfWarning[] = [];
  let bytes: Uint8Array = new Uint8Array();
  let file = '';
  let raw = '';

  beforeAll(async () => {
    bytes = await toPdf(document, {
      toc: true,
      baseDir,
      sourceDateEpoch: 1_700_000_000,
      onWarning: (w) => warnings.push(w),
    });
    file = writePdf(bytes, 'features');
    raw = Buffer.from(bytes).toString('latin1');
  }, 60_000);

  it('keeps all the text, inline formatting included', () => {
    const text = compact(pdfText(file));
    for (const expected of [
      '正文含有加粗、强调、删除线、下划线、高亮、行内代码、H2O、m2、链接与脚注1。',
      '1.第一项',
      '◦嵌套无序项甲',
      '☑已完成的任务',
      '☐未完成的任务',
      '引用段落：实践是检验真理的唯一标准。',
      '表1合并单元格',
      '类别',
      '数量',
      '上年',
      '本年',
      '甲类',
      '合计',
      "const问候='你好';",
      'E=mc^2',
      '第一行第二行',
      '[1]脚注的内容在文末。',
      '第70个项目483',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('sets pictures, and a placeholder with a warning for a missing or remote one', () => {
    const images = run('pdfimages', ['-list', file]).split('\n').slice(2).filter(Boolean);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*\d+\s+\d+\s+image\s+300\s+150\s/);
    const text = compact(pdfText(file));
    expect(text).toContain('[图片：缺失的图]');
    expect(text).toContain('[图片：远程图]');
    const lineOf = (needle: string) => markdown.split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: lineOf('missing.png'),
          message: expect.stringMatching(/missing\.png: no such file/),
        }),
        expect.objectContaining({
          line: lineOf('a.png'),
          message: expect.stringMatching(/remote pictures are not fetched/),
        }),
      ]),
    );
  });

  it('links to URLs (percent-encoded) and from note references to the notes', () => {
    expect(raw).toContain('/URI (https://example.com/%E8%A7%84%E5%88%92)');
    expect(raw).toMatch(/\/S \/GoTo\s*\/D \(fn1\)/);
  });

  it('repeats the header row of a table on every page it runs onto', () => {
    const { lines } = pdfLines(file);
    const pages = new Set(lines.filter((line) => /第\d+个项目/.test(line.text)).map((line) => line.page));
    expect(pages.size).toBeGreaterThan(1);
    for (const page of pages)
      expect(
        lines.some((l) => l.page === page && l.text.startsWith('项目名称')),
        `page ${page}`,
      ).toBe(true);
  });

  it('has a table of contents whose page numbers are the pages of the headings', () => {
    const { lines } = pdfLines(file);
    const toc = lines.filter((line) => line.page === 1 && /^[一二三]、|^（一）|^注释/.test(line.text));
    expect(toc.map((line) => line.text)).toEqual([
      '一、格式与列表',
      '（一）小节标题',
      '二、表格',
      '三、代码、公式与图片',
      '注释',
    ]);
    const pages = new Set<number>();
    for (const entry of toc) {
      // The number is set on the same line, at the right margin.
      const number = lines.find(
        (line) => line.page === 1 && Math.abs(line.yMin - entry.yMin) < 0.5 && /^\d+$/.test(line.text),
      );
      const heading = lines.find((line) => line.page > 1 && line.text === entry.text);
      expect(heading, entry.text).toBeDefined();
      expect(Number(number?.text), entry.text).toBe(heading?.page);
      pages.add(heading?.page ?? 0);
    }
    expect(pages.size).toBeGreaterThan(1);
  });

  it('has bookmarks nested by heading level', () => {
    expect(pdfOutline(file).map((entry) => [entry.depth, entry.title])).toEqual([
      [0, '一、格式与列表'],
      [1, '（一）小节标题'],
      [0, '二、表格'],
      [0, '三、代码、公式与图片'],
      [0, '注释'],
    ]);
  });

  it('carries the document information and the language', () => {
    const info = pdfInfo(file);
    expect(info).toMatchObject({ Title: '功能测试文档', Author: '文书', Keywords: '测试, PDF', Creator: 'wenshu' });
    expect(info.CreationDate).toMatch(/Nov 14 .*2023/);
    expect(raw).toContain('/Lang (zh-CN)');
  });

  it('renders the same bytes for the same input and date, other bytes for another date', async () => {
    const again = await toPdf(doc(markdown), { toc: true, baseDir, sourceDateEpoch: 1_700_000_000 });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const later = await toPdf(doc(markdown), { toc: true, baseDir, sourceDateEpoch: 1_800_000_000 });
    expect(Buffer.from(later).equals(Buffer.from(bytes))).toBe(false);
    // Without a date, the time of the conversion (as the DOCX and XLSX say): this year, not 2000.
    const undated = await toPdf(doc('文书。'));
    expect(pdfInfo(writePdf(undated)).CreationDate).toContain(String(new Date().getFullYear()));
  }, 60_000);

  it('renders in the gov theme too; a Traditional edition takes Traditional faces and /Lang zh-TW', async () => {
    const traditional = { ...document, meta: { ...document.meta, lang: 'zh-TW' } };
    const gov = await toPdf(traditional, { theme: presetTheme('gov'), baseDir });
    const govFile = writePdf(gov, 'gov-features');
    expect(readFileSync(govFile).toString('latin1')).toContain('/Lang (zh-TW)');
    expect(pdfFonts(govFile).map((font) => font.name.slice(7))).toContain('NotoSerifCJKtc-Regular');
  });

  it('lists in the table of contents and the bookmarks a heading that starts with a picture', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-pdf-heading-picture-'));
    writeFileSync(join(dir, 'logo.png'), png(16, 12));
    const bytes = await toPdf(doc('# 报告\n\n## ![标志](logo.png)节能减排\n\n正文。\n\n## 二、其他\n\n正文。'), {
      toc: true,
      baseDir: dir,
      systemFonts: false,
    });
    const file = writePdf(bytes, 'heading-picture');
    expect(pdfOutline(file).map((entry) => entry.title)).toEqual(['节能减排', '二、其他']);
    expect(compact(pdfText(file))).toContain('节能减排');
  }, 60_000);

  it('keeps all the text of lists and quotes nested too deep to indent', async () => {
    const levels = 40;
    const nested = Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- 第${i}层列表项`).join('\n');
    const deep = await toPdf(doc(`${nested}\n\n${'> '.repeat(levels)}深层引用文字。\n`), { systemFonts: false });
    const text = compact(pdfText(writePdf(deep, 'deep')));
    for (let i = 0; i < levels; i++) expect(text).toContain(`第${i}层列表项`);
    expect(text).toContain('深层引用文字。');
  }, 60_000);
});
