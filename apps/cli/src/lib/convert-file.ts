import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { convert, type InputKind, type Target as LibraryTarget } from '@wenshu/convert';
import type { StructureOptions } from '@wenshu/parser';
import { loadTheme, type Theme } from '@wenshu/theme';
import type { Edition, ZhOptions } from './editions.js';
import { InputError } from './errors.js';
import { formats } from './formats.js';
import { commandPictureLoader } from './images.js';
import { readBytes } from './input.js';
import { overLimit } from './limits.js';
import { canonicalPath, type HeldOutput, inputErrorMessage, writeOutput } from './output.js';
import { version } from './version.js';

/** What every file of a run is converted with; plain data, so it can be sent to a worker thread. */
export interface Settings {
  /** A preset name or a theme file (already checked by the main thread). */
  theme: string;
  toc: boolean;
  sheetLang: 'zh' | 'en';
  passes: StructureOptions;
  sourceDateEpoch: number | undefined;
  maxBytes: number;
  allowOutside: boolean;
  /** Traditional editions: the user dictionary, protected terms and Taiwan vocabulary. */
  zh: ZhOptions;
  /** `--font ROLE=FILE` for the PDF. */
  fonts: Record<string, string>;
  /** `--no-system-fonts`: the PDF takes no installed face. */
  systemFonts: boolean;
  /** `--force`: replace outputs that are read-only. */
  force: boolean;
  /** `--reference-docx`: the Word document or template whose styles the DOCX takes (absolute path). */
  referenceDocx?: string;
  /** `--from`: read every input as this kind, whatever its name. */
  from?: InputKind;
}

/** One output of one input: `path` is `-` for standard output. */
export interface Target {
  format: string;
  /** `cn` (the document as written) or a Traditional edition. */
  edition: Edition;
  path: string;
}

/** One input and where its outputs go. */
export interface Job {
  index: number;
  /** The input as messages name it. */
  name: string;
  /** The file to read, or null when `bytes` holds standard input. */
  path: string | null;
  bytes?: Uint8Array;
  targets: Target[];
  /** An error found while planning (a name collision): the file is not converted. */
  error?: string;
  /**
   * Hand the outputs back in the result (`held`) instead of writing them: for a report whose formats
   * are shared among threads, so that the main thread writes them together once all are rendered.
   */
  hold?: boolean;
}

export interface FileWarning {
  /** The library's stable code (`image-outside`, `glyph-missing`…): every warning of a conversion has one. */
  code?: string;
  message: string;
  line?: number;
  column?: number;
}

/** What became of one input; the shape of `--json`'s entries. */
export interface FileResult {
  input: string;
  outputs: string[];
  warnings: FileWarning[];
  error: string | null;
  /** Wall time of this file's conversion, in milliseconds. */
  timeMs: number;
}

/** A result, and the bytes of an output meant for standard output. */
export interface JobResult extends FileResult {
  index: number;
  stdout?: Uint8Array;
  /** The outputs of a job with `hold`, to be written by whoever holds all of the report's shares. */
  held?: HeldOutput[];
}

const themes = new Map<string, Theme>();

/** A theme is loaded once per thread and kept. */
function themeNamed(name: string): Theme {
  let theme = themes.get(name);
  if (!theme) {
    theme = loadTheme(name);
    themes.set(name, theme);
  }
  return theme;
}

const references = new Map<string, Promise<Uint8Array>>();

/** A reference document's bytes, read once per thread however many reports use it. */
function referenceBytes(path: string): Promise<Uint8Array> {
  let bytes = references.get(path);
  if (!bytes) {
    bytes = readFile(path).then((buffer) => new Uint8Array(buffer));
    references.set(path, bytes);
  }
  return bytes;
}

