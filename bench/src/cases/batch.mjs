/**
 * `wenshu convert` on a batch of 200 reports, as a user runs it: a fresh process converting a folder
 * to DOCX with one thread (`--jobs 1`: the files one after another, in one worker thread) and
 * with two (`--jobs 2`). The batch is the seed report and the corpus's Markdown reports, copied
 * round-robin into `batch/` in the case's scratch folder. The table's size column is the seed's
 * (one file), not the batch's: files per second = 200 ÷ the median time.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR } from '../inputs.mjs';
import { wenshuCommand } from '../wenshu.mjs';

/** How many reports the batch has. */
export const BATCH_FILES = 200;

/** The report files the batch is made of: the seed, then the corpus's Markdown reports. */
function sources() {
  const reports = join(CORPUS_DIR, 'reports');
  const extra = existsSync(reports)
    ? readdirSync(reports)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => join(reports, name))
    : [];
  return [join(CORPUS_DIR, 'seed/weifang-2023-departments.md'), ...extra];
}

/** Writes the batch once into `<outDir>/batch` (200 files) and returns the folder's name. */
export function batchIn(/** @type {string} */ outDir) {
  const folder = join(outDir, 'batch');
  if (existsSync(folder) && readdirSync(folder).length === BATCH_FILES) return 'batch';
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const files = sources();
  for (let i = 0; i < BATCH_FILES; i++) {
    copyFileSync(
      /** @type {string} */ (files[i % files.length]),
      join(folder, `report-${String(i).padStart(3, '0')}.md`),
    );
  }
  return 'batch';
}

/** @param {number} jobs @returns {import('./index.mjs').BenchCase} */
const batchCase = (jobs) => ({
  name: `wenshu-cli-batch-jobs${jobs}`,
  description: `wenshu convert <200 reports> --to docx --jobs ${jobs}, a fresh process; files/s = 200 ÷ time`,
  input: 'seed',
  scales: [1],
  ...(jobs === 1
    ? {}
    : {
        baseline: 'wenshu-cli-batch-jobs1',
        // Files per second is elapsed time: a second thread adds CPU time, it cannot save any.
        target: {
          scale: 1,
          maxRatio: 1 / 1.7,
          on: 'wall',
          source: 'issue "The command for real work" (--jobs 2 ≥ 1.7× --jobs 1)',
        },
      }),
  command: (input) =>
    wenshuCommand(
      'convert',
      batchIn(input.outDir),
      '--to',
      'docx',
      '--jobs',
      String(jobs),
      '--quiet',
      '--out-dir',
      `out-jobs${jobs}`,
    ),
  check(_result, input) {
    const written = readdirSync(join(input.outDir, `out-jobs${jobs}`)).filter((name) => name.endsWith('.docx'));
    if (written.length !== BATCH_FILES) throw new Error(`expected ${BATCH_FILES} DOCX files, found ${written.length}`);
  },
});

export const SPIN = fileURLToPath(new URL('../spin.mjs', import.meta.url));

/**
 * The same CPU-bound loop in one thread and split over two (see spin.mjs): the speed-up a second
 * thread can give on this machine in this run, the ceiling for the batch rows' ratio.
 * @param {number} threads @returns {import('./index.mjs').BenchCase}
 */
const spinCase = (threads) => ({
  name: `machine-spin-threads${threads}`,
  description: `a fixed integer loop split over ${threads} worker thread(s): what ${threads} thread(s) give on this machine now`,
  input: 'seed',
  scales: [1],
  ...(threads === 1 ? {} : { baseline: 'machine-spin-threads1' }),
  command: () => [process.execPath, SPIN, String(threads)],
});

/** @type {import('./index.mjs').BenchCase[]} */
export const batchCases = [batchCase(1), batchCase(2), spinCase(1), spinCase(2)];
