/**
 * Reading a PDF back as a reader would, shared by the exporters' and the command's tests: the
 * words of each page with their boxes (`pdftotext -bbox-layout`, poppler-utils), and the XML
 * escapes of its output undone.
 */
import { execFileSync } from 'node:child_process';

export interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export interface Page {
  width: number;
  height: number;
  words: Word[];
}

/** Text as written in poppler's XML (and Word's): the five entities and numeric references. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** The words of every page of a PDF file, with their boxes in points from the page's top left. */
export function pdfWords(file: string): Page[] {
  let html: string;
  try {
    html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext is not installed: install poppler-utils, the tests read PDFs back with it');
    }
    throw error;
  }
  return html
    .split('<page ')
    .slice(1)
    .map((chunk) => {
      const size = /width="([\d.]+)" height="([\d.]+)"/.exec(chunk);
      const words = [
        ...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: unescapeXml(m[5] ?? ''),
      }));
      return { width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), words };
    });
}
