/**
 * The seed report through both themes, read back as a reader would: fonts, text, page size,
 * bookmarks, line breaks, justification, and GB/T 9704's grid and page numbers for `gov`.
 */
import { type Document, type Heading, parse, structure, toText } from '@wenshu/parser';
import { mmToPt, type PresetName, presetTheme } from '@wenshu/theme';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PdfWarning, toPdf } from '../src/node.js';
import { describeCorpus, readCorpus } from './corpus.js';
import { type BoxLine, compact, inkTop, pdfFonts, pdfInfo, pdfLines, pdfOutline, run, writePdf } from './pdf.js';

/** Closing and middle punctuation no line may start with; opening punctuation no line may end with. */
const NO_START = /^[。，、；：？！）》」』”’]/;
const NO_END = /[（《「『“‘]$/;

/** Full-width characters: each takes a cell of the grid (digits and Latin letters take less, by their width). */
function wide(text: string): number {
  let n = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp >= 0x2e80 || (cp >= 0x2014 && cp <= 0x201d)) n++;
  }
  return n;
}

/**
 * Cells a line takes on the grid: a mark beside another mark gives up half its cell (clreq's squeeze,
 * `。”` in 1.5 cells), and a line may squeeze its other marks to take in a closing mark at its end.
 */
function cells(text: string, squeezeAll: boolean): number {
  const marks = /[，。、；：？！）》」』”’（《「『“‘]/u;
  const chars = Array.from(text);
  let squeezed = 0;
  chars.forEach((char, i) => {
    if (!marks.test(char)) return;
    // A pair gives up one half between its two marks; squeezing all, every mark may give up its half.
    if (squeezeAll || marks.test(chars[i + 1] ?? '')) squeezed++;
  });
  return wide(text) - squeezed / 2;
}

function headingTexts(doc: Document): string[] {
  return doc.children.filter((b): b is Heading => b.type === 'heading').map((h) => compact(toText(h)));
}

