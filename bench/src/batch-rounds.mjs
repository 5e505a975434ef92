/**
 * The batch rows in rounds: each round runs `wenshu convert <200 reports> --to docx` with `--jobs 1`
 * and with `--jobs 2`, then the machine-spin loop in one thread and in two, one right after the
 * other, and reports the round's two ratios. `pnpm bench` times all runs of one row before the
 * next row, minutes apart; on a shared machine whose speed moves over minutes, that can set a quiet
 * minute against a busy one. The runs of a round meet about the same load.
 *
 *   node src/batch-rounds.mjs [--rounds <n>]      (pnpm bench:batch [-- --rounds <n>])
 *
 * Uses the built command (run `pnpm build` first) and the shared corpus, like the bench.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BATCH_FILES, batchIn, SPIN } from './cases/batch.mjs';
import { CORPUS_DIR, OUT_DIR } from './inputs.mjs';
import { wenshuCommand } from './wenshu.mjs';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write(`--rounds takes a whole number above 0, not ${values.rounds}\n`);
  process.exit(2);
}
if (!existsSync(join(CORPUS_DIR, 'seed'))) {
  process.stderr.write(`batch-rounds: corpus not found at ${CORPUS_DIR}\n`);
  process.exit(1);
}

const scratch = join(OUT_DIR, 'runs', 'batch-rounds');
mkdirSync(scratch, { recursive: true });
const batch = batchIn(scratch);

/** Wall time of one command, in seconds; a failed command ends the measurement. */
function timed(/** @type {string[]} */ command) {
  const started = performance.now();
  const result = spawnSync(command[0] ?? '', command.slice(1), { cwd: scratch, stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    process.stderr.write(`${command.join(' ')} failed (${result.status}):\n${result.stderr}\n`);
    process.exit(1);
  }
  return seconds;
}

const convert = (/** @type {number} */ jobs) => {
  const out = join(scratch, `out-jobs${jobs}`);
  rmSync(out, { recursive: true, force: true });
  return timed(wenshuCommand('convert', batch, '--to', 'docx', '--jobs', String(jobs), '--quiet', '--out-dir', out));
};
const spin = (/** @type {number} */ threads) => timed([process.execPath, SPIN, String(threads)]);

const median = (/** @type {number[]} */ xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

process.stdout.write('round  jobs 1  jobs 2  ratio   spin 1  spin 2  ratio\n');
const batchRatios = [];
const spinRatios = [];
/** @type {Record<number, number[]>} */
const times = { 1: [], 2: [] };
for (let round = 1; round <= rounds; round++) {
  const [one, two, spinOne, spinTwo] = [convert(1), convert(2), spin(1), spin(2)];
  times[1]?.push(one);
  times[2]?.push(two);
  batchRatios.push(one / two);
  spinRatios.push(spinOne / spinTwo);
  const s = (/** @type {number} */ x) => `${x.toFixed(2)} s`.padStart(7);
  const r = (/** @type {number} */ x) => `${x.toFixed(2)}×`.padStart(6);
  process.stdout.write(
    `${String(round).padStart(5)} ${s(one)} ${s(two)} ${r(one / two)}  ${s(spinOne)} ${s(spinTwo)} ${r(spinOne / spinTwo)}\n`,
  );
}
const range = (/** @type {number[]} */ xs) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}×`;
const filesPerSecond = (/** @type {number} */ jobs) => (BATCH_FILES / median(times[jobs] ?? [])).toFixed(1);
process.stdout.write(
  `\nfiles per second (median time): --jobs 1 ${filesPerSecond(1)}, --jobs 2 ${filesPerSecond(2)}\n` +
    `--jobs 2 vs --jobs 1: median ${median(batchRatios).toFixed(2)}× (${range(batchRatios)}); target ≥ 1.7×: ${median(batchRatios) >= 1.7 ? 'met' : 'missed'}\n` +
    `machine-spin, two threads vs one: median ${median(spinRatios).toFixed(2)}× (${range(spinRatios)})\n`,
);
