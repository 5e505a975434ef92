/**
 * Input → repaired document: bytes decoded (the encoding detected) or text taken as it is, then
 * parsed by its kind (`inputKind`: Markdown, plain text for `.txt`, HTML for `.html`/`.htm`) and
 * repaired by the report passes. The command's `convert`, `check`, `outline` and `ast` read every
 * report through here.
 */
import {
  DecodeError,
  type Document,
  decode,
  decodeHtml,
  type Fix,
  hasHtmlMarkup,
  looksLikeHtml,
  parse,
  parseHtml,
  parsePlainText,
  type StructureOptions,
  structure,
  type Warning,
} from '@wenshu/parser';
import { InputError } from './errors.js';

/**
 * How a report is read: `markdown`; `plain` text (no marks read); `html`, a saved page or copied
 * rich text (`parseHtml`).
 */
export type InputKind = 'markdown' | 'plain' | 'html';

export interface SourceText {
  /** The input's name in messages; its extension says how it is read (`inputKind`). */
  file: string;
  text: string;
  encoding: string;
  kind: InputKind;
  /** Plain text (`.txt`): no Markdown marks are read. The same as `kind === 'plain'`. */
  plain: boolean;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);

/**
 * The kind of a report by its name: `.txt` plain text, `.html`/`.htm`/`.xhtml` HTML, `.md` and
 * `.markdown` Markdown. A name without one of these (standard input is `-`) is HTML when its text
 * begins as HTML does (a doctype, `<html>`, the `<meta charset>` browsers put before copied HTML,
 * Windows' clipboard header), and Markdown otherwise.
 */
export function inputKind(file: string, text?: string): InputKind {
  const ext = extension(file);
  if (ext === '.txt') return 'plain';
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  if (MARKDOWN_EXTENSIONS.has(ext)) return 'markdown';
  return text !== undefined && looksLikeHtml(text) ? 'html' : 'markdown';
}

function decodeBytes(file: string, input: Uint8Array, html: boolean): { text: string; encoding: string } {
  try {
    // An HTML file's own <meta charset> counts when its bytes are not UTF-8.
    return html ? decodeHtml(input, { fileName: file }) : decode(input, { fileName: file });
  } catch (error) {
    if (error instanceof DecodeError) throw new InputError(file, error.message.replace(`${file}: `, ''));
    throw error;
  }
}

/**
 * A report's text from its bytes (any encoding `decode` detects) or from text; `InputError` when
 * there is none. `kind` reads it as that kind whatever its name (the command's `--from`).
 */
export function decodeSource(file: string, input: Uint8Array | string, kind?: InputKind): SourceText {
  let text: string;
  let encoding: string;
  const named = kind ?? inputKind(file);
  if (typeof input === 'string') {
    // As `decode` gives text: no byte-order mark, every line ending a line feed.
    text = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).replace(/\r\n?/g, '\n');
    encoding = 'utf-16';
  } else {
    ({ text, encoding } = decodeBytes(file, input, named === 'html'));
  }
  if (text.trim() === '') throw new InputError(file, 'is empty: there is no text to convert');
  const read = kind ?? inputKind(file, text);
  if (read === 'html' && named !== 'html' && typeof input !== 'string' && encoding !== 'utf-8') {
    // Recognised as HTML by its text: decoded again so that its declared charset counts.
    ({ text, encoding } = decodeBytes(file, input, true));
  }
  if (named === 'html' && !hasHtmlMarkup(text)) {
    throw new InputError(
      file,
      'is named as HTML but has no HTML markup in it: if it is a report in Markdown or plain text, name it .md or .txt',
    );
  }
  return { file, text, encoding, kind: read, plain: read === 'plain' };
}

/** A name's extension as Node's `extname` gives it, lower-cased (`.TXT` → `.txt`; `.txt` alone has none). */
function extension(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export interface Report extends SourceText {
  /** The repaired document (or the raw one when the passes are off). */
  document: Document;
  fixes: Fix[];
  warnings: Warning[];
}

export interface LoadOptions {
  /** Skip every report pass: the tree exactly as parsed. */
  raw?: boolean;
  passes?: StructureOptions;
}

/** Source → document: Markdown through `parse` (plain text through `parsePlainText`, HTML through `parseHtml`), then the report passes. */
export function loadReport(source: SourceText, options: LoadOptions = {}): Report {
  try {
    return loadReportUnguarded(source, options);
  } catch (error) {
    // A pathological input (thousands of nested quotes or lists) can exhaust the stack in a
    // recursive library walk: that is bad input, reported as such, not a crash.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new InputError(source.file, 'is nested too deeply to read (the structure exceeds the stack)');
    }
    throw error;
  }
}

function loadReportUnguarded(source: SourceText, options: LoadOptions): Report {
  const warnings: Warning[] = [];
  const onWarning = (warning: Warning) => warnings.push(warning);
  const parsed =
    source.kind === 'html'
      ? parseHtml(source.text, { onWarning })
      : source.kind === 'plain'
        ? parsePlainText(source.text, { onWarning })
        : parse(source.text, { onWarning });
  if (options.raw) return { ...source, document: parsed, fixes: [], warnings };
  const { document, fixes } = structure(parsed, options.passes);
  return { ...source, document, fixes, warnings };
}

/** The passes for a conversion in `theme`: the theme's punctuation unless the options say. */
export function themedPasses(
  passes: StructureOptions,
  theme: { punctuation: 'full-width' | 'as-written' },
): StructureOptions {
  if (passes.punctuation !== undefined) return passes;
  return theme.punctuation === 'full-width' ? { ...passes, punctuation: true } : passes;
}
