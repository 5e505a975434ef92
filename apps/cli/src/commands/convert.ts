import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { loadTheme, type Theme, ThemeError } from '@wenshu/theme';
import { InputError, UsageError } from '../lib/errors.js';
import { type Format, formatNames, formats } from '../lib/formats.js';
import { loadReport, readSource } from '../lib/input.js';
import { canonicalPath, writeFileAtomic } from '../lib/output.js';
import { type PassFlags, passOptions } from '../lib/pass-flags.js';
import { formatWarning } from '../lib/report.js';
import { version } from '../lib/version.js';

export interface ConvertOptions extends PassFlags {
  to: string;
  theme?: string;
  outDir?: string;
  toc?: boolean;
  sheetLang?: 'zh' | 'en';
}

/** `SOURCE_DATE_EPOCH` (seconds), the reproducible-builds convention for dates written into files. */
export function sourceDateEpoch(): number | undefined {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${raw}"`);
  return Number(raw);
}

export function parseFormats(list: string): Format[] {
  const names = list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.length === 0) throw new UsageError(`--to needs at least one format (${formatNames.join(', ')})`);
  return [...new Set(names)].map((name) => {
    const format = formats[name];
    if (!format) throw new UsageError(`unknown format "${name}" in --to (known: ${formatNames.join(', ')})`);
    return format;
  });
}

function themeFrom(nameOrPath: string): Theme {
  try {
    return loadTheme(nameOrPath);
  } catch (error) {
    if (error instanceof ThemeError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * `wenshu convert <files…> --to docx`: one output per input and format, next to the input or in
 * `--out-dir`. Files are independent: one that fails is reported and the others are still written.
 */
export async function convertCommand(files: string[], options: ConvertOptions): Promise<void> {
  const selected = parseFormats(options.to);
  const theme = themeFrom(options.theme ?? 'report');
  const epoch = sourceDateEpoch();
  if (options.outDir) await mkdir(options.outDir, { recursive: true });
  let failed = 0;
  for (const file of files) {
    try {
      const written = await convertOne(file, selected, { ...options, theme, epoch });
      process.stderr.write(`${file} → ${written.join(', ')}\n`);
    } catch (error) {
      failed++;
      const message = error instanceof InputError ? error.message : `${file}: ${(error as Error).message}`;
      process.stderr.write(`wenshu: ${message}\n`);
    }
  }
  if (failed > 0) {
    process.stderr.write(`wenshu: ${failed} of ${files.length} files failed\n`);
    process.exitCode = 1;
  }
}

interface ResolvedOptions extends PassFlags {
  theme: Theme;
  epoch: number | undefined;
  outDir?: string;
  toc?: boolean;
  sheetLang?: 'zh' | 'en';
}

async function convertOne(file: string, selected: Format[], options: ResolvedOptions): Promise<string[]> {
  const report = loadReport(await readSource(file), { passes: passOptions(options) });
  for (const warning of report.warnings) process.stderr.write(`${formatWarning(file, warning)}\n`);
  const outDir = options.outDir ?? dirname(file);
  const stem = basename(file, extname(file));
  const input = canonicalPath(file);
  const written: string[] = [];
  for (const format of selected) {
    const target = join(outDir, `${stem}.${format.name}`);
    if (canonicalPath(target) === input) throw new InputError(file, `output ${target} would overwrite the input`);
    const bytes = await format.render(report.document, {
      theme: options.theme,
      toc: options.toc === true,
      baseDir: resolve(dirname(file)),
      sourceDateEpoch: options.epoch,
      sourceFile: basename(file),
      sheetLang: options.sheetLang ?? 'zh',
      version,
      onWarning: (message) => process.stderr.write(`${file}: warning: ${message}\n`),
    });
    try {
      await writeFileAtomic(target, bytes);
    } catch (error) {
      throw new InputError(
        file,
        `cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    written.push(target);
  }
  return written;
}
