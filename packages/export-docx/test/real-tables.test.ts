/**
 * The real tables of `packages/export-pdf/test/fixtures/tables` (MinerU output of ChinaXiv papers,
 * sources and licence in its SOURCES.md) in Word: the grid of every table fits its section's text
 * width (`w:tblW` = the sum of `w:gridCol`), the layout is fixed, rows do not split, the first row
 * repeats, and a table too wide for a portrait page is in a landscape section. The widest ones are
 * opened in LibreOffice and read back: no word outside the text block, every number whole.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Table, tableGrid, toText, unbreakableSpans } from '@wenshu/parser';
import { pdfWords } from '@wenshu/test-corpus/pdf-words';
import { mmToPt, type PresetName, presetTheme } from '@wenshu/theme';
import { afterAll, describe, expect, it } from 'vitest';
import { descendants, element, elements, md, must, render } from './docx.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'export-pdf', 'test', 'fixtures', 'tables');
const files = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.md'))
  .sort();

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

describe.each(['report', 'gov'] as PresetName[])('real tables in Word, %s theme', (name) => {
  const theme = presetTheme(name);
  const { widthMm, heightMm, margin } = theme.page;
  const portrait = twips(widthMm) - twips(margin.leftMm) - twips(margin.rightMm);
  const landscape = twips(heightMm) - twips(margin.leftMm) - twips(margin.rightMm);

  it.each(files)('%s', async (file) => {
    const out = await render(md(readFileSync(join(FIXTURES, file), 'utf8')), { theme });
    const body = must(element(out.xml('word/document.xml'), 'w:body'));
    const tables = descendants(body, 'w:tbl');
    expect(tables.length).toBeGreaterThan(0);
    const landscapeSection = descendants(body, 'w:pgSz').some((size) => size.attributes['w:orient'] === 'landscape');
    for (const tbl of tables) {
      const grid = elements(must(element(tbl, 'w:tblGrid')), 'w:gridCol').map((g) => Number(g.attributes['w:w']));
      const tblPr = must(element(tbl, 'w:tblPr'));
      const width = Number(element(tblPr, 'w:tblW')?.attributes['w:w']);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(width);
      expect(width).toBeLessThanOrEqual(landscapeSection ? landscape : portrait);
      expect(element(tblPr, 'w:tblLayout')?.attributes['w:type']).toBe('fixed');
      const rows = elements(tbl, 'w:tr');
      for (const tr of rows) expect(descendants(tr, 'w:cantSplit')).toHaveLength(1);
      if (rows.length > 3) expect(descendants(must(rows[0]), 'w:tblHeader')).toHaveLength(1);
    }
    // A landscape section is always announced, with the table's first cell and line.
    if (landscapeSection)
      expect(out.warnings.some((w) => w.code === 'table-fit' && /landscape/.test(w.message))).toBe(true);
  });
});

function soffice(): string {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (!found)
    throw new Error('soffice not found: install LibreOffice Writer (libreoffice-writer-nogui) to run this suite');
  return found;
}

const work = mkdtempSync(join(tmpdir(), 'wenshu-docx-tables-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The DOCX as LibreOffice lays it out: words with their boxes, per page. */
function throughLibreOffice(bytes: Uint8Array, name: string) {
  const dir = mkdtempSync(join(work, `${name}-`));
  const input = join(dir, `${name}.docx`);
  writeFileSync(input, bytes);
  const profile = `file://${join(dir, 'profile')}`;
  execFileSync(
    soffice(),
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
    {
      stdio: 'pipe',
      timeout: 180_000,
    },
  );
  return pdfWords(join(dir, `${name}.pdf`));
}

describe('the widest real tables through LibreOffice', () => {
  const theme = presetTheme('report');
  const left = mmToPt(theme.page.margin.leftMm);
  const right = mmToPt(theme.page.margin.rightMm);

  it.each(['201802.00024V1-t5.md', '201810.00226V1-t3.md', '201801.00233V1-t1.md'])(
    '%s',
    { timeout: 120_000 },
    async (file) => {
      const document = md(readFileSync(join(FIXTURES, file), 'utf8'));
      const out = await render(document, { theme });
      const pages = throughLibreOffice(out.bytes, file.replace(/\.md$/, ''));
      const outside = pages.flatMap((page, i) =>
        page.words
          .filter((w) => w.xMin < left - 1 || w.xMax > page.width - right + 1)
          .map((w) => `page ${i + 1}: ${w.text} [${w.xMin}–${w.xMax}]`),
      );
      expect(outside).toEqual([]);
      const words = pages.flatMap((page) => page.words.map((w) => w.text));
      const table = document.children.find((block): block is Table => block.type === 'table');
      // Word and LibreOffice break after a hyphen, so a range (`8-10`) may end a line at `8-`; its
      // two numbers must each stay whole (the PDF keeps the range whole).
      const tokens = tableGrid(must(table)).cells.flatMap((placed) => {
        const text = toText(placed.cell);
        return unbreakableSpans(text).flatMap(([a, b]) => text.slice(a, b).split(/(?<=-)/));
      });
      expect(tokens.length).toBeGreaterThan(0);
      expect(tokens.filter((token) => !words.some((word) => word.includes(token)))).toEqual([]);
    },
  );
});

describe('a table in a landscape section', () => {
  it('is a section of its own between portrait sections with the same margins and page numbers', async () => {
    const table = readFileSync(join(FIXTURES, '201810.00226V1-t3.md'), 'utf8');
    const out = await render(md(`# 投资估算\n\n正文在表前。\n\n${table}\n\n正文在表后。\n`));
    const body = must(element(out.xml('word/document.xml'), 'w:body'));
    const sections = descendants(body, 'w:sectPr');
    const orientations = sections.map((s) => must(element(s, 'w:pgSz')).attributes['w:orient'] ?? 'portrait');
    expect(orientations).toEqual(['portrait', 'landscape', 'portrait']);
    const margins = sections.map((s) => must(element(s, 'w:pgMar')).attributes['w:left']);
    expect(new Set(margins).size).toBe(1);
    for (const s of sections) expect(descendants(s, 'w:footerReference').length).toBeGreaterThan(0);
  });
});
