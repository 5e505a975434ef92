/**
 * The workbook writer (`write.ts`, plain strings, any platform) against the writer it replaced
 * (exceljs's streaming writer, `reference-writer.ts`): for the same sheets every part is the same
 * text, so the command's workbooks kept their bytes when the writer changed. Reports of every kind
 * the corpus holds, the project's fixtures, and made-up cases for what reports rarely have
 * (overlapping and covered spans, styled empty cells, `_x` text, control characters, white space,
 * number formats, rows of nothing but height).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusPath, fixturesDir, hasCorpus, listCorpus } from '@wenshu/test-corpus';
import { adversarialCases } from '@wenshu/test-corpus/adversarial';
import { toTraditional } from '@wenshu/zh';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SheetModel } from '../src/lib/model.js';
import { workbookModel } from '../src/lib/to-xlsx.js';
import { writeWorkbook } from '../src/lib/write.js';
import { referenceWorkbook } from './reference-writer.js';
import { report } from './xlsx.js';

const repo = resolve(import.meta.dirname, '../../..');

async function expectSameParts(sheets: SheetModel[], write: Parameters<typeof writeWorkbook>[1]): Promise<void> {
  const mine = writeWorkbook(sheets, write);
  const theirs = unzipSync(await referenceWorkbook(sheets, write));
  expect([...mine.keys()].sort()).toEqual(Object.keys(theirs).sort());
  for (const [name, xml] of mine) expect(xml, name).toBe(strFromU8(theirs[name] as Uint8Array));
}

async function expectSameWorkbook(markdown: string, traditional = false): Promise<void> {
  let doc = report(markdown);
  if (traditional) doc = toTraditional(doc, { variant: 'tw' });
  const { sheets, write } = workbookModel(doc, { sourceDateEpoch: 1_700_000_000, sourceFile: 'r.md', version: '1' });
  await expectSameParts(sheets, write);
}

const inputs: [string, () => string][] = [
  ['examples/report.md', () => readFileSync(join(repo, 'examples/report.md'), 'utf8')],
  ...readdirSync(join(import.meta.dirname, 'fixtures/figures'))
    .filter((name) => name.endsWith('.md'))
    .map((name): [string, () => string] => [
      `fixtures/figures/${name}`,
      () => readFileSync(join(import.meta.dirname, 'fixtures/figures', name), 'utf8'),
    ]),
  ['gongwen-notice.md', () => readFileSync(join(fixturesDir, 'gongwen-notice.md'), 'utf8')],
  ...(hasCorpus
    ? [
        ...listCorpus('seed', '.md').map((name): [string, () => string] => [
          `seed/${name}`,
          () => readFileSync(corpusPath('seed', name), 'utf8'),
        ]),
        ...[...listCorpus('reports', '.md'), ...listCorpus('reports', '.txt')].map((name): [string, () => string] => [
          `reports/${name}`,
          () => readFileSync(corpusPath('reports', name), 'utf8'),
        ]),
      ]
    : []),
  ...adversarialCases
    .filter((c) => c.extension === 'md')
    .map((c): [string, () => string] => [`adversarial ${c.name}`, () => c.make(20_000)]),
];

describe('the workbook writer writes what exceljs wrote', () => {
  it.each(inputs)(
    '%s',
    async (_name, read) => {
      await expectSameWorkbook(read());
    },
    60_000,
  );

  it('in a Traditional edition', async () => {
    await expectSameWorkbook(readFileSync(join(repo, 'examples/report.md'), 'utf8'), true);
  }, 60_000);

  it('for tables with spans, empty cells, odd text and number formats', async () => {
    const table = [
      '<table><tr><th colspan="2">甲乙</th><th>丙</th><th rowspan="3">丁</th></tr>',
      '<tr><td rowspan="2">1,234.5</td><td></td><td>12.5%</td></tr>',
      '<tr><td> 前后空白 </td><td>a_x0041_b &amp; &lt;c&gt; "q" \'s\'</td></tr>',
      '<tr><td>=SUM(A1)</td><td>1,000</td><td>0.5%</td><td>-3</td></tr></table>',
    ].join('');
    await expectSameWorkbook(`# 标题\n\n一、表格\n\n${table}\n\n| 甲 | 乙 |\n| --- | --- |\n|  | 2 |\n|  |  |\n`);
  }, 60_000);

  it('for sheets made directly: merges over written cells, heights on empty rows, no rows', async () => {
    const date = new Date(1_700_000_000_000);
    const sheets: SheetModel[] = [
      {
        name: 'A',
        columns: [9, 12, 12, 9, 30],
        rows: [
          {
            cells: [
              { value: 'x\u0001y\u007f', style: 'header' },
              null,
              { value: 3.25, style: 'plain', numFmt: '0.000' },
            ],
          },
          { cells: [null, { value: null, style: 'tableBody' }], height: 40 },
          { cells: [{ value: null, style: 'text' }], height: 22 },
          {
            cells: [
              { value: 'line\nbreak', style: 'tableHeader' },
              { value: 7, style: 'tableBody', numFmt: '#,##0' },
            ],
          },
          { cells: [] },
        ],
        merges: [
          { top: 1, left: 1, bottom: 2, right: 2 },
          { top: 3, left: 2, bottom: 4, right: 3 },
        ],
        frozenRows: 1,
        autoFilter: { top: 1, left: 1, bottom: 4, right: 3 },
      },
      { name: "B's", columns: [], rows: [], merges: [], frozenRows: 0 },
      {
        name: 'C',
        columns: [9, 9],
        rows: [
          { cells: [{ value: null, style: 'plain' }] },
          { cells: [{ value: -0.5, style: 'label', numFmt: '0.0%' }] },
        ],
        merges: [],
        frozenRows: 2,
      },
    ];
    await expectSameParts(sheets, { date, language: 'zh-TW', onWarning: () => {} });
    await expectSameParts(sheets.slice(1), { date, title: 'T & <t>', language: 'en', onWarning: () => {} });
  }, 60_000);
});
