/**
 * Input → repaired document: bytes decoded (the encoding detected) or text taken as it is, then
 * parsed (Markdown, or plain text for a `.txt` name) and repaired by the report passes. The
 * command's `convert`, `check`, `outline` and `ast` read every report through here.
 */
import {
  DecodeError,
  type Document,
  decode,
  type Fix,
  parse,
  parsePlainText,
  type StructureOptions,
  structure,
  type Warning,
} from '@wenshu/parser';
import { InputError } from './errors.js';

export interface SourceText {
  /** The input's name in messages; a name ending `.txt` is read as plain text. */
  file: string;
  text: string;
  encoding: string;
  /** Plain text (`.txt`): no Markdown marks are read. */
  plain: boolean;
}

/** A report's text from its bytes (any encoding `decode` detects) or from text; `InputError` when there is none. */
export function decodeSource(file: string, input: Uint8Array | string): SourceText {
  let text: string;
  let encoding: string;
  if (typeof input === 'string') {
    // As `decode` gives text: no byte-order mark, every line ending a line feed.
    text = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).replace(/\r\n?/g, '\n');
    encoding = 'utf-16';
  } else {
    let decoded: ReturnType<typeof decode>;
    try {
      decoded = decode(input, { fileName: file });
    } catch (error) {
      if (error instanceof DecodeError) throw new InputError(file, error.message.replace(`${file}: `, ''));
      throw error;
    }
    text = decoded.text;
    encoding = decoded.encoding;
  }
  if (text.trim() === '') throw new InputError(file, 'is empty: there is no text to convert');
  return { file, text, encoding, plain: extension(file) === '.txt' };
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

/** Source → document: Markdown through `parse` (plain text through `parsePlainText`), then the report passes. */
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
  const parsed = source.plain ? parsePlainText(source.text, { onWarning }) : parse(source.text, { onWarning });
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
