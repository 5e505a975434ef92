import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { FileResult } from './convert-file.js';
import { safeForTerminal } from './messages.js';

/** Files done of the total, the current file and the time left, on stderr; only on a terminal. */
export interface Progress {
  start(total: number): void;
  /** A file began (its name is shown) or ended (the count goes up). */
  began(name: string): void;
  ended(): void;
  stop(): void;
}

const silent: Progress = { start() {}, began() {}, ended() {}, stop() {} };

export function progressBar(enabled: boolean): Progress {
  if (!enabled) return silent;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: '{bar} {value}/{total} files | ETA {eta_formatted} | {file}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  let done = 0;
  let current = '';
  return {
    start(total) {
      bar.start(total, 0, { file: '' });
    },
    began(name) {
      current = safeForTerminal(basename(name));
      bar.update(done, { file: current });
    },
    ended() {
      done++;
      bar.update(done, { file: current });
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * The table printed after a run: one row per input with its formats, warning count and time, or its
 * error. Page counts are not shown: the exporters do not report them.
 */
export function summaryTable(results: readonly FileResult[], wallMs: number): string {
  const rows = results.map((result) => [
    safeForTerminal(result.input),
    result.error === null ? formatsOf(result.outputs) : 'failed',
    String(result.warnings.length),
    result.error === null ? seconds(result.timeMs) : '',
  ]);
  const header = ['file', 'formats', 'warnings', 'time'];
  const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const pad = ' '.repeat((widths[column] ?? 0) - width(cell));
        return column >= 2 ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const failed = results.filter((result) => result.error !== null).length;
  const footer =
    failed === 0
      ? `${results.length} converted in ${seconds(wallMs)}`
      : `${results.length - failed} converted, ${failed} failed, in ${seconds(wallMs)}`;
  return `${[line(header), ...rows.map(line), footer].join('\n')}\n`;
}

function formatsOf(outputs: readonly string[]): string {
  return outputs.map((output) => (output === '-' ? 'stdout' : (output.split('.').pop() ?? output))).join(',');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Columns on a terminal: CJK characters take two. */
function width(text: string): number {
  let columns = 0;
  for (const char of text)
    columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
      char,
    )
      ? 2
      : 1;
  return columns;
}
