/** Machine description and the printed table. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** What the figures were measured on. @param {string} repoDir */
export function machineInfo(repoDir) {
  const cpus = os.cpus();
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoDir, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {}
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    loadAverageAtStart: loadAverage(),
    /** @type {number[] | null} filled in when the run ends */
    loadAverageAtEnd: null,
    date: new Date().toISOString(),
    commit,
  };
}

/** The 1, 5 and 15 minute load averages: how busy the machine was (other work skews timings). */
export const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);

/** Decimal units, as for the throughput column: 31.8 KB, 3.18 MB. @param {number} bytes */
export function formatBytes(bytes) {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(2)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** @param {number | null | undefined} value @param {number} [digits] */
function fixed(value, digits) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const places = digits ?? (value < 10 ? 2 : value < 100 ? 1 : 0);
  return value.toFixed(places);
}

/** A ratio, `1.06×`; `—` when there is none (a CPU time below GNU time's 10 ms resolution). */
const times = (/** @type {number | undefined} */ ratio) =>
  ratio && Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—';

/**
 * @typedef {object} Row
 * @property {string} case
 * @property {string} input
 * @property {number} bytes
 * @property {number} [runs]
 * @property {number} [medianMs]
 * @property {number} [minMs]
 * @property {number} [cpuMedianMs]  median CPU time (user + system) of a run
 * @property {number} [mbPerSecond]
 * @property {number | null} [peakRssMiB]
 * @property {string} [baseline]
 * @property {number} [ratio]     median / baseline median
 * @property {number} [ratioMin]  min / baseline min
 * @property {number} [ratioCpu]  cpu median / baseline cpu median
 * @property {string} [skipped]
 * @property {string} [error]
 */

const COLUMNS = [
  { title: 'case', left: true },
  { title: 'input', left: true },
  { title: 'size' },
  { title: 'runs' },
  { title: 'median ms' },
  { title: 'min ms' },
  { title: 'cpu ms' },
  { title: 'MB/s' },
  { title: 'peak RSS MiB' },
  { title: 'vs baseline: cpu, wall', left: true },
];

/** @param {Row} row */
function cells(row) {
  const head = [row.case, row.input, formatBytes(row.bytes)];
  if (row.skipped || row.error) {
    const why = row.skipped ? `skipped: ${row.skipped}` : `ERROR: ${row.error?.split('\n')[0]}`;
    return [...head, '', '', '', '', '', '', '', why];
  }
  let versus = '';
  if (row.baseline) {
    versus =
      row.ratio === undefined
        ? `no ${row.baseline} row`
        : `${times(row.ratioCpu)}  ${times(row.ratio)}  ${row.baseline}`;
  }
  return [
    ...head,
    String(row.runs),
    fixed(row.medianMs),
    fixed(row.minMs),
    fixed(row.cpuMedianMs),
    fixed(row.mbPerSecond),
    fixed(row.peakRssMiB, 0),
    versus,
  ];
}

/** The results as an aligned plain-text table. @param {Row[]} rows */
export function formatTable(rows) {
  const body = rows.map(cells);
  const widths = COLUMNS.map((column, index) =>
    Math.max(column.title.length, ...body.map((line) => (line[index] ?? '').length)),
  );
  const render = (/** @type {string[]} */ line) =>
    line
      .map((cell, index) => {
        const width = widths[index] ?? 0;
        return COLUMNS[index]?.left ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(COLUMNS.map((column) => column.title)), rule, ...body.map(render)].join('\n');
}

/** A banner that cannot be missed in a CI log. @param {string[]} lines */
export function banner(lines) {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const bar = '!'.repeat(width);
  return [bar, ...lines.map((line) => `! ${line.padEnd(width - 4)} !`), bar].join('\n');
}
