import { randomBytes } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Temporary files being written, so an interrupted run can remove them. */
const pending = new Set<string>();

/**
 * Writes a file atomically: the bytes go to a temporary file in the same folder, which is then
 * renamed over the target (rename within a folder is atomic on POSIX), so a reader or an
 * interrupted run never sees half a file.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temporary);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    pending.delete(temporary);
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
