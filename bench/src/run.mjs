/**
 * `pnpm bench`: runs every case of the registry on its inputs, each in a fresh worker process,
 * prints a table and writes `bench/results.json`.
 *
 *   node --expose-gc src/run.mjs [--quick] [--filter <substring>]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cases, scalesOf, validateRegistry } from './cases/index.mjs';
import { BENCH_DIR, CORPUS_DIR, corpusFile, inputLabel, missingInputs, OUT_DIR, REPO_DIR } from './inputs.mjs';
import { FULL_PLAN, median, QUICK_PLAN, RESULT_MARKER } from './measure.mjs';
import { banner, formatTable, loadAverage, machineInfo } from './report.mjs';
import { installBaselineTools } from './tools.mjs';

const WORKER = fileURLToPath(new URL('./worker.mjs', import.meta.url));
const USAGE = `usage: pnpm bench [-- [--quick] [--filter <substring>]]

  --quick              fewer runs, ×10 inputs only (a smoke test; results go to bench/out/)
  --filter <substring> only the cases whose name contains it (and the baselines they compare to)
`;

// `pnpm bench -- --quick` can hand us a literal `--` first.
const argv = process.argv.slice(2).filter((argument, index) => !(index === 0 && argument === '--'));
let options;
try {
  ({ values: options } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean' }, filter: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  }));
} catch (error) {
  process.stderr.write(`${/** @type {Error} */ (error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const quick = options.quick === true;
const filter = options.filter?.toLowerCase();

validateRegistry();

// Selection: the filtered cases, plus the baselines they are compared to.
const wanted = new Set(cases.filter((c) => !filter || c.name.toLowerCase().includes(filter)).map((c) => c.name));
for (const c of cases) if (wanted.has(c.name) && c.baseline) wanted.add(c.baseline);
const selected = cases.filter((c) => wanted.has(c.name));
if (selected.length === 0) {
  process.stderr.write(
    `no bench case matches --filter ${options.filter}; cases: ${cases.map((c) => c.name).join(', ')}\n`,
  );
  process.exit(2);
}

if (!existsSync(CORPUS_DIR)) {
  process.stdout.write(
    `${banner([
      'BENCHMARKS SKIPPED: NOTHING WAS MEASURED.',
      `The corpus is not at ${CORPUS_DIR}`,
      '(it is expected next to the repository, as ../shared/corpus).',
      'No results were written.',
    ])}\n`,
  );
  process.exit(0);
}
// GNU time gives commands' peak RSS and CPU time.
const gnuTime = selected.some((c) => c.command) ? [{ program: '/usr/bin/time', debian: 'time' }] : [];
installBaselineTools([...gnuTime, ...selected.flatMap((c) => (c.install ? [c.install] : []))]);

const missing = missingInputs(selected.map((c) => c.input));
if (missing.length > 0) {
  process.stdout.write(
    `${banner([
      'SOME CORPUS FILES ARE MISSING: their cases are skipped.',
      ...missing.map((name) => `${name}: ${corpusFile(name) ?? 'unknown input'}`),
    ])}\n`,
  );
}

/** The scales a case runs on in this mode: all of them, or ×10 (else its smallest) when quick. */
const scalesFor = (/** @type {import('./cases/index.mjs').BenchCase} */ c) => {
  const scales = scalesOf(c);
  return quick ? [scales.includes(10) ? 10 : Math.min(...scales)] : scales;
};

/** One case on one scale in a fresh Node process; resolves with its result line. */
function runWorker(/** @type {string} */ name, /** @type {number} */ scale) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', WORKER, name, String(scale), ...(quick ? ['--quick'] : [])], {
      cwd: BENCH_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (line) resolve(JSON.parse(line.slice(RESULT_MARKER.length)));
      else resolve({ error: `worker exited with ${code ?? signal}: ${stderr.trim().split('\n').pop() ?? ''}` });
    });
  });
}

/**
 * Workspace packages the bench imports are used from their `dist/`, and `pnpm bench` does not
 * build them: warn when a `src/` file is newer than the build.
 */
function staleBuilds() {
  const manifest = JSON.parse(readFileSync(join(BENCH_DIR, 'package.json'), 'utf8'));
  const newest = (/** @type {string} */ dir) =>
    existsSync(dir)
      ? Math.max(0, ...readdirSync(dir, { recursive: true }).map((f) => statSync(join(dir, String(f))).mtimeMs))
      : 0;
  return Object.entries(manifest.dependencies ?? {})
    .filter(([, version]) => String(version).startsWith('workspace:'))
    .map(([name]) => ({ name, dir: join(BENCH_DIR, 'node_modules', name) }))
    .filter(({ dir }) => newest(join(dir, 'src')) > newest(join(dir, 'dist')))
    .map(({ name }) => name);
}
for (const name of staleBuilds()) {
  process.stderr.write(`warning: ${name} has sources newer than its dist/: run \`pnpm build\` first\n`);
}

const machine = machineInfo(REPO_DIR);
const jobs = [...new Set(selected.flatMap(scalesFor))]
  .sort((a, b) => a - b)
  .flatMap((scale) => selected.filter((c) => scalesFor(c).includes(scale)).map((c) => ({ c, scale })));

