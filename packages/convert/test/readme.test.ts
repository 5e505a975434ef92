/**
 * The README's `convert` example, run as a user would run it: the code block after the marker
 * naming this file, saved as a module in a fresh folder beside the example report, with
 * `@wenshu/convert` resolved from that folder's node_modules.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const marker = readme.indexOf('<!-- tested by packages/convert/test/readme.test.ts -->');
  expect(marker, 'the README marks its convert example').toBeGreaterThan(0);
  const block = /```js\n([\s\S]*?)```/.exec(readme.slice(marker));
  expect(block, 'a js block follows the marker').not.toBeNull();
  return (block as RegExpExecArray)[1] as string;
}

describe('the README’s convert example', () => {
  it('runs and writes every output it names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-readme-'));
    mkdirSync(join(dir, 'node_modules', '@wenshu'), { recursive: true });
    symlinkSync(resolve(import.meta.dirname, '..'), join(dir, 'node_modules', '@wenshu', 'convert'), 'dir');
    copyFileSync(join(root, 'examples', 'report.md'), join(dir, 'report.md'));
    writeFileSync(join(dir, 'example.mjs'), readmeExample());
    const printed = execFileSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
    const written = readdirSync(dir).filter((name) => /\.(docx|pdf|xlsx)$/.test(name));
    expect(written.sort()).toEqual([
      'report.docx',
      'report.pdf',
      'report.tw.docx',
      'report.tw.pdf',
      'report.tw.xlsx',
      'report.xlsx',
    ]);
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const document = unzipSync(new Uint8Array(readFileSync(join(dir, 'report.tw.docx'))))['word/document.xml'];
    expect(new TextDecoder().decode(document)).toContain('重點工作');
    // The gov theme's fallback faces are warnings with a code, in the shape the example prints.
    expect(printed).toMatch(/^report\.md:\d*: [a-z-]+: .+/m);
  }, 60_000);
});
