/**
 * Issue 18, through the command: messages escaped and counted, errors in words and on one line,
 * outputs whose names just fit, read-only outputs, `--jobs`, configuration with a byte order mark,
 * SOURCE_DATE_EPOCH out of range.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, wenshu } from './run-cli.js';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'wenshu-safe-'));
}

const REPORT = '# 标题\n\n一、总体情况\n\n正文。\n';

describe('messages', () => {
  it('show control characters in file names and picture URLs escaped, never raw', () => {
    const dir = scratch();
    const name = 'r\u001b]0;owned\u0007.md';
    // In HTML, whose attributes may hold them: ESC is dropped by the parser (XML cannot hold it),
    // CSI (U+009B, a terminal's escape too) is kept, and must be escaped in the message.
    writeFileSync(join(dir, name), '# 标题\n\n<img src="x\u009b2J\u001b[2J.png" alt="图">\n');
    const result = wenshu(['convert', name, '--to', 'docx'], { cwd: dir });
    expect(result.status).toBe(0);
    // No control character but the line ends.
    expect(
      [...result.stderr].filter((char) => char !== '\n' && (char < ' ' || (char >= '\u007f' && char <= '\u009f'))),
    ).toEqual([]);
    expect(result.stderr).toContain('r\\x1B]0;owned\\x07.md');
    expect(result.stderr).toContain('picture x\\x9B2J[2J.png not included');
  });

  it('escape what the command line parser quotes back (an unknown option)', () => {
    const result = wenshu(['convert', 'r.md', '--x\u001b[2J']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--x\\x1B[2J'");
    expect(result.stderr).not.toContain('\u001b');
  });

  it('count repeated warnings instead of repeating them; --json keeps them all', () => {
    const dir = scratch();
    const deep = `${'> '.repeat(70)}深\n`;
    writeFileSync(join(dir, 'deep.md'), `# 标题\n\n${Array.from({ length: 40 }, () => deep).join('\n')}`);
    const result = wenshu(['convert', 'deep.md', '--json'], { cwd: dir });
    expect(result.status).toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line.includes('warning: more than 64'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^deep\.md:3:\d+: warning: .* … and 39 more like this$/);
    const [entry] = JSON.parse(result.stdout);
    expect(entry.warnings.filter((w: { message: string }) => w.message.startsWith('more than 64'))).toHaveLength(40);
  });

  it('say a system error in words: an out-dir that is a file', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'r.md'), REPORT);
    writeFileSync(join(dir, 'taken'), 'a file');
    const result = wenshu(['convert', 'r.md', '--out-dir', 'taken'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /cannot (create the folder for|write) taken\/r\.docx: (a part of the path is a file, not a folder|a file of that name already exists)/,
    );
    expect(result.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
  });

  it('end a write to a full standard output with one line and exit 1', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'r.md'), REPORT);
    for (const args of [
      ['ast', 'r.md'],
      ['outline', 'r.md'],
      ['convert', 'r.md', '-o', '-'],
      ['convert', 'r.md', '--json'],
    ]) {
      const full = openSync('/dev/full', 'w');
      const result = spawnSync(process.execPath, [cliPath, ...args], {
        cwd: dir,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      closeSync(full);
      expect(result.status, args.join(' ')).toBe(1);
      // The last line; before it, at most the usual line saying what was converted.
      const lines = result.stderr.trim().split('\n');
      expect(lines.at(-1), args.join(' ')).toBe('wenshu: cannot write to standard output: no space left on the device');
      expect(lines.length, args.join(' ')).toBeLessThanOrEqual(2);
    }
  });
});

describe('outputs', () => {
  it('work when the output name fits in 255 bytes (80 Chinese characters), leaving no temporary file', () => {
    const dir = scratch();
    const name = `${'报'.repeat(80)}.md`;
    writeFileSync(join(dir, name), REPORT);
    const result = wenshu(['convert', name, '--to', 'docx,xlsx'], { cwd: dir });
    expect(result.stderr).not.toContain('ENAMETOOLONG');
    expect(result.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([`${'报'.repeat(80)}.docx`, name, `${'报'.repeat(80)}.xlsx`].sort());
  });

  it('refuse to replace a read-only output; --force replaces it and keeps its mode; any output keeps its mode', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'r.md'), REPORT);
    writeFileSync(join(dir, 'r.docx'), 'old');
    chmodSync(join(dir, 'r.docx'), 0o444);
    const refused = wenshu(['convert', 'r.md'], { cwd: dir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('wenshu: r.md: r.docx is read-only (replace it with --force)');
    expect(statSync(join(dir, 'r.docx')).size).toBe(3);
    const forced = wenshu(['convert', 'r.md', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(statSync(join(dir, 'r.docx')).size).toBeGreaterThan(3);
    expect(statSync(join(dir, 'r.docx')).mode & 0o777).toBe(0o444);
    chmodSync(join(dir, 'r.docx'), 0o600);
    expect(wenshu(['convert', 'r.md'], { cwd: dir }).status).toBe(0);
    expect(statSync(join(dir, 'r.docx')).mode & 0o777).toBe(0o600);
  });
});

describe('options', () => {
  it('--jobs above the CPU count is a warning, and the run starts no more threads than it has work for', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.md'), REPORT);
    writeFileSync(join(dir, 'b.md'), REPORT);
    const result = wenshu(['convert', 'a.md', 'b.md', '--jobs', '200', '--json'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`wenshu: warning: --jobs 200 is more than the ${availableParallelism()} CPUs`);
    expect(JSON.parse(result.stdout).map((entry: { outputs: string[] }) => entry.outputs)).toEqual([
      ['a.docx'],
      ['b.docx'],
    ]);
  });

  it('read a configuration file saved with a byte order mark', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'r.md'), REPORT);
    writeFileSync(join(dir, 'wenshu.config.json'), '\ufeff{ "to": "xlsx" }');
    const result = wenshu(['convert', 'r.md', '--json'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)[0].outputs).toEqual(['r.xlsx']);
  });

  it('refuse a Traditional-edition dictionary that would put back characters XML cannot hold', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'r.md'), REPORT);
    writeFileSync(join(dir, 'dict.txt'), '总体\t總\ufffe體\n');
    const result = wenshu(['convert', 'r.md', '--zh', 'tw', '--zh-dict', 'dict.txt'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('dict.txt: entry 1 holds a character Word and Excel files cannot hold');
  });

  it('take a SOURCE_DATE_EPOCH beyond 2099 as a usage error (exit 2)', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'r.md'), REPORT);
    for (const epoch of ['99999999999999999999', '4102444800']) {
      const result = wenshu(['convert', 'r.md'], { cwd: dir, env: { SOURCE_DATE_EPOCH: epoch } });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^wenshu: SOURCE_DATE_EPOCH must be at most 4102444799 seconds/);
    }
    const last = wenshu(['convert', 'r.md'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '4102444799' } });
    expect(last.status).toBe(0);
  });
});
