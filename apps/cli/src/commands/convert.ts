import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, resolve } from 'node:path';
import type { InputKind } from '@wenshu/convert';
import type { PdfFontRole } from '@wenshu/export-pdf';
import { loadTheme, ThemeError } from '@wenshu/theme';
import type { Command } from 'commander';
import { type Config, loadConfig } from '../lib/config.js';
import type { Job, JobResult, Settings } from '../lib/convert-file.js';
import { type Edition, loadZhOptions, parseEditions, type ZhVocabulary } from '../lib/editions.js';
import { UsageError } from '../lib/errors.js';
import { type Format, formatNames, formats } from '../lib/formats.js';
import { expandInputs, readStdin } from '../lib/inputs.js';
import { onInterrupt, sweepTemporaries } from '../lib/interrupt.js';
import { DEFAULT_MAX_BYTES, pastLimitWhileReading } from '../lib/limits.js';
import { printMessage } from '../lib/messages.js';
import { type PassFlags, passOptions } from '../lib/pass-flags.js';
import { planJobs } from '../lib/plan.js';
import { workerRunner } from '../lib/pool.js';
import { progressBar, summaryTable } from '../lib/progress.js';
import { countRepeats, formatFileWarning, withRepeats } from '../lib/report.js';
import { runShares, shareJobs } from '../lib/share.js';

/** `--from`'s names for the kinds of input the library reads. */
const FROM: Record<'md' | 'txt' | 'html', InputKind> = { md: 'markdown', txt: 'plain', html: 'html' };

export interface ConvertOptions extends PassFlags {
  to?: string;
  theme?: string;
  referenceDocx?: string;
  outDir?: string;
  output?: string;
  toc?: boolean;
  sheetLang?: 'zh' | 'en';
  jobs?: string;
  maxSize?: string;
  allowOutside?: boolean;
  json?: boolean;
  quiet?: boolean;
  watch?: boolean;
  zh?: string;
  editions?: string;
  zhDict?: string;
  zhProtect?: string;
  zhVocabulary?: ZhVocabulary;
  font?: string[];
  systemFonts?: boolean;
  force?: boolean;
  timeout?: string;
  maxMemory?: string;
  from?: 'md' | 'txt' | 'html';
}

/**
 * 2099-12-31T23:59:59Z: the last time a zip entry can carry (its MS-DOS date counts years from 1980
 * in seven bits, and fflate stops at 2099), which the DOCX and XLSX packages are dated with. A later
 * one failed every file with "date not in range 1980-2099"; one beyond a JavaScript date's range with
 * "Invalid time value". Earlier dates are fine (a zip entry takes 1980 for them).
 */
const MAX_DATE_SECONDS = 4_102_444_799;

/** `SOURCE_DATE_EPOCH` (seconds), the reproducible-builds convention for dates written into files. */
export function sourceDateEpoch(): number | undefined {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${raw}"`);
  const seconds = Number(raw);
  if (seconds > MAX_DATE_SECONDS) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH must be at most ${MAX_DATE_SECONDS} seconds (the end of 2099, the last date a DOCX or XLSX package can carry), not "${raw}"`,
    );
  }
  return seconds;
}

export function parseFormats(list: string | readonly string[]): Format[] {
  const names = (typeof list === 'string' ? list.split(',') : list)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.length === 0) throw new UsageError(`--to needs at least one format (${formatNames.join(', ')})`);
  return [...new Set(names)].map((name) => {
    const format = formats[name];
    if (!format) throw new UsageError(`unknown format "${name}" in --to (known: ${formatNames.join(', ')})`);
    return format;
  });
}

function checkTheme(nameOrPath: string): void {
  try {
    loadTheme(nameOrPath);
  } catch (error) {
    if (error instanceof ThemeError) throw new UsageError(error.message);
    throw error;
  }
}

function positiveNumber(flag: string, raw: string | number | undefined, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} needs a ${integer ? 'whole ' : ''}number above 0, not "${raw}"`);
  }
  return value;
}

/**
 * `--jobs N`: more threads than CPUs only compete for them (and each thread holds the exporters and
 * fonts, some 150 MB): allowed, with a warning. The run also starts no more threads than it has work for.
 */
function checkedJobs(jobs: number): number {
  const cpus = availableParallelism();
  if (jobs > cpus) {
    printMessage(
      `wenshu: warning: --jobs ${jobs} is more than the ${cpus} CPUs of this machine: the threads will compete for them`,
    );
  }
  return jobs;
}

