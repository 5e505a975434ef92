/**
 * Timing loops. A case is measured in its own process (see worker.mjs), so `maxRSS` is its own.
 * Warm-up runs (at least one, ~1 s in all), then timed runs until at least `minRuns` are done
 * and either `maxRuns` are done or `budgetMs` of timed work has passed.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** @typedef {{ minRuns: number, maxRuns: number, budgetMs: number, warmupMs: number, maxWarmups: number }} Plan */

/**
 * Warm-up lasts about a second: V8 keeps optimising micromark on background threads for the first
 * few hundred milliseconds, and runs during that time are up to 3× slower (and cost more CPU).
 * @type {Plan}
 */
export const FULL_PLAN = { minRuns: 3, maxRuns: 20, budgetMs: 5000, warmupMs: 1000, maxWarmups: 50 };
/** @type {Plan} */
export const QUICK_PLAN = { minRuns: 2, maxRuns: 3, budgetMs: 1000, warmupMs: 0, maxWarmups: 1 };

const GNU_TIME = '/usr/bin/time';

/** Prefix of the line on which a worker reports its result (JSON) to the runner. */
export const RESULT_MARKER = 'BENCH_RESULT ';

/**
 * Collected per case: the wall time and CPU time (user + system, all threads) of every timed run,
 * and the peak resident set size of the measuring process (in-process cases) or of the measured
 * program (commands). CPU time hardly moves when other processes compete for the cores; wall
 * time does.
 * @typedef {{ warmups: number, timesMs: number[], cpuMs: number[], peakRssMiB: number | null, setupRssMiB?: number, note?: string }} Measurement
 * @typedef {{ wallMs: number, cpuMs: number }} Sample
 */

/**
 * A synchronous full collection before each timed run, so that no run pays for the garbage of the
 * one before. (On Node 20 a bare `gc()` made the following short runs about 2× slower in our
 * trials; the explicit major, synchronous form did not.)
 */
const collect =
  typeof globalThis.gc === 'function' ? () => globalThis.gc?.({ type: 'major', execution: 'sync' }) : () => {};
const maxRssMiB = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB

/** Keeps results reachable so that the work cannot be optimised away. */
/** @type {{ result: unknown }} */
const sink = { result: undefined };

/**
 * Calls `once()` (one timed iteration) as the plan says.
 * @param {Plan} plan
 * @param {() => Promise<Sample>} once
 */
async function loop(plan, once) {
  let warmups = 0;
  let warmupTotal = 0;
  do {
    warmupTotal += (await once()).wallMs;
    warmups++;
  } while (warmups < plan.maxWarmups && warmupTotal < plan.warmupMs);
  /** @type {number[]} */ const timesMs = [];
  /** @type {number[]} */ const cpuMs = [];
  let total = 0;
  while (timesMs.length < plan.minRuns || (timesMs.length < plan.maxRuns && total < plan.budgetMs)) {
    const sample = await once();
    timesMs.push(sample.wallMs);
    cpuMs.push(sample.cpuMs);
    total += sample.wallMs;
  }
  return { warmups, timesMs, cpuMs };
}

/**
 * An in-process case: `setup(input)` once (untimed), then `run(state)` timed.
 * @param {import('./cases/index.mjs').BenchCase} benchCase
 * @param {import('./inputs.mjs').Input} input
 * @param {Plan} plan
 * @returns {Promise<Measurement>}
 */
export async function measureInProcess(benchCase, input, plan) {
  const { setup, run } = benchCase;
  if (!setup || !run) throw new Error(`case ${benchCase.name} has neither run() nor command`);
  const state = await setup(input);
  collect();
  const setupRssMiB = maxRssMiB();
  let checked = false;
  const once = async () => {
    sink.result = undefined;
    collect();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    /** @type {any} */
    let result = run(state);
    if (result && typeof result.then === 'function') result = await result;
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    sink.result = result;
    if (!checked) {
      // Each case says what a correct result looks like, so a broken stage cannot look fast.
      benchCase.check?.(result, input);
      checked = true;
    }
    return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const { warmups, timesMs, cpuMs } = await loop(plan, once);
  sink.result = undefined;
  return { warmups, timesMs, cpuMs, peakRssMiB: maxRssMiB(), setupRssMiB };
}

/**
 * Where `program` is found on PATH (or the path itself when it has a slash); `undefined` if nowhere.
 * @param {string} program
 */
export function which(program) {
  const candidates = program.includes('/')
    ? [program]
    : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, program));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/**
 * An external command, timed by wall clock around the child. Its peak RSS and CPU time come from
 * GNU time (`/usr/bin/time -f '%M %U %S'`: the child's own rusage; CPU time in 10 ms steps);
 * without GNU time they are not reported.
 * @param {import('./cases/index.mjs').BenchCase} benchCase
 * @param {import('./inputs.mjs').Input} input
 * @param {Plan} plan
 * @returns {Promise<Measurement>}
 */
export async function measureCommand(benchCase, input, plan) {
  const argv = /** @type {NonNullable<typeof benchCase.command>} */ (benchCase.command)(input);
  const [program, ...args] = argv;
  if (!program) throw new Error(`case ${benchCase.name}: empty command`);
  const hasGnuTime = existsSync(GNU_TIME);
  const usageFile = join(input.outDir, 'rusage.txt');
  let peakKiB = 0;
  let checked = false;
  /** @returns {Promise<Sample>} */
  const once = async () => {
    const wrapped = hasGnuTime ? [GNU_TIME, '-f', '%M %U %S', '-o', usageFile, program, ...args] : argv;
    const start = performance.now();
    const child = spawnSync(/** @type {string} */ (wrapped[0]), wrapped.slice(1), {
      cwd: input.outDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    if (child.error) throw child.error;
    if (child.status !== 0) {
      const stderr = child.stderr.toString().trim().split('\n').slice(-5).join('\n');
      throw new Error(`${argv.join(' ')} exited with ${child.status ?? child.signal}\n${stderr}`);
    }
    let cpuMs = Number.NaN;
    if (hasGnuTime) {
      // The last line: GNU time puts "Command exited with non-zero status" lines before it.
      const [kib, user, system] = (readFileSync(usageFile, 'utf8').trim().split('\n').pop() ?? '').split(' ');
      peakKiB = Math.max(peakKiB, Number(kib) || 0);
      cpuMs = (Number(user) + Number(system)) * 1000;
      rmSync(usageFile, { force: true });
    }
    if (!checked) {
      benchCase.check?.(undefined, input);
      checked = true;
    }
    return { wallMs, cpuMs };
  };
  const { warmups, timesMs, cpuMs } = await loop(plan, once);
  return {
    warmups,
    timesMs,
    cpuMs,
    peakRssMiB: hasGnuTime ? peakKiB / 1024 : null,
    ...(hasGnuTime ? {} : { note: 'peak RSS and CPU time not measured: /usr/bin/time (GNU time) is not installed' }),
  };
}

/** Median of a non-empty list. @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}
