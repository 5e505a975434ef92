import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
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
import { DEFAULT_MAX_BYTES, overLimit } from './limits.js';
import { NotReadError, notRegularKind, readRegularFile } from './read-bounded.js';
import { describeSystemError } from './system-errors.js';

export interface ReadOptions {
  maxBytes?: number;
}

export interface SourceText {
  file: string;
  text: string;
  encoding: string;
  /** Plain text (`.txt`): no Markdown marks are read. */
  plain: boolean;
}

/**
 * Reads and decodes one input file; every failure is an `InputError` naming the file. Only a regular
 * file is read (see read-bounded.ts): a pipe, socket, device or folder is refused with what it is.
 */
export async function readSource(file: string, options: ReadOptions = {}): Promise<SourceText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    throw new InputError(file, describeFsError(error));
  }
  // Checked before opening too: the message then says what the file is without touching it.
  const kind = notRegularKind(info);
  if (kind) throw new InputError(file, `is ${kind}, not a regular file`);
  if (info.size > maxBytes) {
    throw new InputError(file, overLimit(info.size, maxBytes));
  }
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(file, maxBytes);
  } catch (error) {
    if (error instanceof NotReadError) throw new InputError(file, error.message);
    throw new InputError(file, describeFsError(error));
  }
  return decodeSource(file, bytes);
}

/** Decodes bytes already read (standard input, tests). */
export function decodeSource(file: string, bytes: Uint8Array): SourceText {
  let decoded: ReturnType<typeof decode>;
  try {
    decoded = decode(bytes, { fileName: file });
  } catch (error) {
    if (error instanceof DecodeError) throw new InputError(file, error.message.replace(`${file}: `, ''));
    throw error;
  }
  if (decoded.text.trim() === '') throw new InputError(file, 'is empty: there is no text to convert');
  return { file, text: decoded.text, encoding: decoded.encoding, plain: extname(file).toLowerCase() === '.txt' };
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

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: cannot read it';
    case 'EISDIR':
      return 'is a folder, not a regular file';
    default:
      return `cannot read it: ${describeSystemError(error)}`;
  }
}
