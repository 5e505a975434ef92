/**
 * Issue 18: `--json` lists exactly the outputs written, whatever failed. A worker thread announces
 * each output as it is written; one that dies afterwards (a bug, a dependency throwing where nothing
 * can catch it) still has its written outputs listed, and its error is one line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
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
    const runner = workerRunner({} as Settings, 1, pathToFileURL(script));
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
});
