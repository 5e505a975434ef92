/**
 * The report as data: a workbook of its items, its figures, one sheet per table, and what it was
 * made from. Each sheet is built as plain data first (`*-sheet.ts`), then written (`write.ts`) and
 * packaged reproducibly (`package.ts`).
 */
import type { Document } from '@wenshu/parser';
import { exportWarning, toText } from '@wenshu/parser';
import { aboutSheet } from './about-sheet.js';
import { withinExcelLimits } from './excel-limits.js';
import { documentFigures, figuresSheet } from './figures-sheet.js';
import { itemPassages, itemsSheet } from './items-sheet.js';
import { labels } from './labels.js';
import type { SheetModel } from './model.js';
import type { ToXlsxOptions } from './options.js';
import { finishPackage } from './package.js';
import { SheetNames } from './sheet-names.js';
import { tableSheet } from './table-sheets.js';
import { characterCount } from './text-width.js';
import { walk } from './walk.js';
import { type WriteOptions, writeWorkbook } from './write.js';

/** The generation time: `sourceDateEpoch` (seconds) when given, else now to the second (as DOCX and PDF). */
function generationDate(options: ToXlsxOptions): Date {
  return new Date((options.sourceDateEpoch ?? Math.floor(Date.now() / 1000)) * 1000);
}

/**
 * The workbook as data: the items sheet first, then the figures, one sheet per table, and the about
 * sheet; with what `write.ts` needs besides.
 */
export function workbookModel(
  doc: Document,
  options: ToXlsxOptions = {},
): { sheets: SheetModel[]; write: WriteOptions } {
  const words = labels(options.sheetLang, doc.meta.lang);
  const onWarning = options.onWarning ?? (() => {});
  const date = generationDate(options);
  const leading = doc.meta.continuedFrom === undefined ? '' : words.continuedFrom(doc.meta.continuedFrom);
  const { passages, tables } = walk(doc, leading);

  const names = new SheetNames();
  for (const name of Object.values(words.sheets)) names.reserve(name);
  const tableSheets = tables.map((entry) => {
    const result = tableSheet(entry, names, words);
    if (result.clipped > 0) {
      onWarning(
        exportWarning(
          'span-clipped',
          `${result.sheet.name}: ${result.clipped} cell span(s) overlap or run past the table and were cut`,
          entry.table.position,
        ),
      );
    }
    // A table wider or longer than Excel allows continues on sheets of its own, each listed below.
    const line = entry.table.position?.start.line;
    const parts = withinExcelLimits(result.sheet, names, onWarning, line === undefined ? {} : { line });
    return { ...result, parts };
  });
  const figures = documentFigures(passages);

  const about = aboutSheet(
    {
      document: doc,
      sourceFile: options.sourceFile,
      version: options.version,
      generated: date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      items: itemPassages(passages).filter((passage) => passage.kind === 'item').length,
      figures: figures.length,
      characters: characterCount(toText(doc)),
      tables: tableSheets.flatMap(({ parts, caption }) => parts.map((part) => ({ sheet: part.name, caption }))),
    },
    words,
  );
  const sheets = [
    ...withinExcelLimits(itemsSheet(passages, words), names, onWarning),
    ...withinExcelLimits(figuresSheet(figures, words), names, onWarning),
    ...tableSheets.flatMap(({ parts }) => parts),
    about,
  ];
  // Title and language in docProps/core.xml, as the DOCX and PDF carry them.
  const meta = { ...(doc.meta.title ? { title: doc.meta.title } : {}), language: doc.meta.lang ?? 'zh-CN' };
  return { sheets, write: { date, onWarning, ...meta } };
}

/**
 * Renders a structured report (`structure(parse(markdown)).document`) as an .xlsx workbook. Same
 * document, options and `sourceDateEpoch` → the same bytes.
 */
export async function toXlsx(doc: Document, options: ToXlsxOptions = {}): Promise<Uint8Array> {
  const { sheets, write } = workbookModel(doc, options);
  return finishPackage(writeWorkbook(sheets, write), write.date);
}
