/**
 * A long table is written a row at a time (issue 17): its sheet rows are made while the sheet is
 * written, not held as one grid of cells, and the sheet XML is joined a batch of rows at a time (a
 * row's XML, made by concatenation, is a rope of dozens of pieces until it is read whole). Each run
 * in a child with a small heap: a V8 abort there fails the test.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = (path: string) => JSON.stringify(new URL(`../src/${path}`, import.meta.url).href);

/** Runs `script` (an ES module, TypeScript imports allowed) with a heap of `heapMb`; its output. */
function runWithHeap(script: string, heapMb: number): string {
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, '--import', 'tsx', '--input-type=module', '-e', script],
    { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) },
  );
  expect(child.stderr).not.toMatch(/heap out of memory/);
  expect(child.stderr).toBe('');
  return child.stdout.trim();
}

describe('a table of many rows', () => {
  it('is made a row at a time: 60,000 rows beside their tree in a heap of 100 MB', () => {
    // The tree alone is about 50 MB; the grid of cells with their texts, numbers and line widths took
    // about 150 MB more; made row by row, the table adds about 25 MB (where its cells are placed).
    const script = `
      const { tableSheet } = await import(${src('lib/table-sheets.ts')});
      const { SheetNames } = await import(${src('lib/sheet-names.ts')});
      const { labels } = await import(${src('lib/labels.ts')});
      const cell = (value, header = false) => ({ type: 'tableCell', header, rowSpan: 1, colSpan: 1, children: [{ type: 'text', value }] });
      const children = [{ type: 'tableRow', children: [cell('指标', true), cell('增速', true), cell('投资', true)] }];
      for (let i = 0; i < 60000; i++) children.push({ type: 'tableRow', children: [cell('项目' + i), cell(i + '.5%'), cell(i + '亿元')] });
      const table = { type: 'table', headerRows: 1, align: [], children };
      const { sheet } = tableSheet({ table, section: '', index: 1 }, new SheetNames(), labels('zh'));
      let count = 0;
      let last;
      for (const row of sheet.rows) { count++; last = row; }
      console.log(JSON.stringify([count, last.cells.map((c) => c.value)]));`;
    expect(JSON.parse(runWithHeap(script, 100))).toEqual([60_001, ['项目59999', 599.995, '59999亿元']]);
  }, 120_000);

  it('is written a batch of rows at a time: 100,000 rows of a sheet in a heap of 60 MB', () => {
    const script = `
      const { writeWorkbook } = await import(${src('lib/write.ts')});
      const { lazyRows, text } = await import(${src('lib/model.ts')});
      const rows = lazyRows(function* () {
        for (let i = 0; i < 100000; i++) yield { cells: [text('项目' + (i % 100)), text('说明'), { value: i, style: 'plain' }] };
      });
      const sheet = { name: 'S', columns: [10, 10, 10], rows, rowCount: 100000, merges: [], frozenRows: 0 };
      const parts = writeWorkbook([sheet], { date: new Date(0), language: 'zh-CN', onWarning: () => {} });
      console.log(parts.get('xl/worksheets/sheet1.xml').split('<row ').length - 1);`;
    expect(Number(runWithHeap(script, 60))).toBe(100_000);
  }, 120_000);
});
