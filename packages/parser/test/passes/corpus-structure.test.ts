/** What the passes make of the corpus's structure: sections, articles, plain-text headings. */
import { expect, it } from 'vitest';
import type { Document, Item } from '../../src/index.js';
import { parse, toText } from '../../src/index.js';
import { outline, structure } from '../../src/passes/index.js';
import { parsePlainText } from '../../src/plain-text.js';
import { describeCorpus, readCorpus } from '../corpus.js';

function structured(name: string) {
  const source = readCorpus('reports', name);
  const { document, fixes } = structure(name.endsWith('.txt') ? parsePlainText(source) : parse(source));
  return { document, fixes, outline: outline(document, fixes) };
}

function items(document: Document): Item[] {
  return document.children.filter((block): block is Item => block.type === 'item');
}

describeCorpus('corpus structure', () => {
  it('gwr-2024 (plain text): title and the level-1 sections 一、二、三、 in order', () => {
    const { outline: result } = structured('gwr-2024-national-wikisource.txt');
    expect(result.title).toBe('政府工作报告');
    expect(result.sections.map((section) => section.heading)).toEqual([
      '一、2023年工作回顾',
      '二、2024年经济社会发展总体要求和政策取向',
      '三、2024年政府工作任务',
    ]);
    expect(result.sections.map((section) => [section.marker, section.number, section.level])).toEqual([
      ['一、', 1, 1],
      ['二、', 2, 1],
      ['三、', 3, 1],
    ]);
    const tasks = result.sections[2]?.items ?? [];
    expect(tasks.map((item) => item.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(tasks[0]).toMatchObject({
      marker: '（一）',
      level: 2,
      title: '大力推进现代化产业体系建设，加快发展新质生产力。',
    });
  });

  it('prc-constitution: articles 第一条 … 第一百四十三条 in order, chapters and sections as sections', () => {
    const { document, outline: result } = structured('prc-constitution-lawrefbook.md');
    const articles = items(document).filter((item) => item.ordinal.style === 'article');
    expect(articles.map((item) => item.ordinal.number)).toEqual(Array.from({ length: 143 }, (_, index) => index + 1));
    expect(articles[0]?.ordinal).toEqual({ level: 3, number: 1, marker: '第一条', style: 'article' });
    expect(toText(articles[0] as Item).startsWith('第一条中华人民共和国是工人阶级领导的')).toBe(true);
    expect(articles.every((item) => item.title === undefined)).toBe(true);
    expect(result.sections.map((section) => section.heading)).toEqual([
      '序言',
      '第一章 总纲',
      '第二章 公民的基本权利和义务',
      '第三章 国家机构',
      '第四章 国旗、国歌、国徽、首都',
    ]);
    const organs = result.sections[3];
    expect(organs?.marker).toBe('第三章');
    expect(organs?.sections.map((section) => [section.marker, section.level])).toEqual(
      ['一', '二', '三', '四', '五', '六', '七', '八'].map((numeral) => [`第${numeral}节`, 2]),
    );
  });

  it('gwr-1955 (plain text, blank-line paragraphs): 一、 … 四、 with （一）…（九） under 三、', () => {
    const { outline: result } = structured('gwr-1955-national-wikisource-long.txt');
    expect(result.title).toBeNull();
    expect(result.sections.map((section) => section.marker)).toEqual(['一、', '二、', '三、', '四、']);
    expect(result.sections[2]?.sections.map((section) => section.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // `　　` / `一、` / `我国人民…` on three lines of one block is item 一.
    const first = result.sections[2]?.sections[0]?.items[0];
    expect(first).toMatchObject({ marker: '一、', number: 1 });
    expect(first?.text.startsWith('我国人民已经推翻了帝国主义者在中国的统治')).toBe(true);
  });

  it('gwr-1957 (zero-width first line): title and sections 一、 … 五、', () => {
    const { outline: result } = structured('gwr-1957-national-wikisource-mixed-script.txt');
    expect(result.title).toBe('政府工作报告');
    expect(result.sections.map((section) => section.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gwr-1954 (wrapped lines): a linked title on its own line joins its sentence', () => {
    const { document } = structured('gwr-1954-national-wikisource-traditional.txt');
    expect(toText(document)).toContain('在聽了劉少奇同志關於憲法草案的報告並進行了三天的討論以後');
  });

  it('2025-sichuan (one paragraph per line): title, items with run-in titles, no join across lines', () => {
    const { document, fixes, outline: result } = structured('2025-sichuan-gwr-extracted.txt');
    expect(result.title).toBe('2025年四川省政府工作报告');
    expect(fixes.filter((fix) => fix.kind === 'broken-paragraph')).toEqual([]);
    const first = items(document)[0];
    expect(first?.ordinal.marker).toBe('（一）');
    expect(toText({ type: 'paragraph', children: first?.title ?? [] })).toBe('巩固增强经济回升向好态势。');
    // `8.6个重大科技专项：` right after item 7 is item 8, not the amount 8.6.
    const notes = items(document).filter((item) => item.ordinal.style === 'arabic-dot');
    expect(notes.map((item) => item.ordinal.number)).toEqual(
      Array.from({ length: notes.length }, (_, index) => index + 1),
    );
  });
});
