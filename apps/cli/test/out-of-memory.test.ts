import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'wenshu-memory-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** 800 sections of long paragraphs (2.2 MB): its PDF takes some 250 MB, far more than 64 MB of heap. */
function largeReport(): string {
  const parts: string[] = [];
  for (let i = 1; i <= 800; i++) {
    parts.push(`## ${i}、第${i}部分\n\n${'这是一个用于测试内存上限的长段落，内容重复很多次。'.repeat(40)}\n`);
  }
  return `# 大文件\n\n${parts.join('\n')}`;
}

describe('wenshu convert --max-memory', () => {
  it('an input that needs more heap fails with a message naming it; the others are converted', () => {
    writeFileSync(join(scratch, 'small.md'), '# 好\n\n正文。\n');
    writeFileSync(join(scratch, 'large.md'), largeReport());
    const out = join(scratch, 'out');
    const args = ['convert', 'small.md', 'large.md', '--to', 'pdf', '--max-memory', '64', '--jobs', '1', '-d', out];
    const result = spawnSync(process.execPath, [cliPath, ...args], {
      cwd: scratch,
      encoding: 'utf8',
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    // Exit 1 as for any failed input: not V8's abort of the whole command (a signal, or 134).
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /wenshu: large\.md: ran out of memory( while [a-z][^:]*)?: the conversion needed more than 64 MB \(raise it with --max-memory\)/,
    );
    expect(result.stderr).toContain('small.md → ');
    expect(readdirSync(out)).toEqual(['small.pdf']);
  }, 90_000);
});
