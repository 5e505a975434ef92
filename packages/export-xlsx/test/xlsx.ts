/**
 * Test helpers: Markdown → structured document, and ways to read a workbook back as a reader
 * would (exceljs's in-memory reader, the raw XML parts).
 */
import { type Document, parse, structure } from '@wenshu/parser';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { type ToXlsxOptions, toXlsx } from '../src/index.js';

/** A report as the CLI would hand it over: parsed and structured. */
export function report(markdown: string): Document {
  return structure(parse(markdown)).document;
}

export async function render(markdown: string, options: ToXlsxOptions = {}): Promise<Uint8Array> {
  return toXlsx(report(markdown), { sourceDateEpoch: 1_700_000_000, ...options });
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's load() wants an ArrayBuffer-backed Buffer.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}; sheets: ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  return found;
}

/** The values of a sheet's rows (1-based columns dropped to 0-based), empty cells as `null`. */
export function rows(worksheet: ExcelJS.Worksheet): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const values: (string | number | null)[] = [];
    for (let c = 1; c <= worksheet.columnCount; c++) {
      const value = row.getCell(c).value;
      values.push(value === undefined || value === null ? null : (value as string | number));
    }
    out.push(values);
  }
  return out;
}

/** The XML parts of a package, by name. */
export function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** The worksheet part of the sheet named `name` (following workbook.xml and its relationships). */
export function sheetXml(bytes: Uint8Array, name: string): string {
  const xml = parts(bytes);
  const workbook = xml['xl/workbook.xml'] ?? '';
  const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const id = new RegExp(`<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(
    workbook,
  )?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(xml['xl/_rels/workbook.xml.rels'] ?? '')?.[1];
  const part = xml[`xl/${target}`];
  if (!id || !target || part === undefined) throw new Error(`no worksheet part for ${name}`);
  return part;
}
