#!/usr/bin/env node
/**
 * Widows and orphans in a PDF, read back the way a reader sees the pages (`pdftotext -bbox-layout`).
 * Plain JavaScript so that it runs on any PDF from the command line (`node test/widows.mjs a.pdf
 * [b.pdf…]`, also on LibreOffice's rendering of a DOCX) as well as in the tests.
 *
 * A line continues a paragraph when it starts at the text block's left edge and the line before it
 * (on this page or the page before) is full: it reaches the right edge. Everything else (an
 * indented first line, a heading, a centred or right-set line, the line after a short one) starts
 * a paragraph. Then:
 * - a widow is a page whose first line continues a paragraph and is its last line (the next line
 *   starts another paragraph, or the page has no other line);
 * - an orphan is a page whose last line starts a paragraph that continues on the next page.
 * Page numbers (`— 1 —`, `1`) below the text block are not text lines.
 */
import { execFileSync } from 'node:child_process';

/** How far from an edge (pt) a line may stop and still be at it. */
const EDGE = 4;

/** Every text line of `file` with its box, page numbers left out. */
export function textLines(file) {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const lines = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((chunk, index) => {
      for (const line of chunk.matchAll(
        /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
      )) {
        const text = [...(line[5] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
        if (/^[—–-]?\s*\d+\s*[—–-]?$/.test(text.trim())) continue;
        lines.push({
          page: index + 1,
          xMin: Number(line[1]),
          yMin: Number(line[2]),
          xMax: Number(line[3]),
          yMax: Number(line[4]),
          text,
        });
      }
    });
  // pdftotext may list the lines of a page out of order (columns it guesses): read them top to bottom.
  lines.sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin);
  return lines;
}

/** The most common value of `values`, rounded to whole points. */
function mode(values) {
  const counts = new Map();
  for (const value of values) counts.set(Math.round(value), (counts.get(Math.round(value)) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Widows and orphans of the lines of one PDF (see the module comment). */
export function widowsAndOrphans(lines) {
  const left = mode(lines.map((line) => line.xMin));
  const right = mode(lines.map((line) => line.xMax));
  const full = (line) => line !== undefined && line.xMax >= right - EDGE;
  const continues = lines.map((line, at) => Math.abs(line.xMin - left) <= EDGE && full(lines[at - 1]));
  const widows = [];
  const orphans = [];
  lines.forEach((line, at) => {
    const previous = lines[at - 1];
    const next = lines[at + 1];
    const firstOnPage = previous === undefined || previous.page !== line.page;
    const lastOnPage = next === undefined || next.page !== line.page;
    if (firstOnPage && continues[at] && (next === undefined || lastOnPage || !continues[at + 1])) widows.push(line);
    if (lastOnPage && next !== undefined && !continues[at] && continues[at + 1]) orphans.push(line);
  });
  const pages = lines.reduce((max, line) => Math.max(max, line.page), 0);
  return { pages, widows, orphans };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const { pages, widows, orphans } = widowsAndOrphans(textLines(file));
    console.log(`${file}: ${pages} pages, ${widows.length} widows, ${orphans.length} orphans`);
    for (const line of widows) console.log(`  widow  p.${line.page}: ${line.text}`);
    for (const line of orphans) console.log(`  orphan p.${line.page}: ${line.text}`);
  }
}
