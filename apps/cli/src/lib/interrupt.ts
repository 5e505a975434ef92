import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { removePendingTemporaries, TEMPORARY_NAME } from './output.js';

/** The exit code of a run ended by Ctrl-C (128 + SIGINT), the shell's convention. */
export const EXIT_INTERRUPTED = 130;

/**
 * On SIGINT or SIGTERM: runs `cleanup` (stop the workers), removes this process's temporary files and
 * exits 130, so an interrupted run leaves only complete outputs. Returns the function that removes
 * the handlers again.
 */
export function onInterrupt(
  cleanup: () => Promise<void>,
  message = 'interrupted: no partial file was left',
): () => void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      try {
        await cleanup();
        await removePendingTemporaries();
      } finally {
        process.stderr.write(`\nwenshu: ${message}\n`);
        process.exit(EXIT_INTERRUPTED);
      }
    })();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/**
 * Removes the temporary files this process may have started in the folders of `targets`
 * (`.wenshu-<pid>-<hex>.tmp`, see `writeFileAtomic`), including those of worker threads that were
 * stopped mid-write. A write the stopped thread had already handed to the system may create its
 * file a moment later: the folders are swept twice.
 */
export async function sweepTemporaries(targets: readonly string[]): Promise<void> {
  const folders = new Set(targets.filter((target) => target !== '-').map((target) => dirname(target)));
  const sweep = async () => {
    for (const folder of folders) {
      const entries = await readdir(folder).catch(() => [] as string[]);
      for (const entry of entries) {
        const match = TEMPORARY_NAME.exec(entry);
        if (match && match[1] === String(process.pid)) await rm(join(folder, entry), { force: true });
      }
    }
  };
  await sweep();
  await sleep(100);
  await sweep();
}
