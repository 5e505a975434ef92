/**
 * Measures one case on one input scale in this process and prints the result as one line of
 * JSON after a marker, so that the peak RSS is this case's alone.
 *
 *   node --expose-gc bench/src/worker.mjs <case> <scale> [--quick]
 *
 * Also handy on its own (src/profile.mjs runs it under `--cpu-prof`).
 */
import { cases, findCase, skipReason } from './cases/index.mjs';
import { inputLabel, loadInput } from './inputs.mjs';
import { FULL_PLAN, measureCommand, measureInProcess, QUICK_PLAN, RESULT_MARKER } from './measure.mjs';

const [name, scaleArgument, ...flags] = process.argv.slice(2);
const benchCase = name ? findCase(name) : undefined;
const scale = Number(scaleArgument);
if (!benchCase || !Number.isInteger(scale) || scale < 1) {
  process.stderr.write(
    `usage: node --expose-gc src/worker.mjs <case> <scale> [--quick]\ncases: ${cases.map((c) => c.name).join(', ')}\n`,
  );
  process.exit(2);
}
if (typeof globalThis.gc !== 'function') {
  process.stderr.write('warning: run with --expose-gc, or garbage from one run is collected during the next\n');
}

/** @param {object} result */
const report = (result) => process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);

const base = { case: benchCase.name, input: inputLabel(benchCase.input, scale), scale, bytes: 0 };
try {
  const input = loadInput(benchCase.input, scale, benchCase.name);
  base.bytes = input.bytes;
  const skipped = skipReason(benchCase, input);
  if (skipped) report({ ...base, skipped });
  else {
    const plan = flags.includes('--quick') ? QUICK_PLAN : FULL_PLAN;
    const measurement = benchCase.command
      ? await measureCommand(benchCase, input, plan)
      : await measureInProcess(benchCase, input, plan);
    report({ ...base, kind: benchCase.command ? 'command' : 'in-process', ...measurement });
  }
} catch (error) {
  process.stderr.write(`${benchCase.name} ${base.input}: ${/** @type {Error} */ (error).stack ?? error}\n`);
  report({ ...base, error: String(/** @type {Error} */ (error).message ?? error) });
  process.exitCode = 1;
}
