import { basename, dirname, extname, join, relative } from 'node:path';
import type { Job, Target } from './convert-file.js';
import { type Edition, editionSuffix } from './editions.js';
import { UsageError } from './errors.js';
import type { Format } from './formats.js';
import type { InputFile } from './inputs.js';
import { canonicalPath } from './output.js';

export interface PlanOptions {
  /** `--out-dir`; without it each output goes beside its input (standard input's into the working folder). */
  outDir: string | undefined;
  /** `-o FILE` (or `-`): one input, one format. */
  output: string | undefined;
  /** The editions to write, each in every format (`report.tw.docx`). */
  editions: readonly Edition[];
}

/**
 * Where each input's outputs go: `<out-dir>/<folders below the input's root>/<name>.<format>`, or
 * beside the input. Two inputs that would write the same file (`x.md` and `x.txt` in one folder, or
 * two `x.md` given from different folders into one flat out-dir) are not both converted: the later
 * one fails and says which file it collides with. An output that is an input fails too.
 */
export function planJobs(files: readonly InputFile[], selected: readonly Format[], options: PlanOptions): Job[] {
  if (options.output !== undefined && (files.length > 1 || selected.length * options.editions.length !== 1)) {
    throw new UsageError(
      `-o/--output takes one input, one format and one edition (got ${files.length} inputs, ${selected.length} formats and ${options.editions.length} editions); use --out-dir`,
    );
  }
  const inputs = new Set(files.flatMap((file) => (file.path === null ? [] : [canonicalPath(file.path)])));
  const claimed = new Map<string, string>();
  return files.map((file, index): Job => {
    const targets: Target[] = options.editions.flatMap((edition) =>
      selected.map((format) => ({
        format: format.name,
        edition,
        // `docx`, or `tw.docx` for an edition.
        path: options.output ?? targetPath(file, `${editionSuffix(edition)}.${format.name}`.slice(1), options.outDir),
      })),
    );
    const job: Job = { index, name: file.name, path: file.path, targets };
    for (const target of targets) {
      if (target.path === '-') continue;
      const key = canonicalPath(target.path);
      if (inputs.has(key)) {
        const own = file.path !== null && canonicalPath(file.path) === key;
        job.error = `output ${target.path} would overwrite ${own ? 'the input' : 'another input'}`;
        break;
      }
      const owner = claimed.get(key);
      if (owner !== undefined) {
        job.error = `output ${target.path} would also be written from ${owner}: not overwritten (rename one, or give their folder so that --out-dir keeps subfolders)`;
        break;
      }
    }
    if (job.error === undefined) for (const target of targets) claimed.set(canonicalPath(target.path), file.name);
    return job;
  });
}

function targetPath(file: InputFile, extension: string, outDir: string | undefined): string {
  if (file.path === null) return join(outDir ?? '.', `stdin.${extension}`);
  const name = `${basename(file.path, extname(file.path))}.${extension}`;
  if (outDir === undefined) return join(dirname(file.path), name);
  const below = file.root === null ? '' : relative(file.root, dirname(file.path));
  return join(outDir, below.startsWith('..') ? '' : below, name);
}
