/**
 * Issue 19, item 3: every exporter reports what it could not render as written in one shape,
 * `{ code, message, line?, column? }`, and the DOCX and PDF exporters, given the same document,
 * report the same problems with the same codes at the same places.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DocxWarning, toDocx } from '@wenshu/export-docx';
import { type PdfWarning, toPdf } from '@wenshu/export-pdf';
import { toXlsx, type XlsxWarning } from '@wenshu/export-xlsx';
import { parse } from '@wenshu/parser';
import { afterAll, describe, expect, it } from 'vitest';

const baseDir = mkdtempSync(join(tmpdir(), 'wenshu-warnings-'));
afterAll(() => rmSync(baseDir, { recursive: true, force: true }));
writeFileSync(join(baseDir, 'damaged.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));

const markdown = [
  '# 报告', // 1
  '', // 2
  '正文，见图：![示意图](missing.png)', // 3
  '', // 4
  '上级目录的图![外](../outside.png)不读。', // 5
  '', // 6
  '坏图：![坏](damaged.png)', // 7
  '', // 8
  '![远程图](https://example.org/a.png)', // 9
  '',
].join('\n');

const SHAPE = new Set(['code', 'message', 'line', 'column']);

function shapeOf(warning: object): void {
  for (const key of Object.keys(warning)) expect(SHAPE.has(key), `unexpected field ${key}`).toBe(true);
}

describe('one warning shape in every exporter', () => {
  it('DOCX and PDF report the same codes at the same lines and columns', async () => {
    const docx: DocxWarning[] = [];
    const pdf: PdfWarning[] = [];
    await toDocx(parse(markdown), { baseDir, onWarning: (warning) => docx.push(warning) });
    await toPdf(parse(markdown), { baseDir, systemFonts: false, onWarning: (warning) => pdf.push(warning) });
    for (const warning of [...docx, ...pdf]) shapeOf(warning);
    const where = (warnings: (DocxWarning | PdfWarning)[]) =>
      warnings
        .filter((warning) => warning.line !== undefined)
        .map((warning) => `${warning.code}@${warning.line}:${warning.column}`)
        .sort();
    expect(where(docx)).toEqual(['image-damaged@7:4', 'image-missing@3:7', 'image-outside@5:7', 'image-remote@9:1']);
    expect(where(pdf)).toEqual(where(docx));
  });

  it('the workbook says where a table with clipped spans starts', async () => {
    const warnings: XlsxWarning[] = [];
    const table = '<table><tr><td>a</td><td rowspan="2">b</td></tr><tr><td colspan="3">c</td></tr></table>';
    await toXlsx(parse(`# 表格\n\n${table}\n`), { onWarning: (warning) => warnings.push(warning) });
    for (const warning of warnings) shapeOf(warning);
    expect(warnings.map((warning) => [warning.code, warning.line])).toEqual([['span-clipped', 3]]);
  });
});
