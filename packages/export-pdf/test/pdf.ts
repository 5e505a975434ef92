/**
 * Reading PDFs back as a reader would, with poppler (`pdftotext`, `pdffonts`, `pdfinfo`,
 * `pdftohtml`). CI installs poppler-utils; without it these helpers throw, so the suites fail
 * loudly instead of passing on nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unescapeXml } from '@wenshu/test-corpus/pdf-words';

export function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is not installed: install poppler-utils, the PDF tests read the output back with it`);
    }
    throw error;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'wenshu-pdf-test-'));
let count = 0;

/** Writes the bytes to a temporary file and returns its path. */
export function writePdf(bytes: Uint8Array, name = 'out'): string {
  const file = join(dir, `${name}-${++count}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** The text of the document (or of one page). */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', [...range, '-enc', 'UTF-8', file, '-']);
}

export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) out[match[1] as string] = match[2] as string;
  }
  return out;
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object, id
    const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (!match) throw new Error(`unexpected pdffonts line: ${line}`);
    return {
      name: match[1] as string,
      type: match[2] as string,
      embedded: match[4] === 'yes',
      subset: match[5] === 'yes',
      unicode: match[6] === 'yes',
    };
  });
}

export interface OutlineEntry {
  title: string;
  page: number;
  /** 0 for top-level bookmarks. */
  depth: number;
}

/** The bookmarks, in order, with their nesting depth (from `pdftohtml -xml`, which lists the outline). */
export function pdfOutline(file: string): OutlineEntry[] {
  const xml = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-enc', 'UTF-8', file]);
  const out: OutlineEntry[] = [];
  let depth = -1;
  for (const match of xml.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (match[0] === '<outline>') depth++;
    else if (match[0] === '</outline>') depth--;
    else out.push({ title: unescapeXml(match[2] ?? ''), page: Number(match[1]), depth });
  }
  return out;
}

export interface BoxLine {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

/** Every line of text with its box (`pdftotext -bbox-layout`), pages in order. */
export function pdfLines(file: string): { lines: BoxLine[]; pageWidth: number; pageHeight: number } {
  const html = run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-']);
  const lines: BoxLine[] = [];
  let pageWidth = 0;
  let pageHeight = 0;
  const pages = html.split('<page ').slice(1);
  pages.forEach((chunk, index) => {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk);
    pageWidth = Number(size?.[1] ?? 0);
    pageHeight = Number(size?.[2] ?? 0);
    for (const line of chunk.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    )) {
      const words = [...(line[5] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescapeXml(w[1] ?? ''));
      lines.push({
        page: index + 1,
        xMin: Number(line[1]),
        yMin: Number(line[2]),
        xMax: Number(line[3]),
        yMax: Number(line[4]),
        text: words.join(' '),
      });
    }
  });
  return { lines, pageWidth, pageHeight };
}

/** Text without any whitespace: what copy-paste must give back, line breaks aside. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * The top of the ink inside a box of a page (pt from the top of the page): the first row of the
 * box, rendered by pdftoppm at 288 dpi, with a dark pixel. `undefined` when the box is blank.
 */
export function inkTop(
  file: string,
  page: number,
  box: { xMin: number; yMin: number; xMax: number; yMax: number },
): number | undefined {
  const scale = 4; // 288 dpi: a pixel is a quarter of a point
  const dir = mkdtempSync(join(tmpdir(), 'wenshu-ink-'));
  const out = join(dir, 'crop');
  const [x, y] = [Math.floor(box.xMin * scale), Math.floor(box.yMin * scale)];
  const [w, h] = [Math.ceil((box.xMax - box.xMin) * scale), Math.ceil((box.yMax - box.yMin) * scale)];
  run(
    'pdftoppm',
    ['-f', String(page), '-l', String(page), '-r', '288', '-gray', '-singlefile'].concat([
      '-x',
      String(x),
      '-y',
      String(y),
      '-W',
      String(w),
      '-H',
      String(h),
      file,
      out,
    ]),
  );
  const pgm = readFileSync(`${out}.pgm`);
  // P5 header: magic, width, height, maximum value, each followed by whitespace.
  const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm wrote no PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) if ((pixels[row * width + col] as number) < 128) return (y + row) / scale;
  }
  return undefined;
}
