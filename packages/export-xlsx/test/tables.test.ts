import type { Table, TableCell } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import type { XlsxWarning } from '../src/index.js';
import { labels } from '../src/lib/labels.js';
import { parseCellNumber } from '../src/lib/numbers.js';
import { SheetNames, sanitizeSheetName } from '../src/lib/sheet-names.js';
import { tableSheet } from '../src/lib/table-sheets.js';
import { readWorkbook, render, rows, sheet, sheetXml } from './xlsx.js';

const SPANS = `## 一、指标

<table>
<caption>表1　2024年主要经济指标</caption>
<thead>
<tr><th rowspan="2">指标</th><th colspan="2">2024年</th><th rowspan="2">备注</th></tr>
<tr><th>数值</th><th>增长</th></tr>
</thead>
<tbody>
<tr><td>地区生产总值（亿元）</td><td>7,306.5</td><td>87.5%</td><td rowspan="2">初步核算</td></tr>
<tr><td>一般公共预算收入（亿元）</td><td>１２３</td><td>-0.2</td></tr>
<tr><td colspan="2">合计</td><td>—</td><td></td></tr>
</tbody>
</table>
`;

function cell(text: string, rowSpan = 1, colSpan = 1, header = false): TableCell {
  return { type: 'tableCell', header, rowSpan, colSpan, children: [{ type: 'text', value: text }] };
}

function table(cells: TableCell[][], headerRows = 1): Table {
  return {
    type: 'table',
    align: [],
    headerRows,
    children: cells.map((children) => ({ type: 'tableRow', children })),
  };
}

describe('table sheets', () => {
  it('merge the cells of an HTML table with rowspan and colspan over the right ranges', async () => {
    const bytes = await render(SPANS);
    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      '条目',
      '指标',
      '表1　2024年主要经济指标',
      '信息',
    ]);
    const xml = sheetXml(bytes, '表1　2024年主要经济指标');
    const merges = [...xml.matchAll(/<mergeCell ref="([A-Z0-9:]+)"\/>/g)].map((match) => match[1]).sort();
    expect(merges).toEqual(['A1:A2', 'A5:B5', 'B1:C1', 'D1:D2', 'D3:D4']);
    expect(rows(sheet(workbook, '表1　2024年主要经济指标'))).toEqual([
      ['指标', '2024年', '2024年', '备注'],
      ['指标', '数值', '增长', '备注'],
      ['地区生产总值（亿元）', 7306.5, 0.875, '初步核算'],
      ['一般公共预算收入（亿元）', 123, -0.2, '初步核算'],
      ['合计', '合计', null, null],
    ]);
  });

  it('make numeric cells numbers with formats that show them as written', async () => {
    const worksheet = sheet(await readWorkbook(await render(SPANS)), '表1　2024年主要经济指标');
    expect(worksheet.getCell('B3').numFmt).toBe('#,##0.0');
    expect(worksheet.getCell('C3').numFmt).toBe('0.0%');
    expect(worksheet.getCell('B4').numFmt).toBe('#,##0');
    expect(worksheet.getCell('C4').numFmt).toBe('#,##0.0');
    expect(worksheet.getCell('A1').font?.bold).toBe(true);
    expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('give rows the height a long merged cell needs to show every line', () => {
    const long =
      '本表数据来源于各地统计公报，其中部分指标为初步核算数，最终数据以国家统计局公布为准，增长速度按可比价格计算。';
    const model = tableSheet(
      {
        table: table([
          [cell('指标'), cell('数值'), cell('增长')],
          [cell('地区生产总值'), cell('7306.5'), cell('5.1%')],
          [cell(long, 1, 3)],
        ]),
        section: '',
        index: 1,
      },
      new SheetNames(),
      labels('zh'),
    ).sheet;
    const width = model.columns.reduce((a, b) => a + b, 0);
    const lines = Math.ceil((2 * [...long].length) / (width - 1));
    expect(lines).toBeGreaterThan(1);
    const rows = [...model.rows];
    expect(rows[2]?.height).toBeGreaterThanOrEqual(lines * 15.5);
    expect(rows[1]?.height).toBeUndefined();
  });

  it('keep a column text when one cell in it is not a number, or it holds codes or years', () => {
    const model = tableSheet(
      {
        table: table([
          [cell('年份'), cell('编号'), cell('电话'), cell('数量'), cell('金额')],
          [cell('2019'), cell('001'), cell('13812345678'), cell('12'), cell('1,200')],
          [cell('2020'), cell('002'), cell('13912345678'), cell('约30'), cell('—')],
        ]),
        section: '',
        index: 1,
      },
      new SheetNames(),
      labels('zh'),
    ).sheet;
    expect([...model.rows].map((row) => row.cells.map((c) => c?.value))).toEqual([
      ['年份', '编号', '电话', '数量', '金额'],
      ['2019', '001', '13812345678', '12', 1200],
      ['2020', '002', '13912345678', '约30', null],
    ]);
  });

  it('warn when overlapping spans had to be clipped', async () => {
    const warnings: XlsxWarning[] = [];
    const html = '<table><tr><td>a</td><td rowspan="2">b</td></tr><tr><td colspan="3">c</td></tr></table>';
    const bytes = await render(html, { onWarning: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([
      {
        code: 'span-clipped',
        message: '表1: 1 cell span(s) overlap or run past the table and were cut',
        line: 1,
        column: 1,
      },
    ]);
    expect(sheetXml(bytes, '表1')).toContain('<mergeCell ref="B1:B2"/>');
  });

  it('are named from a caption paragraph before the table, else 表N, within Excel’s rules', async () => {
    const markdown = [
      '表2 主要指标：完成情况/对比[初步]',
      '',
      '| 指标 | 数值 |',
      '|---|---|',
      '| 收入 | 12.5 |',
      '',
      '正文段落。',
      '',
      '| 甲 | 乙 |',
      '|---|---|',
      '| 1 | 2 |',
    ].join('\n');
    const workbook = await readWorkbook(await render(markdown, { sheetLang: 'en' }));
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      'Items',
      'Figures',
      '表2 主要指标：完成情况／对比［初步］',
      'Table 2',
      'About',
    ]);
  });
});

