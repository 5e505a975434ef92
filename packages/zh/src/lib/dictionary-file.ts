/**
 * User dictionary and protected-terms files.
 *
 * A dictionary file has one entry per line, `简体<TAB>繁體`; a protected-terms file has one term
 * per line. In both, blank lines and lines starting with `#` (after leading spaces) are skipped,
 * spaces around a field are ignored, a byte-order mark is ignored, and lines may end in CRLF.
 * Mistakes are errors that name the file and the line, not entries silently dropped. Files are
 * read by the Node entry (`load-file.ts`); here, their text.
 */
/** A mistake in a dictionary or protected-terms file, at `file:line`. */
export class DictionaryFileError extends Error {
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'DictionaryFileError';
    this.file = file;
    this.line = line;
  }
}

/** The entries of a dictionary file's text; `file` names it in errors. */
export function parseDictionary(text: string, file = '<dictionary>'): [string, string][] {
  const entries: [string, string][] = [];
  const firstLine = new Map<string, { line: number; traditional: string }>();
  for (const { line, content } of meaningfulLines(text)) {
    const fields = content.split('\t').map((field) => field.trim());
    if (fields.length !== 2) {
      const found = fields.length === 1 ? 'no tab' : `${fields.length - 1} tabs`;
      throw new DictionaryFileError(file, line, `expected "简体<TAB>繁體", found ${found}`);
    }
    const [simplified, traditional] = fields as [string, string];
    if (simplified === '' || traditional === '') {
      throw new DictionaryFileError(file, line, `empty ${simplified === '' ? 'Simplified' : 'Traditional'} term`);
    }
    const earlier = firstLine.get(simplified);
    if (earlier && earlier.traditional !== traditional) {
      throw new DictionaryFileError(
        file,
        line,
        `"${simplified}" is already "${earlier.traditional}" on line ${earlier.line}, not "${traditional}"`,
      );
    }
    if (earlier) continue;
    firstLine.set(simplified, { line, traditional });
    entries.push([simplified, traditional]);
  }
  return entries;
}

/** The terms of a protected-terms file's text; `file` names it in errors. */
export function parseProtectedTerms(text: string, file = '<protected terms>'): string[] {
  const terms = new Set<string>();
  for (const { line, content } of meaningfulLines(text)) {
    if (content.includes('\t')) {
      throw new DictionaryFileError(file, line, 'a protected term cannot contain a tab (one term per line)');
    }
    terms.add(content.trim());
  }
  return [...terms];
}

/** Lines that are neither blank nor comments, with their 1-based numbers. */
function* meaningfulLines(text: string): Generator<{ line: number; content: string }> {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const content = lines[index] as string;
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    yield { line: index + 1, content };
  }
}
