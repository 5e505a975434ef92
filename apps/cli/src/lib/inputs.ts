import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { canonicalPath } from './output.js';
import { readStreamBounded } from './read-bounded.js';

/** The extensions a folder is searched for (the kinds `inputKind` of @wenshu/convert reads). */
export const REPORT_EXTENSIONS = ['md', 'markdown', 'txt', 'html', 'htm'];

/** One report to convert, as found from the command line. */
export interface InputFile {
  /** How messages name it: the path as given or found, or `-` for standard input. */
  name: string;
  /** The file to read; null for standard input. */
  path: string | null;
  /**
   * The folder (or a glob's fixed part) the file was found under. Outputs in `--out-dir` keep the
   * file's folders below it, so that `a/x.md` and `b/x.md` do not collide.
   */
  root: string | null;
}

/** An argument that names no report: reported as a failed input. */
export interface InputProblem {
  name: string;
  message: string;
}

export interface ExpandedInputs {
  files: InputFile[];
  problems: InputProblem[];
}

/**
 * Turns the command line's arguments into report files: a file is itself, a folder is every
 * `.md`/`.markdown`/`.txt`/`.html`/`.htm` below it (hidden folders and node_modules left out), and a pattern the
 * shell did not expand (quoted, or matching nothing there) is expanded here. `-` is standard input.
 * A path that does not exist stays an input, so that reading it fails with a message naming it.
 * A file named twice (directly and through its folder) is converted once.
 */
export async function expandInputs(args: readonly string[], cwd = process.cwd()): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    const key = file.path === null ? '-' : canonicalPath(resolve(cwd, file.path));
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const arg of args) {
    if (arg === '-') {
      add({ name: '-', path: null, root: null });
      continue;
    }
    const info = await stat(resolve(cwd, arg)).catch(() => undefined);
    if (info?.isDirectory()) {
      const found = await glob(`**/*.{${REPORT_EXTENSIONS.join(',')}}`, {
        cwd: resolve(cwd, arg),
        caseSensitiveMatch: false,
        ignore: ['**/node_modules/**'],
        followSymbolicLinks: false,
      });
      if (found.length === 0) {
        problems.push({ name: arg, message: `the folder has no reports (${extensionList()})` });
        continue;
      }
      for (const relative of found.sort(byPath))
        add({ name: join(arg, relative), path: join(arg, relative), root: arg });
      continue;
    }
    if (!info && isDynamicPattern(arg)) {
      // As for a folder: no node_modules (a package's README is not a report), unless the pattern
      // names it; hidden folders are left out by tinyglobby unless the pattern names one (`.x/*.md`).
      const found = await glob(arg, {
        cwd,
        caseSensitiveMatch: true,
        followSymbolicLinks: false,
        ...(arg.includes('node_modules') ? {} : { ignore: ['**/node_modules/**'] }),
      });
      if (found.length === 0) {
        problems.push({ name: arg, message: 'no file matches this pattern' });
        continue;
      }
      const root = staticBase(arg);
      for (const match of found.sort(byPath)) add({ name: match, path: match, root });
      continue;
    }
    add({ name: arg, path: arg, root: null });
  }
  return { files, problems };
}

/** The part of a glob before its first segment with a wildcard: `docs/2023/*.md` → `docs/2023`. */
export function staticBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return fixed.length === 0 ? '.' : fixed.join('/') || '/';
}

function extensionList(): string {
  return REPORT_EXTENSIONS.map((extension) => `.${extension}`).join(', ');
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * All of standard input, or `undefined` as soon as it passes `maxBytes` (reading stops there, so
 * `yes | wenshu convert -` ends at once).
 */
export function readStdin(maxBytes: number): Promise<Uint8Array | undefined> {
  return readStreamBounded(process.stdin, maxBytes);
}
