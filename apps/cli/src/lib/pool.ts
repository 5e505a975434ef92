import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Job, JobResult, Settings } from './convert-file.js';

/**
 * What a worker thread posts: an output it has just written, the stage it enters, a temporary file
 * it is about to write, then the job's result.
 */
export type WorkerMessage = { written: string } | { stage: string } | { temporary: string } | { result: JobResult };

/** Runs jobs and hands back results as they finish; `stop` ends the run at once (on Ctrl-C). */
export interface Runner {
  run(jobs: readonly Job[], onResult: (result: JobResult) => void, onStart?: (job: Job) => void): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The young generation of a worker thread's heap, where V8 first puts every object. A conversion
 * makes many objects that live for a few milliseconds; with V8's default for threads (48 MB) too
 * many of them outlive a collection and are copied again and again. On a 200-report batch, 64 to
 * 128 MB took 15-25% less CPU time than 48 MB, for about the same peak memory at 96 MB.
 */
const YOUNG_GENERATION_MB = 96;

export interface WorkerRunnerOptions {
  /** The worker thread's script; a test gives one of its own (a thread that dies mid-job). */
  script?: URL;
  /**
   * `--timeout`: a job still running after this many seconds is stopped (its thread terminated and
   * replaced, its temporary file removed) and fails with a message naming the stage it was in.
   */
  timeoutSeconds?: number | undefined;
  /**
   * `--max-memory`: the heap (V8's old generation) each thread may use, in MB; V8's default when
   * unset. A conversion that needs more ends its thread with ERR_WORKER_OUT_OF_MEMORY, which fails
   * that input with a message: never a V8 abort of the whole command, as in the main thread.
   */
  maxMemoryMb?: number | undefined;
}

/** The error of a job stopped by `--timeout`. */
export function stoppedMessage(seconds: number, stage: string | undefined): string {
  return `stopped after ${seconds} s (--timeout)${stage ? ` while ${stage}` : ''}`;
}

/** The error of a job whose thread ran out of memory. */
export function outOfMemoryMessage(maxMemoryMb: number | undefined, stage: string | undefined): string {
  const where = stage ? ` while ${stage}` : '';
  return maxMemoryMb === undefined
    ? `ran out of memory${where} (V8's heap limit; --max-memory sets the heap a conversion may use)`
    : `ran out of memory${where}: the conversion needed more than ${maxMemoryMb} MB (raise it with --max-memory)`;
}

/**
 * Removes the temporary files a stopped thread may have been writing. A write it had already
 * handed to the system may create its file a moment after the thread is gone: removed twice.
 */
async function removeTemporaries(paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  const removeAll = () => Promise.all(paths.map((path) => rm(path, { force: true })));
  await removeAll();
  await sleep(100);
  await removeAll();
}

/**
 * `count` worker threads (`worker.js`), each given the next job as soon as it is free. A worker that
 * dies takes its job with it as a failure, as does one stopped by `--timeout`; the others go on.
 */
export function workerRunner(settings: Settings, count: number, options: WorkerRunnerOptions = {}): Runner {
  const script = options.script ?? new URL('./worker.js', import.meta.url);
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
          // Once the job's result is decided, nothing more its thread says counts.
          let settled = false;
          let stage: string | undefined;
          const written: string[] = [];
          const temporaries: string[] = [];
          const failed = (error: string, timeMs: number): JobResult => ({
            index: job.index,
            input: job.name,
            // The outputs written before the thread died are there: they are listed.
            outputs: written,
            warnings: [],
            error,
            timeMs,
          });
          const claim = () => {
            if (settled) return false;
            settled = true;
            if (timer) clearTimeout(timer);
            worker.off('message', onMessage);
            worker.off('error', onWorkerError);
            return true;
          };
          const deliver = (result: JobResult) => {
            onResult(result);
            finished++;
            if (finished === jobs.length) done();
          };
          const onMessage = (message: WorkerMessage) => {
            if ('written' in message) written.push(message.written);
            else if ('stage' in message) stage = message.stage;
            else if ('temporary' in message) temporaries.push(message.temporary);
            else if (claim()) {
              deliver(message.result);
              feed(worker);
            }
          };
          const onError = async (error: Error) => {
            if (!claim()) return;
            // The thread is gone, perhaps in the middle of writing an output.
            await removeTemporaries(temporaries);
            const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
            deliver(
              failed(
                outOfMemory ? outOfMemoryMessage(options.maxMemoryMb, stage) : `internal error: ${error.message}`,
                0,
              ),
            );
            feed(spawn());
          };
          const onWorkerError = (error: Error) => void onError(error);
          // The watchdog: terminating the thread stops the work itself, not only the waiting for it.
          const stopSlow = async (seconds: number) => {
            if (!claim()) return;
            await worker.terminate();
            await removeTemporaries(temporaries);
            deliver(failed(stoppedMessage(seconds, stage), seconds * 1000));
            feed(spawn());
          };
          const seconds = options.timeoutSeconds;
          const timer = seconds === undefined ? undefined : setTimeout(() => void stopSlow(seconds), seconds * 1000);
          worker.on('message', onMessage);
          worker.on('error', onWorkerError);
          onStart?.(job);
          worker.postMessage(job);
        };
        const spawn = () => {
          const worker = new Worker(script, {
            workerData: settings,
            resourceLimits: {
              maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
              ...(options.maxMemoryMb === undefined ? {} : { maxOldGenerationSizeMb: options.maxMemoryMb }),
            },
          });
          // An error between two jobs (or after a job was settled) is not an unhandled 'error' event.
          worker.on('error', () => {});
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
