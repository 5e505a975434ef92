import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { watch } from 'chokidar';
import { isDynamicPattern } from 'tinyglobby';
import { REPORT_EXTENSIONS, staticBase } from './inputs.js';
import { printMessage } from './messages.js';

const DEBOUNCE_MS = 300;
/** Printed when the watcher is idle again: after the first scan and after each reconversion. */
const WATCHING = 'wenshu: watching for changes (Ctrl-C to stop)\n';

/**
 * `--watch`: after the first run, converts again the reports that change (or appear) under the
 * inputs, a moment after the last change (editors write a file in several steps). Ctrl-C while idle
 * closes the watcher and ends the command with exit 0: in watch mode it is the ordinary way to stop.
 * Ctrl-C during a reconversion interrupts that run like any other (no partial file, exit 130).
 */
export async function watchInputs(
  args: readonly string[],
  reconvert: (changed: Set<string>) => Promise<number>,
  options: { quiet: boolean },
): Promise<void> {
  const cwd = process.cwd();
  const watched = args.map((arg) => (!existsSync(arg) && isDynamicPattern(arg) ? staticBase(arg) : arg));
  const watcher = watch(watched, {
    ignoreInitial: true,
    ignored: (path, stats) =>
      /(^|[\\/])(node_modules|\.[^\\/]+)$/.test(path) ||
      (stats?.isFile() === true && !REPORT_EXTENSIONS.includes(extname(path).slice(1).toLowerCase())),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const flush = () => {
    const changed = pending;
    pending = new Set();
    running = running
      .then(() => reconvert(changed))
      .catch((error: Error) => {
        printMessage(`wenshu: ${error.message}`);
      })
      .then(() => {
        if (!options.quiet) process.stderr.write(WATCHING);
      });
  };
  const changed = (path: string) => {
    pending.add(resolve(cwd, path));
    clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };
  watcher.on('add', changed).on('change', changed);
  // Say so only once the initial scan is done: a change before 'ready' is not reported.
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  if (!options.quiet) process.stderr.write(WATCHING);
  await new Promise<void>((done) => {
    const stop = () => {
      clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.then(() => watcher.close()).then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
