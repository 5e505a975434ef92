import { describe, expect, it } from 'vitest';
import type { Job, JobResult } from '../src/lib/convert-file.js';
import type { Runner } from '../src/lib/pool.js';
import { mergeShares, runShares, shareJobs } from '../src/lib/share.js';

function job(index: number, formats: string[], extra: Partial<Job> = {}): Job {
  return {
    index,
    name: `r${index}.md`,
    path: `r${index}.md`,
    targets: formats.map((format) => ({ format, edition: 'cn', path: `out/r${index}.${format}` })),
    ...extra,
  };
}

const formatsOf = (groups: Job['targets'][]) => groups.map((group) => group.map((target) => target.format));

describe('shareJobs', () => {
  it('gives one report the spare thread: the PDF alone, the DOCX and workbook together', () => {
    const [share] = shareJobs([job(0, ['docx', 'pdf', 'xlsx'])], 2);
    expect(formatsOf(share?.groups ?? [])).toEqual([['pdf'], ['docx', 'xlsx']]);
  });

  it('does not split when there are as many reports as threads', () => {
    const shares = shareJobs([job(0, ['docx', 'pdf']), job(1, ['docx', 'pdf'])], 2);
    expect(shares.map((share) => formatsOf(share.groups))).toEqual([[['docx', 'pdf']], [['docx', 'pdf']]]);
  });

  it('shares spare threads among reports in turn, never more groups than targets', () => {
    const shares = shareJobs([job(0, ['docx', 'pdf', 'xlsx']), job(1, ['docx'])], 4);
    expect(shares.map((share) => share.groups.length)).toEqual([3, 1]);
  });

  it('keeps a report written to standard output, or already failed, whole', () => {
    const stdout = job(0, ['docx']);
    stdout.targets = [{ format: 'docx', edition: 'cn', path: '-' }];
    const failed = job(1, ['docx', 'pdf'], { error: 'name collision' });
    expect(shareJobs([stdout, failed], 4).map((share) => share.groups.length)).toEqual([1, 1]);
  });

  it('keeps a report with no targets as one task', () => {
    expect(shareJobs([job(0, [])], 2).map((share) => share.groups)).toEqual([[[]]]);
  });
});

describe('mergeShares', () => {
  const whole = job(3, ['docx', 'pdf', 'xlsx']);
  const result = (outputs: string[], extra: Partial<JobResult> = {}): JobResult => ({
    index: 0,
    input: 'r3.md',
    outputs,
    warnings: [{ message: 'HTML comment dropped', line: 4, column: 1 }],
    error: null,
    timeMs: 10,
    ...extra,
  });

  it('lists outputs in target order, each warning once, and the longest time', () => {
    const merged = mergeShares(whole, [
      result(['out/r3.pdf'], {
        timeMs: 900,
        warnings: [{ message: 'HTML comment dropped', line: 4, column: 1 }, { message: 'no 楷 font' }],
      }),
      result(['out/r3.docx', 'out/r3.xlsx'], { timeMs: 400 }),
    ]);
    expect(merged).toEqual({
      index: 3,
      input: 'r3.md',
      outputs: ['out/r3.docx', 'out/r3.pdf', 'out/r3.xlsx'],
      warnings: [{ message: 'HTML comment dropped', line: 4, column: 1 }, { message: 'no 楷 font' }],
      error: null,
      timeMs: 900,
    });
  });

  it('merges the warnings of a report with a warning a line (a missing picture on each) in linear time', () => {
    // Three shares each report the same 60,000 warnings: a search of the list for each took minutes.
    const many = Array.from({ length: 60_000 }, (_, i) => ({
      message: 'picture missing.png not included',
      line: i + 1,
      column: 1,
    }));
    const started = performance.now();
    const merged = mergeShares(whole, [
      result([], { warnings: many }),
      result([], { warnings: many }),
      result([], { warnings: many }),
    ]);
    expect(merged.warnings).toHaveLength(60_000);
    expect(merged.warnings[59_999]).toEqual(many[59_999]);
    // The quadratic merge took 13 s for this; a linear one takes milliseconds, even on a loaded machine.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('keeps the outputs a share wrote when another failed, and reports the failure', () => {
    const merged = mergeShares(whole, [
      result([], { error: 'font kai.ttf: not a font file' }),
      result(['out/r3.docx', 'out/r3.xlsx']),
    ]);
    expect(merged.error).toBe('font kai.ttf: not a font file');
    expect(merged.outputs).toEqual(['out/r3.docx', 'out/r3.xlsx']);
  });
});

describe('runShares', () => {
  it('runs each share as a task and reports each report once, when its last share is done', async () => {
    const ran: Job[] = [];
    const runner: Runner = {
      async run(tasks, onResult, onStart) {
        // Finish in reverse order, as threads may.
        for (const task of [...tasks].reverse()) {
          onStart?.(task);
          ran.push(task);
          onResult({
            index: task.index,
            input: task.name,
            outputs: task.targets.map((t) => t.path),
            warnings: [],
            error: null,
            timeMs: 1,
          });
        }
      },
      async stop() {},
    };
    const reported: JobResult[] = [];
    const started: string[] = [];
    await runShares(
      runner,
      shareJobs([job(0, ['docx', 'pdf', 'xlsx']), job(1, ['docx'])], 3),
      (merged) => reported.push(merged),
      (started_) => started.push(started_.name),
    );
    expect(ran.length).toBe(3);
    expect(reported.map((r) => [r.index, r.outputs])).toEqual([
      [1, ['out/r1.docx']],
      [0, ['out/r0.docx', 'out/r0.pdf', 'out/r0.xlsx']],
    ]);
    expect(started).toEqual(['r1.md', 'r0.md']);
  });
});
