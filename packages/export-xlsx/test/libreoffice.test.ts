/**
 * LibreOffice Calc opens the workbook, and what it reads is what exceljs reads. Needs `soffice`
 * (CI installs libreoffice-calc-nogui): without it this suite fails, it is not skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCorpus, readCorpus } from './corpus.js';
import { readWorkbook, render } from './xlsx.js';

/**
 * LibreOffice's CSV export options (7.2+): comma, double quote, UTF-8 (76), from line 1, no column
 * formats, default language, no quoting as text, detect numbers, raw values not as shown, no
 * formulas, keep spaces, and sheet -1: every sheet, each to `<name>-<sheet>.csv`.
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

function soffice(): string {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (!found) {
    throw new Error(
      'soffice not found: install LibreOffice Calc (apt-get install libreoffice-calc-nogui) to run this suite',
    );
  }
  return found;
}

const work = mkdtempSync(join(tmpdir(), 'wenshu-xlsx-lo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Converts a workbook to one CSV per sheet with its own LibreOffice profile; returns them by sheet name. */
function toCsv(bytes: Uint8Array, name: string): Map<string, string> {
  const dir = mkdtempSync(join(work, `${name}-`));
  const input = join(dir, `${name}.xlsx`);
  writeFileSync(input, bytes);
  // Two soffice processes sharing a profile fail silently: each gets its own.
  const profile = `file://${join(dir, 'profile')}`;
  execFileSync(
    soffice(),
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', dir, input],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const out = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    if (file.startsWith(`${name}-`) && file.endsWith('.csv')) {
      out.set(file.slice(name.length + 1, -4), readFileSync(join(dir, file), 'utf8'));
    }
  }
  return out;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** What a cell holds for comparison: the covered cells of a merge are empty, as LibreOffice writes them. */
function expected(cell: ExcelJS.Cell): string | number {
  if (cell.isMerged && cell.master !== cell) return '';
  const value = cell.value;
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? value : String(value);
}

/** LibreOffice's text of a number: `87.5%` is 0.875, `7,306.5` is 7306.5. */
function numberOf(text: string): number {
  const plain = text.replace(/,/g, '');
  return plain.endsWith('%') ? Number(plain.slice(0, -1)) / 100 : Number(plain);
}

function compare(worksheet: ExcelJS.Worksheet, csv: string): void {
  const table = parseCsv(csv);
  expect(table.length, worksheet.name).toBe(worksheet.rowCount);
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const line = table[r - 1] ?? [];
    for (let c = 1; c <= Math.max(worksheet.columnCount, line.length); c++) {
      const want = expected(worksheet.getRow(r).getCell(c));
      const got = line[c - 1] ?? '';
      const where = `${worksheet.name}!R${r}C${c}`;
      if (typeof want === 'number') expect(numberOf(got), where).toBeCloseTo(want, 9);
      else expect(got, where).toBe(want);
    }
  }
}

const TABLE = `

表9　主要指标

<table>
<thead>
<tr><th rowspan="2">指标</th><th colspan="2">2024年</th></tr>
<tr><th>数值</th><th>增长</th></tr>
</thead>
<tbody>
<tr><td>地区生产总值（亿元）</td><td>7,306.5</td><td>87.5%</td></tr>
<tr><td colspan="2">合计</td><td>—</td></tr>
</tbody>
</table>
`;

describe('LibreOffice Calc', () => {
  it('is installed', () => {
    expect(soffice()).toMatch(/soffice$/);
  });
});

describeCorpus('LibreOffice Calc reads the seed workbook as exceljs does', () => {
  it('opens every sheet, and each CSV matches the cells exceljs reads back', { timeout: 180_000 }, async () => {
    const bytes = await render(readCorpus('seed', 'weifang-2023-departments.md') + TABLE, { sourceFile: 'seed.md' });
    const workbook = await readWorkbook(bytes);
    const sheets = toCsv(bytes, 'seed');
    expect([...sheets.keys()].sort()).toEqual(workbook.worksheets.map((worksheet) => worksheet.name).sort());
    // The first sheet is the items sheet: the header and the items; the paragraph above the table
    // is the table's caption (the parser's tableCaptions pass), so it names the table's sheet
    // rather than standing among the passages.
    const items = parseCsv(sheets.get('条目') ?? '');
    expect(items[0]).toEqual(['章节', '编号', '序号', '标题', '正文', '字数']);
    expect(items.filter((row) => row[1] !== '')).toHaveLength(62);
    expect(items.some((row) => row[4] === '表9　主要指标')).toBe(false);
    expect(sheets.has('表9　主要指标')).toBe(true);
    for (const worksheet of workbook.worksheets) compare(worksheet, sheets.get(worksheet.name) ?? '');
  });
});
