/**
 * Issue 18: `--json` lists exactly the outputs written, whatever failed. A worker thread announces
 * each output as it is written; one that dies afterwards (a bug, a dependency throwing where nothing
 * can catch it) still has its written outputs listed, and its error is one line.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JobResult, Settings } from '../src/lib/convert-file.js';
import { workerRunner } from '../src/lib/pool.js';

describe('workerRunner', () => {
  it('keeps the outputs a worker wrote before it died, and names the error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-pool-'));
    const script = join(dir, 'dying-worker.mjs');
    // Writes the DOCX, then dies while making the PDF, as the corrupt RGBA PNG once made pdfkit do.
    writeFileSync(
      script,
      `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (job) => {
  parentPort.postMessage({ written: job.targets[0].path });
  setTimeout(() => { throw new Error('incorrect header check'); }, 10);
});
`,
    );
    const runner = workerRunner({} as Settings, 1, { script: pathToFileURL(script) });
    const results: JobResult[] = [];
    const targets = ['docx', 'pdf'].map((format) => ({ format, edition: 'cn' as const, path: `r.${format}` }));
    await runner.run([{ index: 0, name: 'r.md', path: 'r.md', targets }], (result) => results.push(result));
    await runner.stop();
    expect(results).toEqual([
      {
        index: 0,
        input: 'r.md',
        outputs: ['r.docx'],
        warnings: [],
        error: 'internal error: incorrect header check',
        timeMs: 0,
      },
    ]);
  });

  it('--timeout: stops a thread stuck in a job, names its stage, removes its temporary file, goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-pool-'));
    const script = join(dir, 'stuck-worker.mjs');
    const temporary = join(dir, '.wenshu-1-0.tmp');
    // The first job gets as far as a temporary file while "rendering the PDF", then never returns
    // (a busy loop: only terminating the thread stops it); the next job is answered at once.
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (job) => {
  if (job.name === 'slow.md') {
    parentPort.postMessage({ stage: 'rendering the PDF' });
    parentPort.postMessage({ temporary: ${JSON.stringify(temporary)} });
    writeFileSync(${JSON.stringify(temporary)}, 'half a file');
    setTimeout(() => { for (;;); }, 50);
    return;
  }
  const result = { index: job.index, input: job.name, outputs: [], warnings: [], error: null, timeMs: 1 };
  parentPort.postMessage({ result });
});
`,
    );
    const runner = workerRunner({} as Settings, 1, { script: pathToFileURL(script), timeoutSeconds: 0.5 });
    const results: JobResult[] = [];
    const targets = [{ format: 'pdf', edition: 'cn' as const, path: join(dir, 'r.pdf') }];
    const started = Date.now();
    await runner.run(
      [
        { index: 0, name: 'slow.md', path: 'slow.md', targets },
        { index: 1, name: 'quick.md', path: 'quick.md', targets },
      ],
      (result) => results.push(result),
    );
    await runner.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(results.map((result) => [result.input, result.error])).toEqual([
      ['slow.md', 'stopped after 0.5 s (--timeout) while rendering the PDF'],
      ['quick.md', null],
    ]);
    expect(existsSync(temporary)).toBe(false);
  }, 20_000);
});
