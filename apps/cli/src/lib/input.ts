import { stat } from 'node:fs/promises';
import { decodeSource, type SourceText } from '@wenshu/convert';
import { InputError } from './errors.js';
import { DEFAULT_MAX_BYTES, overLimit } from './limits.js';
import { NotReadError, notRegularKind, readRegularFile } from './read-bounded.js';
import { describeSystemError } from './system-errors.js';

export interface ReadOptions {
  maxBytes?: number;
}

// Decoding, parsing and the passes are the library's (@wenshu/convert): the command and a library
// user read a report alike. Reading the file, bounded, is the command's.
export { decodeSource, type LoadOptions, loadReport, type Report, type SourceText } from '@wenshu/convert';

/**
 * Reads and decodes one input file; every failure is an `InputError` naming the file. Only a regular
 * file is read (see read-bounded.ts): a pipe, socket, device or folder is refused with what it is.
 */
export async function readSource(file: string, options: ReadOptions = {}): Promise<SourceText> {
  return decodeSource(file, await readBytes(file, options));
}

/** The bytes of one input file, read as `readSource` reads them. */
export async function readBytes(file: string, options: ReadOptions = {}): Promise<Uint8Array> {
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
  return bytes;
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