describeCorpus('the seed report as PDF', () => {
  const { document } = structure(parse(readCorpus('seed', 'weifang-2023-departments.md')));

  for (const name of ['report', 'gov'] as PresetName[]) {
    describe(name, () => {
      const theme = presetTheme(name);
      const [left, top, right, bottom] = [
        mmToPt(theme.page.margin.leftMm),
        mmToPt(theme.page.margin.topMm),
        mmToPt(theme.page.margin.rightMm),
        mmToPt(theme.page.margin.bottomMm),
      ];
      let file = '';
      const warnings: PdfWarning[] = [];
      let body: BoxLine[] = [];
      let footers: BoxLine[] = [];
      let pageWidth = 0;
      let pageHeight = 0;

      beforeAll(async () => {
        const bytes = await toPdf(document, { theme, onWarning: (w) => warnings.push(w) });
        file = writePdf(bytes, name);
        const read = pdfLines(file);
        pageWidth = read.pageWidth;
        pageHeight = read.pageHeight;
        body = read.lines.filter((line) => line.yMax <= pageHeight - bottom + 1);
        footers = read.lines.filter((line) => line.yMin > pageHeight - bottom);
      }, 120_000);

      it('embeds every font, as a subset with a Unicode map', () => {
        const fonts = pdfFonts(file);
        expect(fonts.length).toBeGreaterThan(0);
        for (const font of fonts)
          expect(font, font.name).toMatchObject({ embedded: true, subset: true, unicode: true });
        for (const font of fonts) expect(font.name).toMatch(/^[A-Z]{6}\+/);
      });

      it("gives back the document's text: copy and paste works", () => {
        const pages = Number(pdfInfo(file).Pages);
        let text = '';
        // The body area only: page numbers are not the document's text.
        for (let page = 1; page <= pages; page++) {
          text += run('pdftotext', [
            ...['-f', String(page), '-l', String(page)],
            ...[
              '-x',
              '0',
              '-y',
              '0',
              '-W',
              String(Math.ceil(pageWidth)),
              '-H',
              String(Math.floor(pageHeight - bottom)),
            ],
            ...['-enc', 'UTF-8', file, '-'],
          ]);
        }
        expect(compact(text)).toBe(compact(toText(document)));
        // An item's marker, run-in title and body come back in order.
        expect(compact(text)).toContain('2.社保工作获全国全省现场观摩推广。强化数字赋能,246万名领取待遇人员');
      });

      it('is A4 and carries the title, language and creator', () => {
        const info = pdfInfo(file);
        expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
        expect(info.Title).toBe('市直部门(单位)2023年度重点工作开展情况');
        expect(info.Creator).toBe('wenshu');
        expect(warnings.filter((w) => /no glyph/.test(w.message))).toEqual([]);
      });

      it('has a bookmark for each of the 13 departments', () => {
        const outline = pdfOutline(file);
        const departments = headingTexts(document).slice(1);
        expect(departments).toHaveLength(13);
        expect(outline.map((entry) => compact(entry.title))).toEqual(departments);
        expect(outline.every((entry) => entry.depth === 0)).toBe(true);
        // Each bookmark points at the page its heading is on.
        for (const entry of outline) {
          const line = body.find((l) => compact(l.text) === compact(entry.title));
          expect(line?.page, entry.title).toBe(entry.page);
        }
      });

      it('starts no line with closing punctuation and ends none with opening punctuation', () => {
        expect(body.length).toBeGreaterThan(100);
        for (const line of body) {
          expect(line.text.trim(), `page ${line.page}`).not.toMatch(NO_START);
          expect(line.text.trim(), `page ${line.page}`).not.toMatch(NO_END);
        }
      });

      it('justifies: every line of a paragraph but its last ends at the right margin', () => {
        const rightEdge = pageWidth - right;
        let checked = 0;
        for (let i = 0; i + 1 < body.length; i++) {
          const line = body[i] as BoxLine;
          const next = body[i + 1] as BoxLine;
          const sameSize = Math.abs(line.yMax - line.yMin - (next.yMax - next.yMin)) < 0.5;
          // The next line continues the paragraph when it starts at the left margin (first lines are indented).
          if (!sameSize || Math.abs(next.xMin - left) > 1) continue;
          checked++;
          expect(Math.abs(line.xMax - rightEdge), `page ${line.page}: ${line.text}`).toBeLessThanOrEqual(1);
        }
        expect(checked).toBeGreaterThan(100);
      });

      if (name === 'gov') {
        it('sets text on a grid of 22 lines of at most 28 characters, 28.95 pt apart', () => {
          const pitch = 28.95;
          const pages = Math.max(...body.map((line) => line.page));
          expect(pages).toBeGreaterThan(5);
          const height = (line: BoxLine) => line.yMax - line.yMin;
          const bodyHeight = height(body.find((line) => line.page === 2) as BoxLine);
          const first = Math.min(...body.filter((line) => line.page === 2).map((line) => line.yMin));
          let full = 0;
          for (let page = 1; page < pages; page++) {
            // All lines but the title's (it is larger, and sits on a line of the grid of its own).
            const lines = body.filter((line) => line.page === page && height(line) < bodyHeight + 4);
            const rows = lines.map((line) => (line.yMin - first) / pitch);
            for (const row of rows) {
              expect(Math.abs(row - Math.round(row)), `page ${page}`).toBeLessThan(0.01);
              expect(Math.round(row)).toBeGreaterThanOrEqual(0);
              expect(Math.round(row)).toBeLessThanOrEqual(21);
            }
            for (const line of lines) {
              // 28 cells, or more characters where marks are squeezed (each gives at most half a cell).
              expect(cells(line.text, true), line.text).toBeLessThanOrEqual(28);
              expect(line.xMax - line.xMin, line.text).toBeLessThanOrEqual(pageWidth - left - right + 0.5);
            }
            // A full page: its last line on the 22nd row (a heading kept with its paragraph may end a page early).
            if (Math.round(Math.max(...rows)) === 21) {
              full++;
              if (page > 1) expect(lines, `page ${page}`).toHaveLength(22);
            }
          }
          expect(full).toBeGreaterThanOrEqual((pages - 1) / 2);
          // Lines of Han characters only, but the last of a paragraph, hold 28 (26 after the indent); one
          // fewer where the next character may not end the line without the punctuation after it.
          const justified = body.filter(
            (line) => /^[\u3000-\u9fff\uff00-\uffef“”]+$/.test(line.text) && line.xMax > pageWidth - right - 1,
          );
          expect(justified.length).toBeGreaterThan(10);
          const grid = (line: BoxLine) => cells(line.text, false) + (line.xMin > left + 1 ? 2 : 0);
          for (const line of justified) expect([27, 27.5, 28], line.text).toContain(grid(line));
          expect(justified.filter((line) => grid(line) === 28).length).toBeGreaterThan(justified.length * 0.7);
          expect(top).toBeCloseTo(mmToPt(37));
        });

        it('numbers pages — N — in 宋 14 pt, odd pages right and even pages left, one character in', () => {
          const pages = Math.max(...footers.map((line) => line.page));
          for (let page = 1; page <= pages; page++) {
            const [footer] = footers.filter((line) => line.page === page);
            expect(footer?.text.replace(/\s+/g, ' ')).toBe(`— ${page} —`);
            if (!footer) continue;
            if (page % 2 === 1) expect(footer.xMax).toBeCloseTo(pageWidth - right - 14, 0);
            else expect(footer.xMin).toBeCloseTo(left + 14, 0);
            // The dashes 7 mm below the body area (GB/T 9704 7.5: 一字线上距版心下边缘7mm), measured
            // on their ink: the first dash is the first em of the number's box.
            if (page > 2) continue; // every page's footer is the same box: two pages are enough
            const ink = inkTop(file, page, { ...footer, xMax: footer.xMin + 14 });
            expect(ink).toBeDefined();
            expect(Math.abs((ink ?? 0) - (pageHeight - bottom) - mmToPt(7))).toBeLessThanOrEqual(mmToPt(0.5));
          }
        });
      } else {
        it('numbers pages in the middle of the bottom margin', () => {
          const pages = Math.max(...footers.map((line) => line.page));
          expect(pages).toBeGreaterThan(5);
          for (let page = 1; page <= pages; page++) {
            const [footer] = footers.filter((line) => line.page === page);
            expect(footer?.text).toBe(String(page));
            if (footer) expect((footer.xMin + footer.xMax) / 2).toBeCloseTo(pageWidth / 2, 0);
          }
        });
      }
    });
  }
});
