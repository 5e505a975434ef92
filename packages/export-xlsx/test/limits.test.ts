import type { Document, Table, TableCell, TableRow } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import { toXlsx, type XlsxWarning } from '../src/index.js';
import { EXCEL_LIMITS, textPieces, withinExcelLimits } from '../src/lib/excel-limits.js';
import { contextLength, MIN_CONTEXT, SENTENCE_CONTEXT, sentenceContext } from '../src/lib/figure-context.js';
import { documentFigures, figuresSheet } from '../src/lib/figures-sheet.js';
import { labels } from '../src/lib/labels.js';
import { lazyRows, type SheetModel, type SheetRow, text } from '../src/lib/model.js';
import { SheetNames } from '../src/lib/sheet-names.js';
import { walk } from '../src/lib/walk.js';
import { readWorkbook, render, rows, sheet } from './xlsx.js';

/** Every row a sheet model makes, as text values. */
function values(model: SheetModel): (string | number | null)[][] {
  return [...model.rows].map((row) => row.cells.map((cell) => cell?.value ?? null));
}

const small = { cellText: 5, columns: 4, rows: 4 };

describe('textPieces', () => {
  it('cuts text into pieces of at most the limit that join back to the text', () => {
    const source = 'abcdefghijklm';
    const pieces = textPieces(source, 5);
    expect(pieces).toEqual(['abcde', 'fghij', 'klm']);
    expect(pieces.join('')).toBe(source);
  });

  it('never leaves half a surrogate pair at the end of a piece', () => {
    const source = `abcd${'𠀀'.repeat(3)}`;
    const pieces = textPieces(source, 5);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(5);
      expect(piece).not.toMatch(/[\ud800-\udbff]$/);
    }
    expect(pieces.join('')).toBe(source);
  });
});

describe('withinExcelLimits on sheet models', () => {
  it('continues a long text in cells right of the widest row, with a warning naming the cell and line', () => {
    const warnings: XlsxWarning[] = [];
    const model: SheetModel = {
      name: 'S',
      columns: [10, 10],
      rows: [{ cells: [text('a'), text('b')] }, { cells: [text('x'), text('0123456789ABC')], line: 7 }],
      merges: [],
      frozenRows: 1,
    };
    const [out, ...more] = withinExcelLimits(model, new SheetNames(), (w) => warnings.push(w), { limits: small });
    expect(more).toEqual([]);
    expect(values(out as SheetModel)).toEqual([
      ['a', 'b'],
      ['x', '01234', '56789', 'ABC'],
    ]);
    expect(warnings).toEqual([
      {
        code: 'cell-text-continued',
        message: "S!B2: text of 13 characters is more than Excel's 5 a cell; it continues in C2–D2",
        line: 7,
      },
    ]);
  });

  it('continues a sheet wider than the limit on other sheets, merges clipped to each', () => {
    const warnings: XlsxWarning[] = [];
    const names = new SheetNames();
    names.reserve('T');
    const model: SheetModel = {
      name: 'T',
      columns: [1, 2, 3, 4, 5, 6],
      rows: [{ cells: ['a', 'b', 'c', 'd', 'e', 'f'].map((value) => text(value)) }],
      merges: [{ top: 1, left: 3, bottom: 1, right: 6 }],
      frozenRows: 0,
    };
    const parts = withinExcelLimits(model, names, (w) => warnings.push(w), { limits: small, line: 3 });
    expect(parts.map((part) => part.name)).toEqual(['T', 'T (2)']);
    expect(parts.map(values)).toEqual([[['a', 'b', 'c', 'd']], [['e', 'f']]]);
    expect(parts.map((part) => part.columns)).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
    expect(parts.map((part) => part.merges)).toEqual([
      [{ top: 1, left: 3, bottom: 1, right: 4 }],
      [{ top: 1, left: 1, bottom: 1, right: 2 }],
    ]);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['sheet-continued', 3]]);
    expect(warnings[0]?.message).toContain('"T (2)"');
  });

  it('continues a lazy sheet longer than the limit on other sheets, the header repeated, every row once', () => {
    const warnings: XlsxWarning[] = [];
    const body = Array.from({ length: 7 }, (_, index) => `r${index}`);
    const model: SheetModel = {
      name: 'L',
      columns: [10],
      rows: lazyRows(function* () {
        yield { cells: [text('head', 'header')] };
        for (const value of body) {
          yield { cells: [text(value)] } satisfies SheetRow;
        }
      }),
      rowCount: body.length + 1,
      merges: [],
      frozenRows: 1,
      autoFilter: { top: 1, left: 1, bottom: body.length + 1, right: 1 },
    };
    const parts = withinExcelLimits(model, new SheetNames(), (w) => warnings.push(w), { limits: small });
    expect(parts.map((part) => part.name)).toEqual(['L', 'L (2)', 'L (3)']);
    expect(parts.map(values)).toEqual([
      [['head'], ['r0'], ['r1'], ['r2']],
      [['head'], ['r3'], ['r4'], ['r5']],
      [['head'], ['r6']],
    ]);
    expect(parts.map((part) => part.autoFilter?.bottom)).toEqual([4, 4, 2]);
    // Without the row count the rows are counted by making them once: the same sheets.
    const counted = withinExcelLimits({ ...model, rowCount: undefined }, new SheetNames(), () => {}, { limits: small });
    expect(counted.map(values)).toEqual(parts.map(values));
    expect(warnings.map((w) => w.code)).toEqual(['sheet-continued']);
  });

  it("leaves a sheet within Excel's limits as it was", () => {
    const model: SheetModel = { name: 'A', columns: [1], rows: [{ cells: [text('a')] }], merges: [], frozenRows: 0 };
    const warnings: XlsxWarning[] = [];
    expect(withinExcelLimits(model, new SheetNames(), (w) => warnings.push(w))).toEqual([model]);
    expect(warnings).toEqual([]);
    expect(EXCEL_LIMITS).toEqual({ cellText: 32_767, columns: 16_384, rows: 1_048_576 });
  });
});

