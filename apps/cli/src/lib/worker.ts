import { parentPort, workerData } from 'node:worker_threads';
import { convertFile, type Job, type Settings } from './convert-file.js';
import type { WorkerMessage } from './pool.js';

/**
 * A worker thread of `wenshu convert --jobs N`: it is given the run's settings once, then one job at a
 * time, and answers each with its result. The exporters (and their fonts) are imported on the first
 * job and kept, so a worker pays for them once however many files it converts.
 */
// As in cli.ts: dependencies' deprecation warnings are not for the command's users.
process.noDeprecation = true;
const settings = workerData as Settings;
const port = parentPort;
if (port) {
  port.on('message', (job: Job) => {
    // Each output is announced as soon as it is written, so that a thread that dies later (a bug, a
    // dependency throwing where nothing can catch it) still has it listed among the outputs; the
    // stage and the temporary file, so that a thread stopped by --timeout can be named and cleaned up.
    const post = (message: WorkerMessage) => port.postMessage(message);
    void convertFile(job, settings, {
      onWritten: (path) => post({ written: path }),
      onStage: (stage) => post({ stage }),
      onTemporary: (path) => post({ temporary: path }),
    }).then((result) => post({ result }));
  });
}
