import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from './run-cli.js';

const example = join(repoRoot, 'examples/report.md');
const scratch = mkdtempSync(join(tmpdir(), 'wenshu-regular-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The built command, killed if it has not ended within `seconds` (a hang is then a failed test, not a stuck run). */
function wenshuWithin(seconds: number, args: string[], cwd: string) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: seconds * 1000,
    killSignal: 'SIGKILL',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status, stderr: result.stderr, seconds: (Date.now() - started) / 1000 };
}

describe('wenshu convert reads only regular files, and never blocks the batch', () => {
  it('a named pipe with no writer beside a good file: the pipe is refused, the good file converted', () => {
    const dir = join(scratch, 'fifo');
    mkdirSync(dir);
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    copyFileSync(example, join(dir, 'good.md'));
    const result = wenshuWithin(20, ['convert', 'pipe.md', 'good.md', '--jobs', '1'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('wenshu: pipe.md: is a named pipe (FIFO), not a regular file');
    expect(existsSync(join(dir, 'good.docx'))).toBe(true);
    expect(result.seconds).toBeLessThan(15);
  }, 30_000);

  it('a named pipe alone: refused at once', () => {
    const dir = join(scratch, 'fifo-alone');
    mkdirSync(dir);
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const result = wenshuWithin(15, ['convert', 'pipe.md'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pipe.md: is a named pipe (FIFO), not a regular file');
  }, 30_000);

  it('/dev/zero is refused as a character device, never read', () => {
    const dir = join(scratch, 'zero');
    mkdirSync(dir);
    const result = wenshuWithin(15, ['convert', '/dev/zero', '--out-dir', dir], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('wenshu: /dev/zero: is a character device, not a regular file');
  }, 30_000);

  it('a folder given where a file is read is refused as a folder', () => {
    const dir = join(scratch, 'folder');
    mkdirSync(join(dir, 'notes.md'), { recursive: true });
    const result = wenshuWithin(15, ['ast', 'notes.md'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('notes.md: is a folder, not a regular file');
  }, 30_000);
});

describe('wenshu convert -: standard input is counted as it arrives', () => {
  it('endless input over --max-size ends promptly with a message and exit 1', async () => {
    const dir = join(scratch, 'stdin');
    mkdirSync(dir);
    const child = spawn(process.execPath, [cliPath, 'convert', '-', '-o', 'out.docx', '--max-size', '1'], {
      cwd: dir,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    // Like `yes |`: lines are written until the command stops reading (EPIPE is then expected).
    child.stdin.on('error', () => {});
    const line = Buffer.from('一、标题\n正文。\n'.repeat(4096));
    let open = true;
    const feed = () => {
      while (open && child.stdin.write(line));
      if (open) child.stdin.once('drain', feed);
    };
    feed();
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    open = false;
    clearTimeout(killer);
    child.stdin.destroy();
    expect(status).toBe(1);
    expect(stderr).toContain(
      'wenshu: -: is more than the 1 MB limit: reading stopped there (raise it with --max-size)',
    );
    expect(existsSync(join(dir, 'out.docx'))).toBe(false);
  }, 30_000);
});