describe("Excel's limits in a workbook", () => {
  it('keeps every character of a paragraph longer than a cell holds, continued to the right', async () => {
    const warnings: XlsxWarning[] = [];
    const long = `${'长'.repeat(EXCEL_LIMITS.cellText * 2 + 10)}。`;
    const markdown = `# 标题\n\n前言。\n\n${long}\n`;
    const workbook = await readWorkbook(await render(markdown, { onWarning: (warning) => warnings.push(warning) }));
    const row = rows(sheet(workbook, '条目')).find((cells) => String(cells[4]).startsWith('长')) ?? [];
    const written = row.slice(4).filter((value) => typeof value === 'string' && value.startsWith('长'));
    expect(written.map((value) => String(value).length)).toEqual([EXCEL_LIMITS.cellText, EXCEL_LIMITS.cellText, 11]);
    expect(written.join('')).toBe(long);
    expect(warnings.map((warning) => [warning.code, warning.line])).toEqual([['cell-text-continued', 5]]);
    expect(warnings[0]?.message).toMatch(/^条目!E3: text of 65545 characters .* continues in G3–H3$/);
  });

  it('writes a table of 20,000 columns as two sheets instead of failing', async () => {
    // Made as a tree: Markdown reads a table line of more than 10,000 cells as text (too dense to parse),
    // but an HTML table or a converted document can be this wide.
    const columns = 20_000;
    const cell = (value: string, header: boolean): TableCell => ({
      type: 'tableCell',
      header,
      rowSpan: 1,
      colSpan: 1,
      children: [{ type: 'text', value }],
    });
    const row = (make: (index: number) => string, header: boolean): TableRow => ({
      type: 'tableRow',
      children: Array.from({ length: columns }, (_, i) => cell(make(i), header)),
    });
    const point = { line: 3, column: 1, offset: 10 };
    const table: Table = {
      type: 'table',
      align: [],
      headerRows: 1,
      children: [row((i) => `h${i}`, true), row((i) => String(i), false)],
      position: { start: point, end: point },
    };
    const document: Document = { type: 'document', version: 1, meta: {}, children: [table], footnotes: [] };
    const warnings: XlsxWarning[] = [];
    const bytes = await toXlsx(document, {
      sourceDateEpoch: 1_700_000_000,
      onWarning: (warning) => warnings.push(warning),
    });
    const workbook = await readWorkbook(bytes);
    const first = rows(sheet(workbook, '表1'));
    const second = rows(sheet(workbook, '表1 (2)'));
    expect(first[0]?.length).toBe(EXCEL_LIMITS.columns);
    expect([...(first[0] ?? []), ...(second[0] ?? [])]).toEqual(Array.from({ length: columns }, (_, i) => `h${i}`));
    expect([...(first[1] ?? []), ...(second[1] ?? [])]).toEqual(Array.from({ length: columns }, (_, i) => i));
    expect(warnings.map((warning) => [warning.code, warning.line])).toEqual([['sheet-continued', 3]]);
  }, 120_000);
});

