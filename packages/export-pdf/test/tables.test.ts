/**
 * Real tables (MinerU output of ChinaXiv papers, `fixtures/tables/SOURCES.md`: 10–46 columns,
 * rowspan/colspan, ragged rows, cells of 300 characters) through both themes, read back from the
 * PDF: every cell's text present (and no more often than repeats allow), no word outside the text
 * block, no number, date or Latin word split across lines, the header on every page, and a warning
 * naming the table whenever it did not fit as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repeatedRows, type Table, tableGrid, toText } from '@wenshu/parser';
import { mmToPt, type PresetName, presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
import { doc } from './helpers.js';
import { writePdf } from './pdf.js';
import { checkTables, pdfWords } from './table-check.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'tables');
const files = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.md'))
  .sort();

/** What may come back more than once: the repeated header rows' text, and the first column's. */
function repeatsOf(table: Table) {
  const grid = tableGrid(table);
  const rows = repeatedRows(grid, table.headerRows);
  const header = grid.cells
    .filter((placed) => placed.row < rows)
    .map((placed) => toText(placed.cell))
    .join('');
  const firstColumn = grid.cells.filter((placed) => placed.column === 0).map((placed) => toText(placed.cell));
  // The header's first cell: it is in every part of a split table, and on every page of each.
  const corner = grid.positions[0]?.[0];
  return { all: header, first: rows > 0 && corner ? toText(corner.cell) : '', firstColumn, rows: 40 };
}

describe.each(['report', 'gov'] as PresetName[])('real tables, %s theme', (name) => {
  const theme = presetTheme(name);
  const margins: [number, number, number, number] = [
    mmToPt(theme.page.margin.leftMm),
    mmToPt(theme.page.margin.topMm),
    mmToPt(theme.page.margin.rightMm),
    mmToPt(theme.page.margin.bottomMm),
  ];

  it.each(files)('%s', async (file) => {
    const document = doc(readFileSync(join(FIXTURES, file), 'utf8'));
    const tables = document.children.filter((block): block is Table => block.type === 'table');
    expect(tables.length).toBe(1);
    const warnings: string[] = [];
    const bytes = await toPdf(document, { theme, onWarning: (w) => warnings.push(w.message) });
    const pages = pdfWords(writePdf(bytes, file.replace(/\.md$/, '')));
    const repeats = tables.map(repeatsOf);
    const report = checkTables(
      document,
      pages,
      margins,
      repeats.map((r) => ({ header: r.all, firstColumn: r.firstColumn, rows: r.rows })),
    );
    expect(report.missing, 'characters of the cells missing from the PDF').toEqual([]);
    expect(report.extra, 'characters more often in the PDF than in the cells and their repeats').toEqual([]);
    expect(report.outside, 'words outside the text block').toEqual([]);
    expect(report.split, 'tokens not whole in one word').toEqual([]);
    // The header's first cell at the top of every page (its characters: pdftotext reads a cell of
    // several lines interleaved with its neighbours).
    const header = (repeats[0]?.first ?? '').replace(/\s+/g, '');
    for (const [i, page] of pages.entries()) {
      const band = margins[1] + (page.height - margins[1] - margins[3]) * 0.3;
      const top = page.words
        .filter((w) => w.yMin < band && w.yMin > margins[1] - 2)
        .map((w) => w.text)
        .join('');
      if (!header || page.words.length <= 1) continue;
      for (const ch of header) expect(top, `page ${i + 1} repeats the header (${header})`).toContain(ch);
    }
    // A table set other than as it was is named in a warning (its first cell and source line).
    const landscape = pages.some((page) => page.width > page.height);
    if (landscape) expect(warnings.some((w) => /^table “.*” \(line \d+\): .*landscape/.test(w))).toBe(true);
  });
});

describe('a table set on a landscape page', () => {
  it('takes pages of its own and the text after it goes back to portrait, with no empty page', async () => {
    const table = readFileSync(join(FIXTURES, '201810.00226V1-t3.md'), 'utf8');
    const document = doc(`# 投资估算\n\n正文在表前。\n\n${table}\n\n正文在表后。\n`);
    const pages = pdfWords(writePdf(await toPdf(document, { theme: presetTheme('report') }), 'landscape'));
    const landscape = pages.map((page) => page.width > page.height);
    expect(landscape[0]).toBe(false);
    expect(landscape.at(-1)).toBe(false);
    expect(landscape.filter(Boolean).length).toBeGreaterThan(0);
    // Portrait, then landscape pages, then portrait: one turn each way.
    expect(
      landscape
        .join()
        .replace(/(true,)*true/, 'L')
        .replace(/(false,)*false/g, 'P'),
    ).toBe('P,L,P');
    const text = pages.map((page) => page.words.map((w) => w.text).join(''));
    expect(text[0]).toContain('正文在表前');
    expect(text.at(-1)).toContain('正文在表后');
    for (const [i, words] of pages.entries())
      expect(words.words.length, `page ${i + 1} is not empty`).toBeGreaterThan(1);
  });
});