/** What a conversion tells as it goes (a worker thread passes it on to the main thread). */
export interface ConvertEvents {
  /** An output has just been written. */
  onWritten?: (path: string) => void;
  /** The stage it is entering, in words ("rendering the PDF"): a `--timeout` message names it. */
  onStage?: (stage: string) => void;
  /** A temporary file is about to be written: removed if the conversion is stopped mid-write. */
  onTemporary?: (path: string) => void;
}

/**
 * Reads, repairs and exports one input to each of its targets, then writes the outputs. Never
 * throws: a failure is the result's `error` (the outputs rendered before it are written, and listed).
 * Nothing is written until every format is rendered, so a conversion stopped while rendering (Ctrl-C,
 * `--timeout`) leaves none of the report's files rather than some of them.
 */
export async function convertFile(job: Job, settings: Settings, events: ConvertEvents = {}): Promise<JobResult> {
  const { onWritten, onStage, onTemporary } = events;
  const started = performance.now();
  const result: JobResult = { index: job.index, input: job.name, outputs: [], warnings: [], error: null, timeMs: 0 };
  if (job.error !== undefined) {
    result.error = job.error;
    return result;
  }
  const rendered: HeldOutput[] = [];
  try {
    const input = job.path === null ? undefined : canonicalPath(job.path);
    for (const target of job.targets) {
      if (!formats[target.format]) throw new InputError(job.name, `unknown format ${target.format}`);
      if (target.path !== '-' && canonicalPath(target.path) === input) {
        throw new InputError(job.name, `output ${target.path} would overwrite the input`);
      }
    }
    onStage?.('reading the input');
    const bytes =
      job.path === null
        ? checkedSize(job.name, job.bytes ?? new Uint8Array(), settings.maxBytes)
        : await readBytes(job.path, { maxBytes: settings.maxBytes });
    const baseDir = resolve(job.path === null ? '.' : dirname(job.path));
    // Everything from the bytes to the outputs is the library's, decided there for the command
    // and for library users alike; here, what is read from the machine and where outputs go.
    let next = 0;
    await convert(bytes, {
      fileName: job.name,
      ...(settings.from === undefined ? {} : { from: settings.from }),
      // Every format name was checked above.
      targets: job.targets as readonly LibraryTarget[],
      theme: themeNamed(settings.theme),
      passes: settings.passes,
      zhOptions: settings.zh,
      toc: settings.toc,
      sheetLang: settings.sheetLang,
      ...(settings.sourceDateEpoch === undefined ? {} : { sourceDateEpoch: settings.sourceDateEpoch }),
      loadPicture: commandPictureLoader({
        baseDir,
        allowOutside: settings.allowOutside,
        maxBytes: settings.maxBytes,
      }),
      fonts: settings.fonts,
      systemFonts: settings.systemFonts,
      // Read only for a report written as a DOCX, as the exporter alone uses it.
      ...(settings.referenceDocx === undefined || !job.targets.some((target) => target.format === 'docx')
        ? {}
        : { referenceDocx: await referenceBytes(settings.referenceDocx) }),
      sourceFile: job.path === null ? 'stdin' : basename(job.path),
      version,
      onStage: (stage) => onStage?.(stage),
      onWarning: (warning) => result.warnings.push(warning),
      onOutput: ({ bytes }) => {
        const target = job.targets[next++] as Target;
        if (target.path === '-') {
          result.stdout = bytes;
          result.outputs.push('-');
        } else rendered.push({ path: target.path, bytes });
      },
    });
  } catch (error) {
    result.error = inputErrorMessage(error);
  }
  if (job.hold) result.held = rendered;
  else {
    for (const output of rendered) {
      onStage?.(`writing ${output.path}`);
      const error = await writeOutput(job.name, output, settings.force, onTemporary);
      if (error !== null) {
        result.error ??= error;
        break;
      }
      result.outputs.push(output.path);
      onWritten?.(output.path);
    }
  }
  result.timeMs = Math.round(performance.now() - started);
  return result;
}

function checkedSize(name: string, bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.length > maxBytes) throw new InputError(name, overLimit(bytes.length, maxBytes));
  return bytes;
}