/** A run's options: the flags, then the configuration file for what the flags left unset. */
interface Resolved {
  formats: Format[];
  editions: Edition[];
  settings: Settings;
  outDir: string | undefined;
  output: string | undefined;
  jobs: number;
  json: boolean;
  quiet: boolean;
  /** `--timeout`: seconds one input may take before its thread is stopped. */
  timeoutSeconds: number | undefined;
  /** `--max-memory`: the heap, in MB, each worker thread may use. */
  maxMemoryMb: number | undefined;
}

const FONT_ROLES = ['song', 'hei', 'kai', 'fang', 'title', 'mono'];

/** `--font fang=/path/FangSong.ttf` (repeatable) → `{ fang: '/path/FangSong.ttf' }`. */
export function parseFonts(values: readonly string[]): Record<string, string> {
  const fonts: Record<string, string> = {};
  for (const value of values) {
    const match = /^([a-z]+)=(.+)$/.exec(value);
    if (!match?.[1] || !match[2] || !FONT_ROLES.includes(match[1])) {
      throw new UsageError(`--font takes ROLE=FILE with ROLE one of ${FONT_ROLES.join(', ')}, not "${value}"`);
    }
    const file = resolve(match[2]);
    // `file.ttc#PostScriptName` names a face of a collection: the file is before the `#`.
    const problem = fontFileProblem(file.replace(/(\.(?:ttc|otc))#[^/\\]+$/i, '$1'));
    if (problem) throw new UsageError(`--font ${match[1]}=${match[2]}: ${problem}`);
    fonts[match[1]] = file;
  }
  return fonts;
}

/**
 * `--font ROLE=file.ttc#PostScriptName` whose collection has no such face (or a face that cannot be
 * embedded) is a usage error, as a missing file is: the PDF exporter opens the files it is given
 * (loaded here only when a face is named) and a role whose file it could not use says why.
 */
export async function checkFontFaces(fonts: Record<string, string>): Promise<void> {
  const named = Object.keys(fonts).filter((role) => /#[^/\\]+$/.test(fonts[role] ?? ''));
  if (named.length === 0) return;
  const { resolveFonts } = await import('@wenshu/export-pdf');
  const resolved = resolveFonts({ fonts, systemFonts: false });
  for (const role of named) {
    if (resolved.roles[role as PdfFontRole]?.source === 'user') continue;
    const why = resolved.warnings.find((warning) => warning.role === role)?.message ?? 'the face cannot be used';
    throw new UsageError(`--font ${role}=${fonts[role]}: ${why}`);
  }
}

/** The first bytes of a font file: TrueType, OpenType (CFF), a TrueType collection; `true` of old Mac fonts. */
const FONT_SIGNATURES = [
  [0x00, 0x01, 0x00, 0x00],
  [0x4f, 0x54, 0x54, 0x4f],
  [0x74, 0x74, 0x63, 0x66],
  [0x74, 0x72, 0x75, 0x65],
];

/**
 * Why a font file given with `--font` cannot be used, or `null`: a wrong path is the user's to fix
 * before anything is converted (exit 2), not a warning after a PDF set in another face.
 */
function fontFileProblem(file: string): string | null {
  let descriptor: number;
  try {
    if (!statSync(file).isFile()) return 'is not a file';
    descriptor = openSync(file, 'r');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read';
  }
  try {
    const head = new Uint8Array(4);
    readSync(descriptor, head, 0, 4, 0);
    const known = FONT_SIGNATURES.some((signature) => signature.every((byte, index) => head[index] === byte));
    return known ? null : 'is not a TrueType, OpenType or TTC font file';
  } finally {
    closeSync(descriptor);
  }
}

/**
 * `--reference-docx FILE`: a file that is not there or is not a Word package (a zip) is a usage
 * error before anything is converted; one whose parts are wrong fails each DOCX with the reason.
 */
function checkedReference(file: string): string {
  const path = resolve(file);
  let descriptor: number;
  try {
    if (!statSync(path).isFile()) throw new UsageError(`--reference-docx ${file}: is not a file`);
    descriptor = openSync(path, 'r');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--reference-docx ${file}: ${code === 'ENOENT' ? 'no such file' : 'cannot be read'}`);
  }
  try {
    const head = new Uint8Array(4);
    readSync(descriptor, head, 0, 4, 0);
    // A .docx or .dotx is a zip package: it starts with a local file header, PK\x03\x04.
    if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4)) {
      throw new UsageError(`--reference-docx ${file}: is not a Word document (.docx or .dotx)`);
    }
  } finally {
    closeSync(descriptor);
  }
  return path;
}

async function resolveOptions(options: ConvertOptions, command: Command, config: Config): Promise<Resolved> {
  const fromCli = (key: string) => command.getOptionValueSource(key) === 'cli';
  const passFlags: PassFlags = { ...options };
  for (const [key, value] of Object.entries(config.passes ?? {})) {
    if (!fromCli(key)) (passFlags as Record<string, boolean>)[key] = value;
  }
  const output = options.output;
  const inferred = output !== undefined && output !== '-' ? extname(output).slice(1).toLowerCase() : '';
  const to = options.to ?? (inferred in formats ? inferred : undefined) ?? config.to ?? 'docx';
  const theme = options.theme ?? config.theme ?? 'report';
  checkTheme(theme);
  // `-o x.xlsx --to pdf` wrote a PDF named .xlsx: an extension that names another format is a mistake.
  const formatsTo = parseFormats(to);
  const named = formatsTo.length === 1 ? formatsTo[0]?.name : undefined;
  if (inferred in formats && named !== undefined && named !== inferred) {
    throw new UsageError(`-o ${output} names a .${inferred} file, but --to asks for ${named}: make them agree`);
  }
  const json = options.json === true;
  if (json && output === '-') throw new UsageError('--json and -o - both write to standard output: choose one');
  const maxSize = positiveNumber('--max-size', options.maxSize, false) ?? config.maxSize;
  const editions = parseEditions(options.zh, options.editions ?? config.editions);
  if ((options.zhDict !== undefined || options.zhProtect !== undefined) && editions.every((e) => e === 'cn')) {
    // Without a Traditional edition the dictionary would be read and never used: a silent no-op.
    throw new UsageError('--zh-dict and --zh-protect are for Traditional editions: add --zh VARIANT or --editions');
  }
  const fonts = parseFonts([
    ...Object.entries(config.fonts ?? {}).map(([role, file]) => `${role}=${file}`),
    ...(options.font ?? []),
  ]);
  await checkFontFaces(fonts);
  return {
    formats: formatsTo,
    editions,
    settings: {
      theme,
      toc: options.toc ?? config.toc ?? false,
      sheetLang: options.sheetLang ?? config.sheetLang ?? 'zh',
      passes: passOptions(passFlags),
      sourceDateEpoch: sourceDateEpoch(),
      maxBytes: maxSize === undefined ? DEFAULT_MAX_BYTES : Math.round(maxSize * 1024 * 1024),
      allowOutside: options.allowOutside ?? config.allowOutside ?? false,
      zh: {
        ...(await loadZhOptions(options.zhDict, options.zhProtect)),
        vocabulary: options.zhVocabulary ?? config.zhVocabulary ?? 'auto',
      },
      fonts,
      // Commander gives a `--no-x` flag `true` when it is absent: the flag or the config file can turn it off.
      systemFonts: options.systemFonts !== false && config.systemFonts !== false,
      force: options.force === true,
      ...(options.referenceDocx === undefined ? {} : { referenceDocx: checkedReference(options.referenceDocx) }),
      ...(options.from === undefined ? {} : { from: FROM[options.from] }),
    },
    outDir: options.outDir ?? config.outDir,
    output,
    jobs: checkedJobs(positiveNumber('--jobs', options.jobs, true) ?? config.jobs ?? availableParallelism()),
    json,
    quiet: options.quiet ?? config.quiet ?? false,
    timeoutSeconds: positiveNumber('--timeout', options.timeout, false) ?? config.timeout,
    maxMemoryMb: positiveNumber('--max-memory', options.maxMemory, true) ?? config.maxMemory,
  };
}

/**
 * `wenshu convert <inputs…>`: files, folders and patterns, each report to each format, into
 * `--out-dir` or beside the input. Files are independent: one that fails is reported and the others
 * are still written; exit 1 if any failed. Ctrl-C stops at once, leaves no partial file, exit 130.
 */
export async function convertCommand(args: string[], options: ConvertOptions, command: Command): Promise<void> {
  const config = loadConfig()?.config ?? {};
  const run = await resolveOptions(options, command, config);
  if (args.includes('-') && options.watch) throw new UsageError('--watch cannot watch standard input');
  const failed = await convertOnce(args, run, undefined);
  if (options.watch) {
    const { watchInputs } = await import('../lib/watch.js');
    await watchInputs(args, (changed) => convertOnce(args, run, changed), { quiet: run.quiet });
    return;
  }
  if (failed > 0) process.exitCode = 1;
}

/** One run over the inputs (or over those of them in `only`); returns how many failed. */
async function convertOnce(args: string[], run: Resolved, only: Set<string> | undefined): Promise<number> {
  const started = performance.now();
  const expanded = await expandInputs(args);
  const files = only
    ? expanded.files.filter((file) => file.path !== null && only.has(resolve(file.path)))
    : expanded.files;
  const problems = only ? [] : expanded.problems;
  const jobs: Job[] = planJobs(files, run.formats, {
    outDir: run.outDir,
    output: run.output,
    editions: run.editions,
  });
  for (const problem of problems) printMessage(`wenshu: ${problem.name}: ${problem.message}`);
  const stdinJob = jobs.find((job) => job.path === null);
  if (stdinJob) {
    const bytes = await readStdin(run.settings.maxBytes);
    if (bytes) stdinJob.bytes = bytes;
    else stdinJob.error = pastLimitWhileReading(run.settings.maxBytes, 'is');
  }

  // Fewer reports than threads: the spare threads take a share of a report's formats.
  const shares = shareJobs(jobs, run.jobs);
  // Never more threads than there is work for (reports, or shares of their formats): `--jobs 200`
  // on two reports starts two threads, or a few more to share their formats.
  const workers = Math.min(
    run.jobs,
    shares.reduce((tasks, share) => tasks + share.groups.length, 0),
  );
  // Every conversion runs in a worker thread, even one report to one format: this thread stays free
  // to answer Ctrl-C at once (a worker's synchronous PDF layout is stopped by terminating it; in this
  // thread it would hold the signal until the PDF was done), to stop a slow input (--timeout), and a
  // report that exhausts a worker's heap fails alone instead of ending the command in a V8 abort.
  // A worker's heap also has the larger young generation of pool.ts: a batch of 200 reports took a
  // quarter less time in one worker than in this thread.
  // Without SOURCE_DATE_EPOCH every output of the run is dated now, the same second in all three
  // formats (each exporter alone would take its own "now", a second apart across threads).
  const settings = { ...run.settings, sourceDateEpoch: run.settings.sourceDateEpoch ?? Math.floor(Date.now() / 1000) };
  const runner = workerRunner(settings, Math.max(1, workers), {
    timeoutSeconds: run.timeoutSeconds,
    maxMemoryMb: run.maxMemoryMb,
  });
  const targets = jobs.flatMap((job) => job.targets.map((target) => target.path));
  const release = onInterrupt(async () => {
    await runner.stop();
    await sweepTemporaries(targets);
  });

  const showProgress = process.stderr.isTTY === true && !run.quiet && jobs.length > 1;
  const progress = progressBar(showProgress);
  const held: string[] = [];
  const say = (line: string) => (showProgress ? held.push(line) : printMessage(line));
  const results: (JobResult | undefined)[] = new Array(jobs.length);
  let reported = 0;
  const report = (result: JobResult) => {
    if (result.stdout) process.stdout.write(result.stdout);
    for (const { warning, more } of countRepeats(result.warnings)) {
      say(withRepeats(formatFileWarning(result.input, warning), more));
    }
    if (result.error !== null) say(`wenshu: ${result.input}: ${result.error}`);
    else if (!run.quiet && result.outputs[0] !== '-') say(`${result.input} → ${result.outputs.join(', ')}`);
  };
  progress.start(jobs.length);
  try {
    await runShares(
      runner,
      shares,
      (result) => {
        progress.ended();
        results[result.index] = result;
        // Reported in input order, whatever order the workers finish in.
        for (let next = results[reported]; next !== undefined; next = results[reported]) {
          report(next);
          reported++;
        }
      },
      (job) => progress.began(job.name),
      run.settings.force,
    );
  } finally {
    progress.stop();
    await runner.stop();
    release();
  }
  for (const line of held) printMessage(line);

  const all = [
    ...problems.map((problem) => ({
      input: problem.name,
      outputs: [],
      warnings: [],
      error: problem.message,
      timeMs: 0,
    })),
    ...results.flatMap((result) =>
      result
        ? [
            {
              input: result.input,
              outputs: result.outputs,
              warnings: result.warnings,
              error: result.error,
              timeMs: result.timeMs,
            },
          ]
        : [],
    ),
  ];
  if (run.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  const failed = all.filter((result) => result.error !== null).length;
  if (!run.quiet && all.length > 1) process.stderr.write(summaryTable(all, performance.now() - started));
  if (failed > 0) process.stderr.write(`wenshu: ${failed} of ${all.length} inputs failed\n`);
  return failed;
}
