/**
 * The adversarial suite at scale: every generated case (`@wenshu/test-corpus/adversarial`) at
 * 1, 5 and 20 MB, converted by the built `wenshu` command to each format in its own process, with
 * wall time and the command's peak resident memory (GNU time's maximum RSS over the process and
 * its threads; a worker's heap is inside it). Each row is judged against the guarantee:
 *
 *   time ≤ 10 s per MB and memory ≤ 1 GB + 40 × the input, or the input refused with a message;
 *   the 20 MB case ≤ 25 × the 1 MB case.
 *
 *   node src/adversarial.mjs [--sizes 1,5,20] [--filter name] [--formats docx,pdf,xlsx] [--limit S]
 *                            [--cli FILE] [--out NAME]
 *
 * `--limit` stops a conversion after S seconds (default: 10 s per MB, so a row over the bound shows
 * as such rather than running for an hour). `--cli` runs another build of the command (a copy of
 * apps/cli/dist, to compare two builds). `--filter` takes names separated by commas. Results go to
 * bench/out/adversarial.json (or NAME.json) as well.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

const corpusModule = join(repo, 'packages/test-corpus/dist/adversarial.js');
const GNU_TIME = '/usr/bin/time';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
}

const sizes = option('sizes', '1,5,20').split(',').map(Number);
const formats = option('formats', 'docx,pdf,xlsx').split(',');
const filter = option('filter', '');
const limitOption = option('limit', '');
const cli = resolve(option('cli', join(repo, 'apps/cli/dist/cli.js')));
const outName = option('out', 'adversarial');

for (const needed of [cli, corpusModule]) {
  if (!existsSync(needed)) {
    console.error(`${needed} is missing: run \`pnpm build\` first`);
    process.exit(2);
  }
}
if (!existsSync(GNU_TIME)) {
  console.error(`${GNU_TIME} is missing (Debian package \`time\`): it measures the peak memory`);
  process.exit(2);
}

const { adversarialCases } = await import(corpusModule);
const filters = filter.split(',');
const cases = adversarialCases.filter((item) => filters.some((name) => item.name.includes(name)));
const work = mkdtempSync(join(tmpdir(), 'wenshu-adversarial-'));

/** One conversion in its own process: wall seconds, peak MiB, exit status, first message line. */
function convert(input, format, limitSeconds) {
  const outDir = join(work, 'out');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir);
  const timeFile = join(work, 'time.txt');
  const started = performance.now();
  // `timeout` inside `time`: the conversion itself is killed at the limit (a timeout of spawnSync
  // would kill only `time`), and `time` still reports the peak of the process it waited for.
  const command = [process.execPath, cli, 'convert', input, '--to', format, '--out-dir', outDir, '--quiet'];
  const result = spawnSync(
    GNU_TIME,
    ['-f', '%M', '-o', timeFile, 'timeout', '-s', 'KILL', String(limitSeconds), ...command],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  // GNU time's last line is the peak in KiB (a line before it says when the command was killed).
  const last = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) : '';
  const peakMiB = last && /^\d+$/.test(last) ? Number(last) / 1024 : null;
  const killed = result.status === 137;
  const message = (result.stderr ?? '').split('\n').find((line) => /error|refused|too|limit/i.test(line)) ?? '';
  return { seconds, peakMiB, status: killed ? 'killed' : result.status, message: message.slice(0, 120) };
}

const rows = [];
console.log(`adversarial suite: ${cases.length} cases × sizes ${sizes.join('/')} MB × ${formats.join('/')}`);
console.log(
  `machine: ${cpus().length} cores, load ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}\n`,
);
const header = ['case', 'MB', 'format', 'exit', 's', 's/MB', 'peak MiB', 'bound MiB', 'ok'];
console.log(header.join('\t'));
for (const item of cases) {
  for (const mb of sizes) {
    const input = join(work, `${item.name}.${item.extension}`);
    writeFileSync(input, item.make(mb * 1e6));
    for (const format of formats) {
      const limitSeconds = limitOption ? Number(limitOption) : Math.max(30, 10 * mb * 1.5);
      const run = convert(input, format, limitSeconds);
      const boundMiB = 1024 + (40 * mb * 1e6) / 2 ** 20;
      // A refusal with a message (exit 1 or 2 naming the input) keeps the bound too.
      const refused = run.status === 1 || run.status === 2;
      const withinTime = run.seconds <= Math.max(10 * mb, 1) + 1; // + the command's start (< 1 s)
      const withinMemory = run.peakMiB !== null && run.peakMiB <= boundMiB;
      const ok = (run.status === 0 || (refused && run.message !== '')) && withinTime && withinMemory;
      const row = { case: item.name, mb, format, ...run, boundMiB, ok };
      rows.push(row);
      // Written as it goes: a long run stopped halfway keeps what it measured.
      mkdirSync(join(repo, 'bench/out'), { recursive: true });
      writeFileSync(join(repo, `bench/out/${outName}.json`), `${JSON.stringify({ sizes, formats, rows }, null, 2)}\n`);
      console.log(
        [
          item.name,
          mb,
          format,
          run.status,
          run.seconds.toFixed(1),
          (run.seconds / mb).toFixed(1),
          run.peakMiB === null ? '?' : Math.round(run.peakMiB),
          Math.round(boundMiB),
          ok ? 'yes' : `NO${run.message ? ` (${run.message})` : ''}`,
        ].join('\t'),
      );
    }
  }
}

// Growth: the largest size against the smallest, per case and format (≤ 25 × for 20 against 1).
if (sizes.length > 1) {
  const [smallest, largest] = [Math.min(...sizes), Math.max(...sizes)];
  console.log(`\ngrowth ${largest} MB / ${smallest} MB (bound ${(largest / smallest) * 1.25}×):`);
  for (const item of cases) {
    for (const format of formats) {
      const small = rows.find((row) => row.case === item.name && row.format === format && row.mb === smallest);
      const large = rows.find((row) => row.case === item.name && row.format === format && row.mb === largest);
      if (!small || !large || large.status !== 0 || small.status !== 0) continue;
      const ratio = large.seconds / small.seconds;
      console.log(`${item.name}\t${format}\t${ratio.toFixed(1)}×${ratio > (largest / smallest) * 1.25 ? '\tNO' : ''}`);
    }
  }
}

const failed = rows.filter((row) => !row.ok);
console.log(
  `\n${rows.length - failed.length} of ${rows.length} rows within the bound; load ${loadavg()[0].toFixed(1)}`,
);
mkdirSync(join(repo, 'bench/out'), { recursive: true });
writeFileSync(join(repo, `bench/out/${outName}.json`), `${JSON.stringify({ sizes, formats, rows }, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
