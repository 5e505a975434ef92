/**
 * Reading a table back from a PDF as a reader would (`pdftotext -bbox-layout`): the words on each
 * page with their boxes, and the checks of issue 16 — every cell's text is there (and no more often
 * than header and first-column repeats allow), no word outside the text block, no number split
 * across lines.
 */
import { type Document, type Table, tableGrid, toText, unbreakableSpans } from '@wenshu/parser';
import { type Page, pdfWords, type Word } from '@wenshu/test-corpus/pdf-words';

export { pdfWords };

const compact = (text: string) => text.replace(/\s+/g, '');

function countChars(text: string, into: Map<string, number>, times = 1): void {
  for (const ch of compact(text)) into.set(ch, (into.get(ch) ?? 0) + times);
}

export interface TableReport {
  /** Characters of the cells that the PDF lacks (or has fewer of). */
  missing: string[];
  /** Characters the PDF has more often than the cells, their allowed repeats and the page furniture allow. */
  extra: string[];
  /** Words outside the text block, with their page. */
  outside: string[];
  /** Tokens (numbers with units, dates, Latin words) not found whole in one word of the PDF. */
  split: string[];
  cells: number;
  tokens: number;
}

/**
 * Checks a PDF holding one document whose tables are `tables`. `margins` are the text block's
 * left, top, right, bottom (pt), the same on portrait and landscape pages.
 */
export function checkTables(
  document: Document,
  pages: Page[],
  margins: [number, number, number, number],
  /** Per table: the text of its repeated header rows, its first column's cells, how often they may repeat. */
  repeats: { header: string; firstColumn: string[]; rows: number }[],
): TableReport {
  const tables = document.children.filter((block): block is Table => block.type === 'table');
  const [left, top, right, bottom] = margins;
  const isFooter = (word: Word, page: Page) => word.yMin > page.height - bottom - 1 && /^[—\d-]+$/.test(word.text);

  const expected = new Map<string, number>();
  const allowance = new Map<string, number>();
  let cells = 0;
  const tokens: string[] = [];
  tables.forEach((table, index) => {
    const grid = tableGrid(table);
    for (const placed of grid.cells) {
      const text = toText(placed.cell);
      cells += 1;
      countChars(text, expected);
      // A cell spanning columns of two parts of a split table is shown in each.
      if (placed.colSpan > 1) countChars(text, allowance, pages.length);
      for (const [start, end] of unbreakableSpans(text)) tokens.push(text.slice(start, end));
    }
    const repeat = repeats[index];
    // Header rows may come back on every page (in every part on it), the first column in every
    // part, 续表 per part.
    if (repeat) {
      countChars(repeat.header, allowance, 2 * pages.length);
      for (const text of repeat.firstColumn) countChars(text, allowance, repeat.rows);
    }
    countChars('续表', allowance, pages.length);
  });
  for (const p of document.children.filter((block) => block.type !== 'table')) countChars(toText(p), expected);
  countChars('0123456789—', allowance, pages.length * 3);

  const found = new Map<string, number>();
  const outside: string[] = [];
  pages.forEach((page, i) => {
    for (const word of page.words) {
      if (isFooter(word, page)) continue;
      countChars(word.text, found);
      const inside =
        word.xMin >= left - 1 &&
        word.xMax <= page.width - right + 1 &&
        word.yMin >= top - 2 &&
        word.yMax <= page.height - bottom + 2;
      if (!inside) outside.push(`page ${i + 1}: ${word.text} [${word.xMin}–${word.xMax}]`);
    }
  });
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [ch, n] of expected) if ((found.get(ch) ?? 0) < n) missing.push(`${ch}×${n - (found.get(ch) ?? 0)}`);
  for (const [ch, n] of found) {
    const allowed = (expected.get(ch) ?? 0) + (allowance.get(ch) ?? 0);
    if (n > allowed) extra.push(`${ch}×${n - allowed}`);
  }

  const words = pages.flatMap((page) => page.words.map((w) => w.text));
  const split = tokens.filter((token) => !words.some((word) => word.includes(token)));

  return { missing, extra, outside, split, cells, tokens: tokens.length };
}
