/**
 * One resolved tree: for every document of the gold corpus, the outline, the Word file's Heading
 * styles and the PDF's bookmarks list the same headings at the same levels. A second place that
 * decides a heading's level would make them disagree.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toDocx } from '@wenshu/export-docx';
import { toPdf } from '@wenshu/export-pdf';
import { type OutlineSection, outline } from '@wenshu/parser';
import { unescapeXml } from '@wenshu/test-corpus/pdf-words';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadReport, readSource } from '../src/lib/input.js';

const here = dirname(fileURLToPath(import.meta.url));
const realDir = resolve(here, '../../../packages/parser/test/fixtures/real');
const sharedDir = resolve(here, '../../../../shared');

/** The gold corpus's documents: each genre folder's `.md`/`.txt` beside a gold file, and the shared ones its gold files name. */
function goldDocuments(): string[] {
  const files: string[] = [];
  for (const genre of readdirSync(realDir, { withFileTypes: true })) {
    if (!genre.isDirectory()) continue;
    const folder = join(realDir, genre.name);
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith('.gold.tsv')) continue;
      const source = /^#\s*source:\s*(.+?)\s*$/m.exec(readFileSync(join(folder, name), 'utf8'))?.[1];
      const stem = join(folder, basename(name, '.gold.tsv'));
      const file = source ? resolve(sharedDir, source) : [`${stem}.md`, `${stem}.txt`].find(existsSync);
      if (file && existsSync(file)) files.push(file);
    }
  }
  return files;
}

interface Entry {
  level: number;
  text: string;
}

const compact = (text: string) => text.replace(/\s+/g, '');

function outlineEntries(sections: OutlineSection[], into: Entry[] = []): Entry[] {
  for (const section of sections) {
    if (section.heading !== null) into.push({ level: section.level, text: compact(section.heading) });
    outlineEntries(section.sections, into);
  }
  return into;
}

/**
 * The paragraphs Word reads as headings, in order, with their level: a Heading style's number, or
 * the outline level an attached document's label or title carries (`w:outlineLvl`, 0-based).
 */
function docxHeadings(bytes: Uint8Array): Entry[] {
  const part = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' })['word/document.xml'];
  if (!part) throw new Error('the DOCX has no word/document.xml');
  const xml = strFromU8(part);
  const entries: Entry[] = [];
  for (const [paragraph] of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const style = /<w:pStyle w:val="Heading(\d)"\/>/.exec(paragraph);
    const attached = /<w:pStyle w:val="Attachment(?:Label|Title)"\/>/.test(paragraph)
      ? /<w:outlineLvl w:val="(\d)"\/>/.exec(paragraph)
      : null;
    if (!style && !attached) continue;
    const level = style ? Number(style[1]) : Number(attached?.[1]) + 1;
    const text = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
    entries.push({ level, text: compact(unescapeXml(text)) });
  }
  return entries;
}

const pdfDir = mkdtempSync(join(tmpdir(), 'wenshu-one-tree-'));

/** The PDF's bookmarks, in order, with their depth (1 at the top), from `pdftohtml -xml`. */
function pdfBookmarks(bytes: Uint8Array, name: string): Entry[] {
  const file = join(pdfDir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-enc', 'UTF-8', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const entries: Entry[] = [];
  let depth = 0;
  for (const match of xml.matchAll(/<outline>|<\/outline>|<item page="\d+">([^<]*)<\/item>/g)) {
    if (match[0] === '<outline>') depth++;
    else if (match[0] === '</outline>') depth--;
    else entries.push({ level: depth, text: compact(unescapeXml(match[1] ?? '')) });
  }
  return entries;
}

describe('one resolved tree: outline, DOCX headings and PDF bookmarks agree on every gold document', () => {
  const files = goldDocuments();

  it('finds the gold corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  for (const file of files) {
    it(basename(file), async () => {
      const report = loadReport(await readSource(file));
      const headings = outlineEntries(outline(report.document, report.fixes).sections);
      // Word's Heading styles stop at 6, as does the PDF's style table; levels deeper than 6 share Heading6.
      const capped = headings.map((entry) => ({ ...entry, level: Math.min(6, entry.level) }));
      expect(docxHeadings(await toDocx(report.document))).toEqual(capped);
      const bookmarks = pdfBookmarks(await toPdf(report.document), basename(file));
      // A heading with no text has no bookmark.
      expect(bookmarks).toEqual(headings.filter((entry) => entry.text !== ''));
    }, 120_000);
  }
});
