/**
 * The workbook writer this package used before it wrote its own XML: exceljs 4.4.0's streaming
 * writer, kept (for Node, in tests only) as the reference the new writer is held to, part for part.
 */

import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, CellStyle, SheetModel } from '../src/lib/model.js';
import type { XlsxWarning } from '../src/lib/options.js';
import type { WriteOptions } from '../src/lib/write.js';

const MAX_CELL_TEXT = 32_767;

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const fill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };

const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  header: { font: { bold: true }, fill, alignment: { vertical: 'middle', wrapText: true } },
  text: { alignment: { vertical: 'top', wrapText: true } },
  plain: { alignment: { vertical: 'top' } },
  tableHeader: {
    font: { bold: true },
    fill,
    border,
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  },
  tableBody: { border, alignment: { vertical: 'top', wrapText: true } },
  label: { font: { bold: true }, alignment: { vertical: 'top' } },
};

/** Styles that show on an empty cell. */
const DRAWN = new Set<CellStyle>(['header', 'tableHeader', 'tableBody']);

/** One style object per (style, number format), so exceljs sees the same few styles again and again. */
function styleCache(): (cell: Cell) => Partial<ExcelJS.Style> {
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  return (cell) => {
    const key = `${cell.style}\u0000${cell.numFmt ?? ''}`;
    let style = cache.get(key);
    if (!style) {
      style = cell.numFmt === undefined ? STYLES[cell.style] : { ...STYLES[cell.style], numFmt: cell.numFmt };
      cache.set(key, style);
    }
    return style;
  };
}

/**
 * Text as a cell can hold it. SpreadsheetML reads `_xHHHH_` in a string as an escaped character
 * (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), so a literal one is written with its underscore escaped
 * (`_x005F_`); exceljs does not do this. Past Excel's 32,767 characters the text is cut.
 */
function cellText(value: string, where: () => string, onWarning: (warning: XlsxWarning) => void): string {
  if (value.length <= MAX_CELL_TEXT && !value.includes('_x')) return value;
  let text = value;
  if (text.length > MAX_CELL_TEXT) {
    onWarning({
      code: 'cell-text-cut',
      message: `${where()}: text of ${text.length} characters cut to Excel's ${MAX_CELL_TEXT}`,
    });
    text = text.slice(0, MAX_CELL_TEXT);
    // Do not leave half a surrogate pair.
    if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
  }
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

export async function referenceWorkbook(sheets: readonly SheetModel[], options: WriteOptions): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
    zip: { store: true },
  });
  workbook.creator = 'wenshu';
  workbook.lastModifiedBy = 'wenshu';
  workbook.created = options.date;
  workbook.modified = options.date;
  if (options.title) workbook.title = options.title;
  // exceljs's types leave `language` out of the streaming writer, though its core.xml writer
  // (xlsx/xform/core/core-xform.js) reads it from the workbook like `title`.
  (workbook as { language?: string }).language = options.language;
  const styleOf = styleCache();

  for (const sheet of sheets) {
    // The streaming writer writes the sheet view when the sheet is created: the frozen pane must be
    // given here, not set later.
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: sheet.frozenRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows }] : [],
      // Printed, a sheet is one page wide (landscape), as many pages long as it takes; the header
      // rows repeat on every page.
      pageSetup: {
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        ...(sheet.frozenRows > 0 ? { printTitlesRow: `1:${sheet.frozenRows}` } : {}),
      },
    });
    worksheet.columns = sheet.columns.map((width) => ({ width }));
    if (sheet.autoFilter) {
      const { top, left, bottom, right } = sheet.autoFilter;
      worksheet.autoFilter = { from: { row: top, column: left }, to: { row: bottom, column: right } };
    }
    // Merging needs the rows it covers uncommitted; sheets without merges commit row by row.
    const commitRows = sheet.merges.length === 0;
    let number = 0;
    for (const model of sheet.rows) {
      number += 1;
      const row = worksheet.getRow(number);
      if (model.height !== undefined) row.height = model.height;
      model.cells.forEach((cell, column) => {
        // An empty cell without borders or fill looks the same written or not; not writing it keeps
        // the sheet XML of a large report smaller.
        if (!cell || ((cell.value === null || cell.value === '') && !DRAWN.has(cell.style))) return;
        const target = row.getCell(column + 1);
        // An empty string would be written as an empty shared string: a blank cell says the same.
        const value = cell.value === '' ? null : cell.value;
        target.value =
          typeof value === 'string'
            ? cellText(value, () => `${sheet.name}!R${row.number}C${column + 1}`, options.onWarning)
            : value;
        target.style = styleOf(cell);
      });
      if (commitRows) row.commit();
    }
    for (const { top, left, bottom, right } of sheet.merges) worksheet.mergeCells(top, left, bottom, right);
    worksheet.commit();
  }
  await workbook.commit();
  return Buffer.concat(chunks);
}
