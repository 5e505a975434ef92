import { randomBytes } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors.js';
import { describeSystemError } from './system-errors.js';

/** Temporary files being written, so an interrupted run can remove them. */
const pending = new Set<string>();

/** An existing output the user may not write (no write permission for its owner): replaced only with `--force`. */
export class ReadOnlyOutputError extends Error {
  override name = 'ReadOnlyOutputError';
}

export interface WriteOptions {
  /** Replace an existing output even when it is read-only (`--force`). */
  force?: boolean;
  /** Told the temporary file's path before it is written (a `--timeout` that stops the thread removes it). */
  onTemporary?: (path: string) => void;
}

/** `.wenshu-<pid>-<hex>.tmp`: the temporary files of `writeFileAtomic` (sweepTemporaries finds them by it). */
export const TEMPORARY_NAME = /^\.wenshu-(\d+)-[0-9a-f]+\.tmp$/;

/**
 * Writes a file atomically: the bytes go to a temporary file in the same folder, which is then
 * renamed over the target (rename within a folder is atomic on POSIX), so a reader or an
 * interrupted run never sees half a file. The temporary name does not contain the target's: a
 * target whose name just fits the file system's 255 bytes (80 Chinese characters are 240) would
 * otherwise fail with ENAMETOOLONG. An existing target keeps its permissions; a read-only one
 * (mode 444) is refused with `ReadOnlyOutputError` unless `force` is set, since rename would
 * silently replace it.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: WriteOptions = {}): Promise<void> {
  const mode = await existingMode(target);
  if (mode !== undefined && (mode & 0o200) === 0 && !options.force) {
    throw new ReadOnlyOutputError(`${target} is read-only (replace it with --force)`);
  }
  const temporary = join(dirname(target), `.wenshu-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temporary);
  options.onTemporary?.(temporary);
  try {
    await writeFile(temporary, bytes);
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    pending.delete(temporary);
  }
}

/** The permission bits of an existing regular file, or undefined when there is none. */
async function existingMode(file: string): Promise<number | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/** Removes every temporary file still being written (called on SIGINT/SIGTERM). */
export async function removePendingTemporaries(): Promise<void> {
  await Promise.all([...pending].map((file) => rm(file, { force: true })));
  pending.clear();
}

/** The same, at once: for a process about to end on an error it did not expect. */
export function removePendingTemporariesSync(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

/** The real path of a file, or its absolute path when it does not exist yet. */
export function canonicalPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(file))), basename(file));
    } catch {
      return resolve(file);
    }
  }
}

/** An output rendered and not written yet. */
export interface HeldOutput {
  path: string;
  bytes: Uint8Array;
}

/** The message of a conversion's error, without the input's name (the result names it). */
export function inputErrorMessage(error: unknown): string {
  return error instanceof InputError ? error.message.slice(`${error.file}: `.length) : (error as Error).message;
}

/** Writes one output; the error message, or null when it was written. */
export async function writeOutput(
  name: string,
  output: HeldOutput,
  force: boolean,
  onTemporary?: (path: string) => void,
): Promise<string | null> {
  try {
    await writeTarget(name, output.path, output.bytes, { force, ...(onTemporary ? { onTemporary } : {}) });
    return null;
  } catch (error) {
    return inputErrorMessage(error);
  }
}

async function writeTarget(name: string, target: string, bytes: Uint8Array, options: WriteOptions): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (error) {
    throw new InputError(name, `cannot create the folder for ${target}: ${describeWriteError(error)}`);
  }
  try {
    await writeFileAtomic(target, bytes, options);
  } catch (error) {
    if (error instanceof ReadOnlyOutputError) throw new InputError(name, error.message);
    throw new InputError(name, `cannot write ${target}: ${describeWriteError(error)}`);
  }
}

function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  // Writing, a denied permission is the same whatever the system calls it.
  return code === 'EPERM' || code === 'EROFS' ? 'permission denied' : describeSystemError(error);
}
