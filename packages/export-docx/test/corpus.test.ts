import { parse, structure, toText } from '@wenshu/parser';
import { loadTheme } from '@wenshu/theme';
import { expect, it } from 'vitest';
import { parseXml } from '../src/lib/xml.js';
import { describeCorpus, readCorpus } from './corpus.js';
import {
  bodyBlocks,
  descendants,
  element,
  elements,
  must,
  paragraphText,
  pStyle,
  render,
  rStyle,
  runs,
  textOf,
} from './docx.js';

describeCorpus('the seed report', () => {
  const seed = structure(parse(readCorpus('seed', 'weifang-2023-departments.md'))).document;
  const items = seed.children.filter((b) => b.type === 'item');
  const headings = seed.children.filter((b) => b.type === 'heading');

  for (const theme of ['report', 'gov'] as const) {
    it(`renders with ${theme}: title once, every heading and item, no warnings, well-formed`, async () => {
      const out = await render(seed, { theme: loadTheme(theme), sourceDateEpoch: 1_700_000_000 });
      expect(out.warnings).toEqual([]);
      for (const name of Object.keys(out.files).filter((n) => /\.(xml|rels)$/.test(n))) {
        expect(() => parseXml(out.text(name)), name).not.toThrow();
      }
      const blocks = bodyBlocks(out);
      const styles = blocks.map((b) => pStyle(b));
      expect(styles.filter((s) => s === 'Title')).toHaveLength(1);
      expect(paragraphText(must(blocks[0]))).toBe(seed.meta.title);
      expect(styles.filter((s) => s?.startsWith('Heading'))).toHaveLength(headings.length - 1);
      expect(styles.filter((s) => s === 'Heading1')).toHaveLength(headings.length - 1);

      const runIn = blocks.filter((b) => runs(b).some((r) => rStyle(r) === 'RunInTitle'));
      expect(runIn).toHaveLength(items.filter((i) => i.type === 'item' && i.title).length);
      expect(items.length).toBe(61);

      // All the text is there, in order.
      const written = blocks.map(paragraphText).join('');
      const source = seed.children.map((b) => toText(b)).join('');
      expect(written.replace(/\s/g, '')).toBe(source.replace(/\s/g, ''));

      // PM2.5 keeps its subscript.
      const sub = descendants(out.xml('word/document.xml'), 'w:vertAlign').filter(
        (v) => v.attributes['w:val'] === 'subscript',
      );
      expect(sub.length).toBeGreaterThan(0);
    });
  }
});

describeCorpus('an OCR paper with HTML tables and missing pictures', () => {
  it('merges the table cells and warns about each missing picture', async () => {
    const paper = structure(parse(readCorpus('reports', 'chinaxiv-201711.02407-xiongan-mineru.md'))).document;
    const out = await render(paper, { baseDir: '/nonexistent' });
    expect(out.warnings.length).toBeGreaterThan(0);
    expect(new Set(out.warnings.map((w) => w.code))).toEqual(new Set(['image-missing']));
    const tables = descendants(out.xml('word/document.xml'), 'w:tbl');
    expect(tables.length).toBe(paper.children.filter((b) => b.type === 'table').length);
    const merges = tables.flatMap((t) => descendants(t, 'w:vMerge'));
    expect(merges.some((m) => m.attributes['w:val'] === 'restart')).toBe(true);
    expect(merges.some((m) => m.attributes['w:val'] === 'continue')).toBe(true);
    expect(tables.flatMap((t) => descendants(t, 'w:gridSpan')).length).toBeGreaterThan(0);
    // Every row covers the whole grid.
    for (const table of tables) {
      const columns = elements(must(element(table, 'w:tblGrid')), 'w:gridCol').length;
      for (const tr of elements(table, 'w:tr')) {
        const covered = elements(tr, 'w:tc').reduce((n, tc) => {
          const span = descendants(tc, 'w:gridSpan')[0]?.attributes['w:val'];
          return n + (span ? Number(span) : 1);
        }, 0);
        expect(covered).toBe(columns);
      }
    }
    // A picture without alt text is named by its file (picturePlaceholder), as in the PDF.
    expect(textOf(out.xml('word/document.xml'))).toMatch(/\[图片：[0-9a-f]{64}\.jpg\]/);
  });
});
