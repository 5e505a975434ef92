import { type OutlineSection, outline, parse, structure } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import { toXlsx } from '../src/index.js';
import { itemsSheet } from '../src/lib/items-sheet.js';
import { labels } from '../src/lib/labels.js';
import { walk } from '../src/lib/walk.js';
import { describeCorpus, readCorpus } from './corpus.js';
import { readWorkbook, render, report, rows, sheet, sheetXml } from './xlsx.js';

const NESTED = [
  '# 某局2024年工作总结',
  '',
  '这一年，全局上下团结一心。',
  '',
  '## 一、主要工作',
  '',
  '### （一）项目建设',
  '',
  '1.重点项目顺利推进。全年完成投资12亿元。',
  '',
  '2.招商引资成效明显。引进项目8个。',
  '',
  '项目建设之外，还做了大量基础工作。',
  '',
  '### （二）民生保障',
  '',
  '1.就业稳定。新增就业1200人。',
  '',
  '## 二、存在问题',
  '',
  '一些工作还有差距。',
].join('\n');

describe('items sheet', () => {
  it('is the first sheet, with a header row and one row per item or paragraph in document order', async () => {
    const workbook = await readWorkbook(await render(NESTED));
    const items = workbook.worksheets[0];
    expect(items?.name).toBe('条目');
    expect(rows(sheet(workbook, '条目'))).toEqual([
      ['章节', '编号', '序号', '标题', '正文', '字数'],
      [null, null, null, null, '这一年，全局上下团结一心。', 13],
      ['一、主要工作 / （一）项目建设', '1.', 1, '重点项目顺利推进。', '全年完成投资12亿元。', 20],
      ['一、主要工作 / （一）项目建设', '2.', 2, '招商引资成效明显。', '引进项目8个。', 16],
      ['一、主要工作 / （一）项目建设', null, null, null, '项目建设之外，还做了大量基础工作。', 17],
      ['一、主要工作 / （二）民生保障', '1.', 1, '就业稳定。', '新增就业1200人。', 15],
      ['二、存在问题', null, null, null, '一些工作还有差距。', 9],
    ]);
  });

  it('names sheet and columns in English with sheetLang: en', async () => {
    const workbook = await readWorkbook(await render(NESTED, { sheetLang: 'en' }));
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(['Items', 'Figures', 'About']);
    expect(rows(sheet(workbook, 'Items'))[0]).toEqual(['Section', 'Marker', 'Number', 'Title', 'Body', 'Characters']);
  });

  it('names sheets and columns in Traditional characters for a Taiwan or Hong Kong edition', async () => {
    for (const lang of ['zh-TW', 'zh-HK']) {
      const document = { ...report(NESTED), meta: { ...report(NESTED).meta, lang } };
      const workbook = await readWorkbook(await toXlsx(document, { sourceDateEpoch: 1_700_000_000 }));
      expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(['條目', '指標', '資訊']);
      expect(rows(sheet(workbook, '條目'))[0]).toEqual(['章節', '編號', '序號', '標題', '正文', '字數']);
    }
  });

  it('puts text before the first heading in a section continued from the previous page', async () => {
    const markdown = '(上接3版)\n\n3.工作有序推进。完成任务。\n\n## 一、下一步\n\n1.继续努力。争取更好成绩。';
    const zh = rows(sheet(await readWorkbook(await render(markdown)), '条目'));
    expect(zh[1]?.[0]).toBe('（上接3版）');
    expect(zh[2]?.[0]).toBe('一、下一步');
    const en = rows(sheet(await readWorkbook(await render(markdown, { sheetLang: 'en' })), 'Items'));
    expect(en[1]?.[0]).toBe('(continued from page 3)');
  });

  it('has a frozen header, an autofilter over its rows, wrapped text and estimated row heights', async () => {
    const bytes = await render(NESTED);
    const xml = sheetXml(bytes, '条目');
    expect(xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    expect(xml).toContain('<autoFilter ref="A1:F7"/>');
    const worksheet = sheet(await readWorkbook(bytes), '条目');
    expect(worksheet.getCell('E3').alignment?.wrapText).toBe(true);
    expect(worksheet.getCell('A1').font?.bold).toBe(true);
  });

  it('counts a CJK character as two in column widths and gives wrapped rows the lines they need', () => {
    const long = '这是一个很长的条目正文，'.repeat(20);
    const document = report(`## 一、测试\n\n1.标题。${long}\n\n2.短。短。`);
    const model = itemsSheet(walk(document, '').passages, labels('zh'));
    // The section column fits `一、测试` (4 characters, 8 units) with padding, within its minimum.
    expect(model.columns[0]).toBe(10);
    // 240 characters at 80 units less padding: 480 / 79 → 7 lines.
    const [, first, second] = [...model.rows];
    expect(first?.height).toBeCloseTo(7 * 15.5);
    expect(second?.height).toBeUndefined();
  });
});

describeCorpus('items sheet of the seed report', () => {
  it('has the 61 items with their sections, titles and bodies', { timeout: 30_000 }, async () => {
    const workbook = await readWorkbook(await render(readCorpus('seed', 'weifang-2023-departments.md')));
    const table = rows(sheet(workbook, '条目'));
    const items = table.slice(1).filter((row) => row[1] !== null);
    expect(items).toHaveLength(61);
    // Every row of the seed is an item: it has no loose paragraphs.
    expect(table).toHaveLength(62);

    const leading = items.filter((row) => row[0] === '（上接7版）');
    expect(leading.map((row) => row[1])).toEqual(['2.', '3.', '4.', '5.']);
    expect(items[0]).toEqual([
      '（上接7版）',
      '2.',
      2,
      '社保工作获全国全省现场观摩推广。',
      expect.stringMatching(/^强化数字赋能,246万名领取待遇人员.*惠及困难居民5\.99万人。$/),
      expect.any(Number),
    ]);
    const sections = [...new Set(items.map((row) => row[0]))];
    expect(sections).toHaveLength(14);
    expect(sections[1]).toBe('四十、市自然资源和规划局');
    expect(sections.at(-1)).toBe('五十二、市应急局');

    // The item broken over a page (`重污` / `染天数`) is one body.
    const joined = items.find((row) => row[3] === '“调治准合”大气环境治理经验做法获生态环境部和省政府领导批示肯定。');
    expect(joined?.[4]).toContain('重污染天数从2019年的18天降至2022年仅1天');
    // The same items, sections and titles as the parser's outline (whose sections nest; ours are paths).
    const { document, fixes } = structure(parse(readCorpus('seed', 'weifang-2023-departments.md')));
    const flat = (sections: OutlineSection[], path: string[]): (string | number | null)[][] =>
      sections.flatMap((section) => {
        const here = section.heading === null ? ['（上接7版）'] : [...path, section.heading];
        return [
          ...section.items.map((item) => [here.join(' / '), item.marker, item.number, item.title, item.text]),
          ...flat(section.sections, here),
        ];
      });
    expect(items.map((row) => row.slice(0, 5))).toEqual(flat(outline(document, fixes).sections, []));
    // The character count is of title and body, without whitespace.
    const first = items[0] as (string | number)[];
    expect(first[5]).toBe([...`${first[3]}${first[4]}`.replace(/\s/g, '')].length);
  });
});