describe('a figure in a sentence of megabytes', () => {
  it('is shown with the characters around it, cut where the sentence was cut', () => {
    const sentence = `${'甲'.repeat(5_000)}增长5%${'乙'.repeat(5_000)}`;
    const start = 5_002;
    const shown = sentenceContext({ sentence, start, end: start + 2 });
    expect(shown.length).toBe(SENTENCE_CONTEXT + 2);
    expect(shown.startsWith('…甲')).toBe(true);
    expect(shown.endsWith('乙…')).toBe(true);
    expect(shown).toContain('增长5%');
    expect(sentenceContext({ sentence: '增长5%。', start: 2, end: 4 })).toBe('增长5%。');
    // Near the start: nothing cut before it.
    expect(sentenceContext({ sentence, start: 0, end: 2 }).startsWith('甲')).toBe(true);
  });

  it('keeps the figures sheet of a line of thousands of figures small (the items sheet keeps the text)', async () => {
    const line = Array.from({ length: 1_000 }, (_, i) => `第${i}项增长${(i % 90) + 1}%`).join('，');
    const warnings: XlsxWarning[] = [];
    const workbook = await readWorkbook(await render(`${line}\n`, { onWarning: (warning) => warnings.push(warning) }));
    const figures = rows(sheet(workbook, '指标'));
    expect(figures.length).toBeGreaterThan(1_000);
    const longest = Math.max(...figures.map((row) => Math.max(...row.map((value) => String(value ?? '').length))));
    expect(longest).toBeLessThanOrEqual(SENTENCE_CONTEXT + 2);
    expect(warnings.filter((warning) => warning.message.startsWith('指标'))).toEqual([]);
  }, 60_000);

  it('shows the figures of a sentence of thousands of figures with a shared budget of context', () => {
    // 30,000 figures on one line of 380,000 characters: at 1,000 characters each, 30 million
    // characters of context (a line of 5 MB: 200 million, 1.7 GB); within a budget, 8 times the line.
    const line = Array.from({ length: 30_000 }, (_, i) => `第${i}项增长${(i % 90) + 1}%`).join('，');
    const document: Document = {
      type: 'document',
      version: 1,
      meta: {},
      children: [{ type: 'paragraph', children: [{ type: 'text', value: line }] }],
      footnotes: [],
    };
    const figures = documentFigures(walk(document, '').passages);
    expect(figures.length).toBe(30_000);
    let shown = 0;
    let shortest = Number.POSITIVE_INFINITY;
    let rowCount = 0;
    for (const row of figuresSheet(figures, labels('zh')).rows) {
      rowCount += 1;
      if (rowCount === 1) continue;
      const sentence = String(row.cells.at(-1)?.value ?? '');
      shown += sentence.length;
      shortest = Math.min(shortest, sentence.length);
    }
    expect(rowCount).toBe(figures.length + 1);
    expect(shown).toBeLessThanOrEqual(8 * line.length + (MIN_CONTEXT + 2) * figures.length);
    expect(shortest).toBeGreaterThanOrEqual(MIN_CONTEXT);
  });

  it('shows a sentence of up to 100 figures as before', () => {
    expect(contextLength(5_000, 100)).toBe(SENTENCE_CONTEXT);
    expect(contextLength(500, 1)).toBe(SENTENCE_CONTEXT);
    expect(contextLength(1_000_000, 200_000)).toBe(MIN_CONTEXT);
  });
});
