/**
 * The machine's own answer to "how much faster are two threads than one?": a fixed amount of
 * CPU-bound work (an integer loop, no memory traffic, no garbage) split evenly over N worker
 * threads of one process. `node spin.mjs 1` against `node spin.mjs 2` is the most any program can
 * gain from a second thread on this machine at that moment; on a shared virtual machine it is
 * often less than 2×. The batch rows (`--jobs 1` against `--jobs 2`) are read beside it.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const TOTAL_STEPS = 2e9;

if (isMainThread) {
  const threads = Number(process.argv[2] ?? '1');
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: TOTAL_STEPS / threads });
          worker.on('message', resolve);
          worker.on('error', reject);
        }),
    ),
  );
} else {
  // In slices, so that V8 optimises `slice` as a function rather than replacing one long loop
  // while it runs (which now and then left a thread with slow code).
  const slice = (/** @type {number} */ seed) => {
    let hash = seed;
    for (let i = 0; i < 1e6; i++) hash = (Math.imul(hash, 31) + i) | 0;
    return hash;
  };
  let hash = 0;
  for (let done = 0; done < /** @type {number} */ (workerData); done += 1e6) hash = slice(hash);
  parentPort?.postMessage(hash);
}
