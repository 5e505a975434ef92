import { Worker } from 'node:worker_threads';
import type { Job, JobResult, Settings } from './convert-file.js';

/** Runs jobs and hands back results as they finish; `stop` ends the run at once (on Ctrl-C). */
export interface Runner {
  run(jobs: readonly Job[], onResult: (result: JobResult) => void, onStart?: (job: Job) => void): Promise<void>;
  stop(): Promise<void>;
}

/** One job at a time in this thread: for a single file, or `--jobs 1`. */
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
          const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: settings });
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
