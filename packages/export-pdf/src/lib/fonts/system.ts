/**
 * Fonts installed on the machine. With fontconfig (`fc-list`, Linux and most BSDs) every face is
 * listed with its PostScript name and, on demand, the characters it covers. Without it (macOS,
 * Windows) the standard font folders are searched for the files of the faces wenshu looks for.
 * Both lists are read once per process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, extname, join } from 'node:path';
import * as fontkit from 'fontkit';

import type { SystemFace } from './host.js';

export type { SystemFace };

function fcList(args: string[]): string | undefined {
  try {
    return execFileSync('fc-list', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 10_000 });
  } catch {
    return undefined;
  }
}

/** The folders operating systems keep fonts in, that exist here. */
export function fontFolders(): string[] {
  const home = homedir();
  const folders = [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.fonts'),
    join(home, '.local/share/fonts'),
    '/System/Library/Fonts',
    '/System/Library/Fonts/Supplemental',
    '/Library/Fonts',
    join(home, 'Library/Fonts'),
    '/System/Library/AssetsV2',
  ];
  const windows = process.env.WINDIR ?? process.env.SystemRoot;
  if (windows) folders.push(join(windows, 'Fonts'));
  if (process.env.LOCALAPPDATA) folders.push(join(process.env.LOCALAPPDATA, 'Microsoft/Windows/Fonts'));
  return folders.filter((folder) => existsSync(folder));
}

const FONT_EXTENSIONS = new Set(['.ttf', '.otf', '.ttc', '.otc']);

/** Font files under `folder`, at most `depth` folders down (macOS keeps downloaded fonts deep). */
function fontFiles(folder: string, depth: number, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries.sort()) {
    const path = join(folder, entry);
    if (FONT_EXTENSIONS.has(extname(entry).toLowerCase())) out.push(path);
    else if (depth > 0 && !extname(entry)) {
      try {
        if (statSync(path).isDirectory()) fontFiles(path, depth - 1, out);
      } catch {
        // unreadable: not ours to report
      }
    }
  }
}

/** fontkit's table directory, which its type declarations leave out. */
interface WithDirectory {
  directory?: { tables?: Record<string, unknown> };
}

function facesOfFile(file: string): SystemFace[] {
  try {
    const opened = fontkit.openSync(file);
    const fonts = 'fonts' in opened ? opened.fonts : [opened];
    return fonts
      .filter((font) => {
        const tables = (font as unknown as WithDirectory).directory?.tables ?? {};
        return 'glyf' in tables || 'CFF ' in tables;
      })
      .map((font) => ({ file, postscriptName: font.postscriptName, families: [font.familyName] }));
  } catch {
    return [];
  }
}

let listed: SystemFace[] | undefined;
let viaFontconfig = false;

/**
 * Every installed face fontconfig knows; without fontconfig, the faces of files in the font
 * folders whose names `wantedFile` accepts (opening every font of a desktop would take seconds).
 */
export function systemFaces(wantedFile: (name: string) => boolean): SystemFace[] {
  if (listed) return listed;
  const out = fcList(['--format', '%{file}\t%{postscriptname}\t%{family}\t%{outline}\t%{fontformat}\t%{variable}\n']);
  if (out !== undefined) {
    viaFontconfig = true;
    listed = [];
    for (const line of out.split('\n')) {
      const [file, postscriptName, families, outline, format, variable] = line.split('\t');
      if (!file || !postscriptName || !FONT_EXTENSIONS.has(extname(file).toLowerCase())) continue;
      // Outline fonts pdfkit can subset: TrueType, and CFF but for variable (CFF2) faces.
      if (outline === 'False' || !(format === 'TrueType' || (format === 'CFF' && variable !== 'True'))) continue;
      listed.push({ file, postscriptName, families: (families ?? '').split(',') });
    }
    listed.sort((a, b) =>
      a.file === b.file ? a.postscriptName.localeCompare(b.postscriptName) : a.file < b.file ? -1 : 1,
    );
    return listed;
  }
  const files: string[] = [];
  for (const folder of fontFolders()) fontFiles(folder, 4, files);
  listed = files.filter((file) => wantedFile(basename(file))).flatMap(facesOfFile);
  return listed;
}

/** Code point ranges, sorted: `[first, last]` pairs. */
type Ranges = Uint32Array;

let charsets: { face: SystemFace; ranges: Ranges }[] | undefined;

function parseCharset(text: string): Ranges {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  const ranges = new Uint32Array(parts.length * 2);
  parts.forEach((part, i) => {
    const [first, last] = part.split('-');
    const a = Number.parseInt(first ?? '', 16);
    ranges[i * 2] = a;
    ranges[i * 2 + 1] = last === undefined ? a : Number.parseInt(last, 16);
  });
  return ranges;
}

function inRanges(ranges: Ranges, codePoint: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const first = ranges[mid * 2] ?? 0;
    const last = ranges[mid * 2 + 1] ?? 0;
    if (codePoint < first) hi = mid - 1;
    else if (codePoint > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Installed faces that fontconfig says have a glyph for `codePoint`, in file order; `undefined`
 * when fontconfig is not there to ask (the caller then tries the faces it can open itself).
 */
export function systemFacesWith(codePoint: number): SystemFace[] | undefined {
  if (!viaFontconfig) return undefined;
  if (!charsets) {
    charsets = [];
    const out = fcList(['--format', '%{file}\t%{postscriptname}\t%{family}\t%{charset}\n']) ?? '';
    for (const line of out.split('\n')) {
      const [file, postscriptName, families, charset] = line.split('\t');
      if (!file || !postscriptName || !charset || !FONT_EXTENSIONS.has(extname(file).toLowerCase())) continue;
      charsets.push({
        face: { file, postscriptName, families: (families ?? '').split(',') },
        ranges: parseCharset(charset),
      });
    }
    charsets.sort((a, b) => (a.face.file < b.face.file ? -1 : a.face.file > b.face.file ? 1 : 0));
  }
  return charsets.filter((entry) => inRanges(entry.ranges, codePoint)).map((entry) => entry.face);
}
