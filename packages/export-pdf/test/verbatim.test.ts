/**
 * A code block wider than the page (a table that `pdftotext -layout` set out with spaces) is set
 * smaller so that each of its lines stays one line, read back from the PDF.
 */
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
import { doc } from './helpers.js';
import { pdfLines, writePdf } from './pdf.js';

describe('verbatim blocks', () => {
  it('keep every laid-out line on one line, inside the text block', async () => {
    const rows = [
      `信息内容${' '.repeat(30)}本年制发件数${' '.repeat(30)}本年废止件数${' '.repeat(20)}现行有效件数`,
      `规章${' '.repeat(40)}1${' '.repeat(40)}0${' '.repeat(30)}11`,
      `行政规范性文件${' '.repeat(34)}8${' '.repeat(39)}26${' '.repeat(30)}66`,
    ];
    const document = doc(`\`\`\`text\n${rows.join('\n')}\n\`\`\``);
    const { lines, pageWidth } = pdfLines(
      writePdf(await toPdf(document, { theme: presetTheme('report') }), 'verbatim'),
    );
    // pdftotext reads the wide gaps as columns: group its pieces by the baseline they sit on.
    const body = lines.filter((line) => line.yMin < 700);
    const rowsRead = new Map<number, string[]>();
    for (const line of body)
      rowsRead.set(Math.round(line.yMin), [...(rowsRead.get(Math.round(line.yMin)) ?? []), line.text]);
    expect([...rowsRead.values()]).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '1', '0', '11'],
      ['行政规范性文件', '8', '26', '66'],
    ]);
    // Within the right margin (25 mm or more): nothing wrapped or ran off the page.
    for (const line of body) expect(line.xMax).toBeLessThan(pageWidth - 70);
  });
});
