/**
 * What the README promises about names and patterns (issue 19): `-o x.xlsx --to pdf` wrote a PDF
 * named .xlsx, and a quoted pattern converted the READMEs under node_modules a folder input skips.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wenshu } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wenshu-names-'));
const report = '# 标题\n\n一、总体情况\n\n正文。\n';

describe('wenshu convert -o', () => {
  it('whose extension names another format than --to is a usage error (exit 2), nothing written', () => {
    writeFileSync(join(dir, 'r.md'), report);
    const result = wenshu(['convert', 'r.md', '-o', 'x.xlsx', '--to', 'pdf'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('-o x.xlsx names a .xlsx file, but --to asks for pdf');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('whose extension agrees with --to, or names no format, is written', () => {
    writeFileSync(join(dir, 'r.md'), report);
    expect(wenshu(['convert', 'r.md', '-o', 'same.pdf', '--to', 'pdf', '--quiet'], { cwd: dir }).status).toBe(0);
    expect(existsSync(join(dir, 'same.pdf'))).toBe(true);
    expect(wenshu(['convert', 'r.md', '-o', 'r.out', '--to', 'xlsx', '--quiet'], { cwd: dir }).status).toBe(0);
    expect(existsSync(join(dir, 'r.out'))).toBe(true);
  });
});

describe('wenshu convert PATTERN', () => {
  it('skips node_modules and hidden folders as a folder input does, unless the pattern names them', () => {
    const root = join(dir, 'patterns');
    for (const folder of ['docs', 'node_modules/pkg', '.cache']) mkdirSync(join(root, folder), { recursive: true });
    for (const file of ['docs/a.md', 'node_modules/pkg/README.md', '.cache/b.md'])
      writeFileSync(join(root, file), report);
    const result = wenshu(['convert', '**/*.md', '--to', 'xlsx', '--out-dir', 'out', '--json'], { cwd: root });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).map((entry: { input: string }) => entry.input)).toEqual(['docs/a.md']);
    const named = wenshu(['convert', 'node_modules/**/*.md', '--to', 'xlsx', '--out-dir', 'out2', '--json'], {
      cwd: root,
    });
    expect(JSON.parse(named.stdout).map((entry: { input: string }) => entry.input)).toEqual([
      'node_modules/pkg/README.md',
    ]);
  });
});