describe('cell numbers', () => {
  it.each([
    ['7,306.5', 7306.5, '#,##0.0'],
    ['87.5%', 0.875, '0.0%'],
    ['64.4%', 0.644, '0.0%'],
    ['5%', 0.05, '0%'],
    ['-0.2', -0.2, '#,##0.0'],
    ['－3', -3, '#,##0'],
    ['−1.25', -1.25, '#,##0.00'],
    ['１２３', 123, '#,##0'],
    ['９４０．２', 940.2, '#,##0.0'],
    ['+6.1', 6.1, '#,##0.0'],
    [' 42 ', 42, '#,##0'],
    ['0', 0, '#,##0'],
    ['0.5', 0.5, '#,##0.0'],
  ])('reads %s as %d with format %s', (text, value, numFmt) => {
    expect(parseCellNumber(text)).toEqual({ kind: 'number', value, numFmt });
  });

  it.each(['', '—', '——', '-', '–', '－', '…'])('reads %j as no figure', (text) => {
    expect(parseCellNumber(text)).toEqual({ kind: 'empty' });
  });

  it.each(['001', '0532', '13812345678', '370102199001011234', '1234567890123456'])(
    'reads %s as an identifier, not an amount',
    (text) => {
      expect(parseCellNumber(text)).toEqual({ kind: 'identifier' });
    },
  );

  it.each(['约30', '12亿元', '1,2', '3-5', '2023年', 'N/A'])('reads %s as text', (text) => {
    expect(parseCellNumber(text)).toEqual({ kind: 'text' });
  });
});

describe('sheet names', () => {
  it('replace forbidden characters, cut at 31 characters and never end in an apostrophe', () => {
    expect(sanitizeSheetName('a[b]c:d*e?f/g\\h')).toBe('a［b］c：d＊e？f／g＼h');
    expect(sanitizeSheetName("'引用'")).toBe('引用');
    const long = sanitizeSheetName('表3　2024年全市各县市区主要经济社会发展指标完成情况统计表（初步核算数）');
    expect(long.length).toBe(31);
    expect(sanitizeSheetName('𠀀'.repeat(20)).length).toBe(30);
  });

  it('are unique ignoring case, and never History', () => {
    const names = new SheetNames();
    names.reserve('条目');
    expect(names.unique('条目', '表1')).toBe('条目 (2)');
    expect(names.unique('History', '表2')).toBe('History (2)');
    expect(names.unique('Data', '表3')).toBe('Data');
    expect(names.unique('DATA', '表4')).toBe('DATA (2)');
    expect(names.unique('', '表5')).toBe('表5');
    const long = 'x'.repeat(40);
    expect(names.unique(long, '')).toBe('x'.repeat(31));
    expect(names.unique(long, '')).toBe(`${'x'.repeat(27)} (2)`);
  });
});