process.stderr.write(
  `bench: ${jobs.length} rows on ${machine.cpuModel} ×${machine.cores}, Node ${machine.node}${quick ? ' (quick)' : ''}\n`,
);
/** @type {(import('./report.mjs').Row & Record<string, unknown>)[]} */
const rows = [];
for (const [index, { c, scale }] of jobs.entries()) {
  const label = inputLabel(c.input, scale);
  process.stderr.write(`[${index + 1}/${jobs.length}] ${c.name} ${label} … `);
  const base = { case: c.name, description: c.description, input: label, scale, bytes: 0 };
  if (missing.includes(c.input)) {
    rows.push({ ...base, skipped: 'corpus file missing' });
    process.stderr.write('skipped\n');
    continue;
  }
  const result = await runWorker(c.name, scale);
  const row = { ...base, ...result, ...(c.baseline ? { baseline: c.baseline } : {}) };
  if (!row.skipped && !row.error) {
    const times = /** @type {number[]} */ (result.timesMs);
    row.runs = times.length;
    row.medianMs = median(times);
    row.minMs = Math.min(...times);
    row.meanMs = times.reduce((sum, t) => sum + t, 0) / times.length;
    row.cpuMedianMs = median(/** @type {number[]} */ (result.cpuMs));
    row.mbPerSecond = row.bytes / 1e6 / (row.medianMs / 1000);
    process.stderr.write(`median ${row.medianMs.toFixed(1)} ms over ${row.runs} runs\n`);
  } else {
    process.stderr.write(row.skipped ? `skipped: ${row.skipped}\n` : `ERROR: ${row.error}\n`);
  }
  rows.push(row);
}

// Ratios against the baseline row on the same input and scale.
for (const row of rows) {
  const base = rows.find((other) => other.case === row.baseline && other.input === row.input);
  if (row.medianMs !== undefined && base?.medianMs !== undefined && base.minMs !== undefined && row.minMs) {
    row.ratio = row.medianMs / base.medianMs;
    row.ratioMin = row.minMs / base.minMs;
    if (row.cpuMedianMs !== undefined && base.cpuMedianMs) row.ratioCpu = row.cpuMedianMs / base.cpuMedianMs;
  }
}

const targets = selected.flatMap((c) => {
  const target = c.target;
  if (!target) return [];
  const row = rows.find((r) => r.case === c.name && r.scale === target.scale);
  if (!row) return [];
  if (target.maxMs !== undefined) {
    const value = row.medianMs ?? null;
    return [
      {
        case: c.name,
        input: row.input,
        ...target,
        on: 'wall',
        value,
        met: value === null ? null : value <= target.maxMs,
      },
    ];
  }
  // Judged on CPU time unless the target says wall: wall time on a shared machine measures the neighbours too.
  const on = target.on === 'wall' || !Number.isFinite(row.ratioCpu) ? 'wall' : 'cpu';
  const ratio = (on === 'wall' ? row.ratio : row.ratioCpu) ?? null;
  const met = ratio === null ? null : ratio <= /** @type {number} */ (target.maxRatio);
  return [
    {
      case: c.name,
      input: row.input,
      baseline: c.baseline,
      ...target,
      on,
      ratio,
      ratioWall: row.ratio ?? null,
      ratioCpu: row.ratioCpu ?? null,
      met,
    },
  ];
});

machine.loadAverageAtEnd = loadAverage();
process.stdout.write(`\n${formatTable(rows)}\n\n`);
process.stdout.write(
  `${machine.cpuModel} (${machine.cores} cores, ${machine.memoryGiB} GiB), ${machine.platform}, Node ${machine.node}, ` +
    `${machine.date}; load average ${machine.loadAverageAtStart[0]} at start, ${machine.loadAverageAtEnd[0]} at end\n`,
);
const busiest = Math.max(machine.loadAverageAtStart[0] ?? 0, machine.loadAverageAtEnd[0] ?? 0);
if (busiest > machine.cores) {
  process.stdout.write(
    `warning: the load average (${busiest}) exceeded the ${machine.cores} cores: other processes competed for ` +
      'the CPU and wall times are inflated; compare the cpu columns, or rerun on a quiet machine\n',
  );
}
for (const t of targets) {
  const verdict = t.met === null ? 'NOT MEASURED' : t.met ? 'met' : 'MISSED';
  const source = t.source ? ` (${t.source})` : '';
  if (t.maxMs !== undefined) {
    const value = t.value === null ? '—' : `${t.value.toFixed(0)} ms (median wall time)`;
    process.stdout.write(`target${source}: ${t.case} on ${t.input} at most ${t.maxMs} ms: ${value} → ${verdict}\n`);
    continue;
  }
  const both = (/** @type {number | null} */ value) => (value === null ? '—' : `${value.toFixed(2)}×`);
  const ratio =
    t.ratio === null
      ? '—'
      : `${both(t.ratio)} (median ${t.on} time; wall ${both(t.ratioWall)}, cpu ${both(t.ratioCpu)})`;
  process.stdout.write(
    `target${source}: ${t.case} on ${t.input} within ${t.maxRatio?.toFixed(2)}× of ${t.baseline}: ${ratio} → ${verdict}\n`,
  );
}

const partial = quick || filter !== undefined;
const resultsPath = partial ? join(OUT_DIR, 'results-partial.json') : join(BENCH_DIR, 'results.json');
mkdirSync(OUT_DIR, { recursive: true });
const plan = quick ? QUICK_PLAN : FULL_PLAN;
const report = { machine, options: { quick, filter: options.filter ?? null }, plan, rows, targets };
writeFileSync(resultsPath, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `results written to ${resultsPath}${partial ? ' (partial run: bench/results.json left as it was)' : ''}\n`,
);
process.exitCode = rows.some((row) => row.error) ? 1 : 0;
