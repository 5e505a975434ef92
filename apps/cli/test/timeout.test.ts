import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, wenshu } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'wenshu-timeout-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * One paragraph of 2.8 million characters (8.3 MB): read and parsed in under a second on the test
 * machine, then some 10 s of PDF layout (and 600 MB), so a 2 s timeout stops it while the PDF is
 * rendered. (A fifth of it took 11 s while pdfmake's layout was quadratic in a paragraph's length;
 * it is linear now, patched.)
 */
function slowReport(): string {
  return `# 段\n\n${'这是一个用于测试超时的长段落，内容重复很多次。'.repeat(120_000)}\n`;
}

describe('wenshu convert --timeout', () => {
  it('stops the input that runs longer, removes its partial output, and converts the others', () => {
    const dir = join(scratch, 'batch');
    const out = join(dir, 'out');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.md'), '# 好\n\n正文。\n');
    writeFileSync(join(dir, 'big.md'), slowReport());
    const started = Date.now();
    const result = spawnSync(
      process.execPath,
      [cliPath, 'convert', 'good.md', 'big.md', '--to', 'pdf', '--timeout', '2', '--jobs', '1', '--out-dir', out],
      { cwd: dir, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' },
    );
    const seconds = (Date.now() - started) / 1000;
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('good.md → ');
    expect(result.stderr).toMatch(/wenshu: big\.md: stopped after 2 s \(--timeout\) while rendering the PDF/);
    expect(result.stderr).toContain('wenshu: 1 of 2 inputs failed');
    // Only the good input's PDF: neither the big one's nor a temporary file is left.
    expect(readdirSync(out)).toEqual(['good.pdf']);
    // Stopped, not waited for: far less than the big report's own time.
    expect(seconds).toBeLessThan(6);
  }, 45_000);

  it('must be a number above 0', () => {
    const result = wenshu(['convert', 'examples/report.md', '--timeout', 'soon']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--timeout needs a number above 0, not "soon"');
  });
});
