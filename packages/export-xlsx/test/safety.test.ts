import { describe, expect, it } from 'vitest';
import { toXlsx } from '../src/index.js';
import { parts, readWorkbook, render, report, rows, sheet, sheetXml } from './xlsx.js';

const DANGEROUS = ['=1+1', '+SUM(A1:A2)', '-2+3', '@cmd', '=HYPERLINK("http://example.com","x")'];

describe('document text is never a formula', () => {
  it('writes text starting with = + - @ as strings, in items and tables', async () => {
    const markdown = [
      ...DANGEROUS.map((text) => `${text}\n`),
      '| 公式 | 数值 |',
      '|---|---|',
      ...DANGEROUS.map((text) => `| ${text} | 1 |`),
    ].join('\n');
    const bytes = await render(markdown);
    const xml = parts(bytes);
    for (const [name, part] of Object.entries(xml)) {
      if (name.startsWith('xl/worksheets/')) expect(part, name).not.toMatch(/<f[ >]/);
    }
    const shared = xml['xl/sharedStrings.xml'] ?? '';
    for (const text of DANGEROUS) expect(shared).toContain(`<t>${text.replace(/"/g, '&quot;')}</t>`);

    // Each of those cells is a shared string (t="s").
    const items = sheetXml(bytes, '条目');
    const bodies = [...items.matchAll(/<c r="E(\d+)"([^>]*)>/g)].filter((match) => match[1] !== '1');
    expect(bodies).toHaveLength(DANGEROUS.length);
    for (const match of bodies) expect(match[2]).toContain('t="s"');

    const workbook = await readWorkbook(bytes);
    expect(rows(sheet(workbook, '条目')).map((row) => row[4])).toEqual(['正文', ...DANGEROUS]);
    expect(rows(sheet(workbook, '表1')).map((row) => row[0])).toEqual(['公式', ...DANGEROUS]);
  });

  it('keeps a literal _xHHHH_ as written (it would otherwise be read as an escaped character)', async () => {
    const workbook = await readWorkbook(await render('文件名 report_x0041_final。'));
    expect(rows(sheet(workbook, '条目'))[1]?.[4]).toBe('文件名 report_x0041_final。');
  });
});

describe('reproducible output', () => {
  const markdown =
    '# 报告\n\n(上接2版)\n\n1.工作推进。完成投资12亿元，增长5%。\n\n| 指标 | 数值 |\n|---|---|\n| 收入 | 1,200.5 |';

  it('gives identical bytes for the same input and sourceDateEpoch', async () => {
    const [a, b] = [await render(markdown), await render(markdown)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = await render(markdown, { sourceDateEpoch: 1_800_000_000 });
    expect(Buffer.from(a).equals(Buffer.from(later))).toBe(false);
  });

  it('does not depend on the time zone', async () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      const east = await render(markdown);
      process.env.TZ = 'America/Los_Angeles';
      const west = await render(markdown);
      expect(Buffer.from(east).equals(Buffer.from(west))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('dates the workbook and its zip entries from sourceDateEpoch', async () => {
    const bytes = await render(markdown, { sourceDateEpoch: 1_700_000_000 });
    expect(parts(bytes)['docProps/core.xml']).toContain('2023-11-14T22:13:20Z');
    // The local file header's DOS time and date (offsets 10 and 12) of the first entry: 22:13:20 on 2023-11-14.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(10, true)).toBe((22 << 11) | (13 << 5) | (20 / 2));
    expect(view.getUint16(12, true)).toBe(((2023 - 1980) << 9) | (11 << 5) | 14);
    expect(Object.keys(parts(bytes)).slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
  });
});

describe('about sheet', () => {
  it('says what the workbook was made from and what is in it', async () => {
    const markdown =
      '# 某市报告\n\n(上接7版)\n\n1.工作推进。完成投资12亿元。\n\n2.成效明显。居全省第一。\n\n表1 指标\n\n| 指标 | 数值 |\n|---|---|\n| 收入 | 5 |\n\n(下转9版)';
    const bytes = await render(markdown, { sourceFile: 'report.md', version: '1.2.3', sourceDateEpoch: 1_700_000_000 });
    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.at(-1)?.name).toBe('信息');
    expect(rows(sheet(workbook, '信息'))).toEqual([
      ['标题', '某市报告'],
      ['源文件', 'report.md'],
      ['上接', '7'],
      ['下转', '9'],
      ['条目数', 2],
      ['表格数', 1],
      ['指标数', 2],
      ['字数', expect.any(Number)],
      ['wenshu 版本', '1.2.3'],
      ['生成时间', '2023-11-14T22:13:20Z'],
      [null, null],
      ['工作表', '表题'],
      ['表1 指标', '表1 指标'],
    ]);
  });

  it('uses the current time when no sourceDateEpoch is given', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const bytes = await toXlsx(report('正文。'), { sheetLang: 'en' });
    const after = Date.now();
    const generated = rows(sheet(await readWorkbook(bytes), 'About')).find((row) => row[0] === 'Generated')?.[1];
    const time = Date.parse(String(generated));
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(after);
  });
});

describe('formulas', () => {
  it('keep their TeX as text, never an Excel formula or a number', async () => {
    const markdown = [
      '均值 $= \\frac{1}{n}\\sum x_i$ 与 $=1+1$。',
      '',
      '| 指标 | 数值 |',
      '|---|---|',
      '| 拟合优度 | $0.98$ |',
      '| 差值 | $-1$ |',
      '| 样本 | 120 |',
      '',
      '| 公式 |',
      '|---|',
      '| $=SUM(A1:A2)$ |',
    ].join('\n');
    const bytes = await render(markdown);
    for (const [name, part] of Object.entries(parts(bytes))) {
      if (name.startsWith('xl/worksheets/')) expect(part, name).not.toMatch(/<f[ >]/);
    }
    const workbook = await readWorkbook(bytes);
    expect(rows(sheet(workbook, '条目'))[1]?.[4]).toBe('均值 = \\frac{1}{n}\\sum x_i 与 =1+1。');
    // Figures in TeX are formulas a reader typeset: their TeX, as strings (the column is then text).
    expect(rows(sheet(workbook, '表1')).map((row) => row[1])).toEqual(['数值', '0.98', '-1', '120']);
    expect(rows(sheet(workbook, '表2')).map((row) => row[0])).toEqual(['公式', '=SUM(A1:A2)']);
  });
});
