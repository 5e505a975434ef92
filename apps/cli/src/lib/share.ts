import type { FileWarning, Job, JobResult } from './convert-file.js';
import { formats } from './formats.js';
import { writeOutput } from './output.js';
import type { Runner } from './pool.js';

/**
 * When there are fewer reports than worker threads, a report's outputs are shared among threads:
 * `wenshu convert report.md --to docx,pdf,xlsx` writes the PDF in one thread while another writes
 * the DOCX and the workbook. Each share reads and repairs the report itself (a small part of the
 * work), so shares need nothing from each other. Their results are merged back into one per report,
 * and its outputs written together by this thread once every share is rendered: Ctrl-C while the PDF
 * is still being rendered leaves no DOCX behind either.
 */

/** A share of a job: its targets split into `parts` groups of about equal weight. */
export interface Share {
  job: Job;
  /** The job's targets, grouped. */
  groups: Job['targets'][];
}

/** Greedy longest-first partition of the targets into at most `parts` groups, each kept in target order. */
function partition(targets: Job['targets'], parts: number): Job['targets'][] {
  if (parts <= 1 || targets.length <= 1) return [targets];
  const count = Math.max(1, Math.min(parts, targets.length));
  const loads = new Array<number>(count).fill(0);
  const members: number[][] = Array.from({ length: count }, () => []);
  const weight = (i: number) => formats[targets[i]?.format ?? '']?.weight ?? 1;
  const order = targets.map((_, i) => i).sort((a, b) => weight(b) - weight(a) || a - b);
  for (const i of order) {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest] = (loads[lightest] ?? 0) + weight(i);
    members[lightest]?.push(i);
  }
  return members
    .filter((group) => group.length > 0)
    .map((group) => group.sort((a, b) => a - b).map((i) => targets[i] as Job['targets'][number]));
}

/**
 * How each job is split for `workers` threads: not at all when there are as many jobs as threads;
 * otherwise the spare threads go to the jobs in turn, each job split into at most one group per
 * target.
 */
export function shareJobs(jobs: readonly Job[], workers: number): Share[] {
  const parts = jobs.map(() => 1);
  let spare = workers - jobs.length;
  while (spare > 0) {
    let given = 0;
    for (let i = 0; i < jobs.length && spare > 0; i++) {
      const job = jobs[i] as Job;
      if (job.error !== undefined || job.targets.some((t) => t.path === '-')) continue;
      if ((parts[i] ?? 1) < job.targets.length) {
        parts[i] = (parts[i] ?? 1) + 1;
        spare--;
        given++;
      }
    }
    if (given === 0) break;
  }
  return jobs.map((job, i) => ({ job, groups: partition(job.targets, parts[i] ?? 1) }));
}

/** What makes two warnings the same one (every share reports the report's own warnings). */
function warningKey(warning: FileWarning): string {
  return `${warning.line ?? ''}:${warning.column ?? ''}:${warning.message}`;
}

/**
 * One job's result from its shares' results: outputs in the job's target order, warnings once each
 * (every share reports the report's own warnings), the first error, and the longest time.
 */
export function mergeShares(job: Job, results: readonly JobResult[]): JobResult {
  const order = new Map(job.targets.map((target, i) => [target.path, i]));
  const outputs = results.flatMap((result) => result.outputs).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  // A set of keys, not a search of the list for each: 50,000 warnings (a missing picture a line) took
  // 50,000² comparisons.
  const warnings: FileWarning[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    for (const warning of result.warnings) {
      const key = warningKey(warning);
      if (seen.has(key)) continue;
      seen.add(key);
      warnings.push(warning);
    }
  }
  const merged: JobResult = {
    index: job.index,
    input: job.name,
    outputs,
    warnings,
    error: results.find((result) => result.error !== null)?.error ?? null,
    timeMs: Math.max(0, ...results.map((result) => result.timeMs)),
  };
  const stdout = results.find((result) => result.stdout)?.stdout;
  if (stdout) merged.stdout = stdout;
  return merged;
}

/** Writes the outputs the shares of one report held back, in the job's target order. */
async function writeHeld(job: Job, merged: JobResult, results: readonly JobResult[], force: boolean): Promise<void> {
  const order = new Map(job.targets.map((target, i) => [target.path, i]));
  const held = results
    .flatMap((result) => result.held ?? [])
    .sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  for (const output of held) {
    const error = await writeOutput(job.name, output, force);
    if (error !== null) {
      merged.error ??= error;
      break;
    }
    merged.outputs.push(output.path);
  }
  merged.outputs.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/**
 * Runs `shares` on `runner` as separate tasks and reports one merged result per job, once all of
 * its shares are done (and the outputs of a report split among threads are written); `onStart` is
 * told when a job's first share starts. `force` is `--force`, for those writes.
 */
export async function runShares(
  runner: Runner,
  shares: readonly Share[],
  onResult: (result: JobResult) => void,
  onStart?: (job: Job) => void,
  force = false,
): Promise<void> {
  const tasks: Job[] = [];
  const owner: number[] = [];
  shares.forEach((share, s) => {
    const hold = share.groups.length > 1;
    for (const targets of share.groups) {
      tasks.push({ ...share.job, index: tasks.length, targets, ...(hold ? { hold } : {}) });
      owner.push(s);
    }
  });
  const done: JobResult[][] = shares.map(() => []);
  const started = new Set<number>();
  // Writes of held outputs, one report after the other, in the order the reports were completed.
  let writing = Promise.resolve();
  await runner.run(
    tasks,
    (result) => {
      const s = owner[result.index] as number;
      const share = shares[s] as Share;
      const parts = done[s] as JobResult[];
      parts.push(result);
      if (parts.length < share.groups.length) return;
      // In the order of the shares, not of their completion: the report's warnings come out in the
      // same order whichever thread finished first.
      parts.sort((a, b) => a.index - b.index);
      const merged = mergeShares(share.job, parts);
      if (share.groups.length === 1) onResult(merged);
      else writing = writing.then(() => writeHeld(share.job, merged, parts, force).then(() => onResult(merged)));
    },
    (task) => {
      const s = owner[task.index] as number;
      if (started.has(s)) return;
      started.add(s);
      onStart?.((shares[s] as Share).job);
    },
  );
  await writing;
}
