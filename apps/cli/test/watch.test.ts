import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { cliPath } from './run-cli.js';

/** Polls until `ready` holds, for at most `limitMs`. */
async function until(ready: () => boolean, limitMs: number, what: string): Promise<void> {
  for (let waited = 0; !ready(); waited += 50) {
    if (waited > limitMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('wenshu convert --watch', () => {
  it('converts again when an input changes or a report appears; Ctrl-C ends it with exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-watch-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/a.md'), '# 第一版\n\n正文。\n');
    const child = spawn(process.execPath, [cliPath, 'convert', 'in', '--watch', '--out-dir', 'out', '--to', 'xlsx'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const output = join(dir, 'out/a.xlsx');
    await until(() => stderr.includes('watching for changes'), 60_000, 'the first run');
    const first = readFileSync(output);
    writeFileSync(join(dir, 'in/a.md'), '# 第二版\n\n改过的正文。\n');
    writeFileSync(join(dir, 'in/b.md'), '# 新的\n\n正文。\n');
    await until(
      () => existsSync(join(dir, 'out/b.xlsx')) && !readFileSync(output).equals(first),
      60_000,
      'the changed file to be converted again',
    );
    // Ctrl-C once the run is over: during a run it would interrupt it (exit 130).
    const idle = (text: string) => text.split('watching for changes').length - 1;
    await until(
      () => idle(stderr) >= 2 && stderr.trimEnd().endsWith('(Ctrl-C to stop)'),
      60_000,
      'the watcher to be idle',
    );
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('in/b.md → out/b.xlsx');
  });
});
