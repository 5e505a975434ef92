/**
 * The registry of benchmark cases. A row of the table is one case on one input at one scale.
 *
 * A case is either in-process (`setup` + `run`, timed inside a fresh Node process) or an external
 * program (`command`, timed by wall clock, its peak RSS taken by GNU time). Case modules import
 * what they measure lazily, inside `setup`, so that each worker loads only its own case's code
 * and its peak RSS is its own.
 */
import { which } from '../measure.mjs';
import { batchCases } from './batch.mjs';
import { docxCases } from './docx.mjs';
import { parserCases } from './parser.mjs';
import { pdfXlsxCases } from './pdf-xlsx.mjs';
import { zhCases } from './zh.mjs';

/**
 * @typedef {import('../inputs.mjs').Input} Input
 *
 * @typedef {object} BenchCase
 * @property {string} name            unique; matched by `--filter`, named by other cases' `baseline`
 * @property {string} description     one line: what exactly is timed
 * @property {string} input           an input name from `INPUTS` in inputs.mjs (`seed`)
 * @property {number[]} [scales]      copies of the input to run on; default `[1, 10, 100]`
 * @property {string} [baseline]      the case this row is divided by (same input, same scale)
 * @property {{ scale: number, maxRatio?: number, maxMs?: number, on?: 'wall' | 'cpu', source?: string }} [target]
 *   a goal at one scale, checked and printed after the table: `median / baseline median` at most
 *   `maxRatio`, or the median at most `maxMs` (wall). Ratios are judged on CPU time unless `on` is
 *   `wall`: CPU time is steadier on a shared machine, but a parallel run or a whole command's
 *   elapsed time (what the user waits for, beside which V8 compiles and collects garbage in other
 *   threads) is wall time.
 * @property {(input: Input) => unknown} [setup]     untimed preparation; returns the state for `run`
 * @property {(state: any) => unknown} [run]         the timed work (may return a promise)
 * @property {(input: Input) => string[]} [command]  an external program and its arguments instead
 * @property {{ program: string, debian: string }} [install]  a Debian package to install when the program is missing
 * @property {(input: Input) => string | undefined} [skip]  a reason not to run here (nothing installed…)
 * @property {(result: any, input: Input) => void} [check]  throws if the (first) result is wrong
 */

/** @type {BenchCase[]} */
export const cases = [...parserCases, ...docxCases, ...pdfXlsxCases, ...batchCases, ...zhCases];

export const DEFAULT_SCALES = [1, 10, 100];

/** @param {BenchCase} benchCase */
export const scalesOf = (benchCase) => benchCase.scales ?? DEFAULT_SCALES;

/** @param {string} name */
export function findCase(name) {
  return cases.find((benchCase) => benchCase.name === name);
}

/**
 * Why a case cannot run here, if it cannot: its own `skip`, or its program missing from PATH.
 * @param {BenchCase} benchCase
 * @param {Input} input
 */
export function skipReason(benchCase, input) {
  const own = benchCase.skip?.(input);
  if (own) return own;
  if (benchCase.command) {
    const program = benchCase.command(input)[0] ?? '';
    if (!which(program)) return `${program} is not installed`;
  }
  return undefined;
}

/** Throws on duplicate names, unknown baselines and targets on scales the case does not run. */
export function validateRegistry() {
  const names = new Set();
  for (const benchCase of cases) {
    if (names.has(benchCase.name)) throw new Error(`duplicate bench case name: ${benchCase.name}`);
    names.add(benchCase.name);
    if (!benchCase.command === !(benchCase.setup && benchCase.run)) {
      throw new Error(`bench case ${benchCase.name}: give either command, or setup and run`);
    }
  }
  for (const benchCase of cases) {
    if (benchCase.baseline && !names.has(benchCase.baseline)) {
      throw new Error(`bench case ${benchCase.name}: unknown baseline ${benchCase.baseline}`);
    }
    if (benchCase.target && (benchCase.target.maxRatio === undefined) === (benchCase.target.maxMs === undefined)) {
      throw new Error(`bench case ${benchCase.name}: a target has either maxRatio or maxMs`);
    }
    if (benchCase.target?.maxRatio !== undefined && !benchCase.baseline) {
      throw new Error(`bench case ${benchCase.name}: a ratio target needs a baseline`);
    }
    if (benchCase.target && !scalesOf(benchCase).includes(benchCase.target.scale)) {
      throw new Error(`bench case ${benchCase.name}: target on scale ${benchCase.target.scale}, not run`);
    }
  }
}
