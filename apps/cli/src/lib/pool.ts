import { Worker } from 'node:worker_threads';
import type { Job, JobResult, Settings } from './convert-file.js';

/** Runs jobs and hands back results as they finish; `stop` ends the run at once (on Ctrl-C). */
export interface Runner {
  run(jobs: readonly Job[], onResult: (result: JobResult) => void, onStart?: (job: Job) => void): Promise<void>;
  stop(): Promise<void>;
}

/** One job at a time in this thread: for a single conversion, where starting a thread would cost more than it saves. */
export function inProcessRunner(settings: Settings): Runner {
  let stopped = false;
  return {
    async run(jobs, onResult, onStart) {
      // Imported here: a run that uses worker threads never loads the exporters in this thread.
      const { convertFile } = await import('./convert-file.js');
      for (const job of jobs) {
        if (stopped) return;
        onStart?.(job);
        const result = await convertFile(job, settings);
        if (!stopped) onResult(result);
      }
    },
    async stop() {
      stopped = true;
    },
  };
}

/**
 * The young generation of a worker thread's heap, where V8 first puts every object. A conversion
 * makes many objects that live for a few milliseconds; with V8's default for threads (48 MB) too
 * many of them outlive a collection and are copied again and again. On a 200-report batch, 64 to
 * 128 MB took 15-25% less CPU time than 48 MB, for about the same peak memory at 96 MB.
 */
const YOUNG_GENERATION_MB = 96;

/**
 * `count` worker threads (`worker.js`), each given the next job as soon as it is free. A worker that
 * dies takes its job with it as a failure; the others go on.
 */
export function workerRunner(settings: Settings, count: number): Runner {
  const workers: Worker[] = [];
  return {
    run(jobs, onResult, onStart) {
      return new Promise<void>((done) => {
        let next = 0;
        let finished = 0;
        if (jobs.length === 0) return done();
        const feed = (worker: Worker) => {
          const job = jobs[next++];
          if (!job) {
            void worker.terminate();
            return;
          }
          let settled = false;
          const settle = (result: JobResult) => {
            if (settled) return;
            settled = true;
            worker.off('message', onMessage);
            worker.off('error', onError);
            onResult(result);
            finished++;
            if (finished === jobs.length) done();
          };
          const onMessage = (result: JobResult) => {
            settle(result);
            feed(worker);
          };
          const onError = (error: Error) => {
            settle({ index: job.index, input: job.name, outputs: [], warnings: [], error: error.message, timeMs: 0 });
            const replacement = spawn();
            feed(replacement);
          };
          worker.on('message', onMessage);
          worker.on('error', onError);
          onStart?.(job);
          worker.postMessage(job);
        };
        const spawn = () => {
          const worker = new Worker(new URL('./worker.js', import.meta.url), {
            workerData: settings,
            resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
          });
          workers.push(worker);
          return worker;
        };
        for (let i = 0; i < Math.min(count, jobs.length); i++) feed(spawn());
      });
    },
    async stop() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
