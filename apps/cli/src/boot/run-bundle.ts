/**
 * Starts one of the command's bundles (`cli.cjs`, `worker.cjs`, made by scripts/bundle.mjs) from
 * V8's code cache of it (`<bundle>.cache`, written by the build after a warm-up conversion).
 *
 * Each bundle holds the whole command: the parser, three exporters and their dependencies, about
 * 12 MB of JavaScript. Compiling that is most of what a process or worker thread does before it
 * converts anything (0.2-0.35 s here, in each thread), and the functions a conversion calls are
 * compiled again, one by one, the first time they run. The code cache holds both, ready-made: the
 * seed report to three formats took 0.15-0.4 s less time and a fifth less CPU. V8 checks the cache
 * against the source, its own version and its flags, and compiles from the source when they differ
 * (a cache from another Node, a rebuilt bundle): a stale cache costs time, never correctness.
 *
 * `WENSHU_CODE_CACHE=report` prints whether each bundle's cache was used; `=write` (the build's
 * warm-up) writes the caches: the main thread's when the process exits, a worker thread's just before
 * it posts its first result (the pool stops workers with `terminate()`, which runs no more code).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread, parentPort } from 'node:worker_threads';

// V8 optimises a report's hot functions again in every thread (and, as reports come and go, again
// and again), inlining generously: on a batch its compiler threads took some 8 s of CPU for 200
// reports beside 14 s of conversion, and with two worker threads they crowded out the second.
// Without inlining the optimised code is about as fast here and much cheaper to make. V8 flags
// are the process's, so the worker threads started later have it too. It is set before the
// bundle is compiled: V8 only accepts a code cache made under the same flags.
setFlagsFromString('--no-turbo-inlining');

type ModuleWrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: { exports: unknown },
  filename: string,
  dirname: string,
) => void;

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Runs `dist/<name>` (a CommonJS bundle) as Node would require it, compiled from its cache. */
export function runBundle(name: string, bootUrl: string): void {
  const file = join(dirname(fileURLToPath(bootUrl)), name);
  const cacheFile = `${file}.cache`;
  const cachedData = readCache(cacheFile);
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const mode = process.env.WENSHU_CODE_CACHE;
  if (mode === 'report') {
    const state = !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
    process.stderr.write(`code cache ${name}: ${state}\n`);
  }
  if (mode === 'write') {
    const write = () => writeFileSync(cacheFile, script.createCachedData());
    if (isMainThread) process.once('exit', write);
    else if (parentPort) {
      const port = parentPort;
      const post = port.postMessage.bind(port);
      let written = false;
      port.postMessage = ((value: unknown, transfer?: never) => {
        // Before the result goes: once it has, the pool may stop this thread at any moment.
        if (!written) write();
        written = true;
        post(value, transfer);
      }) as typeof port.postMessage;
    }
  }
  const module = { exports: {} };
  const wrapper = script.runInThisContext() as ModuleWrapper;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}
