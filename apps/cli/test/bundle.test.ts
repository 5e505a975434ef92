import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot, wenshu } from './run-cli.js';

interface Manifest {
  version: string;
  dependencies: Record<string, string>;
}

const manifest = (path: string) => JSON.parse(readFileSync(join(repoRoot, path, 'package.json'), 'utf8')) as Manifest;

describe('the bundled command', () => {
  it('ships the faces the PDF falls back to (SC, and TC for Traditional documents) beside it, with their licence, and reads them from there', () => {
    const dist = dirname(cliPath);
    for (const name of ['NotoSerifSC', 'NotoSansSC', 'NotoSerifTC', 'NotoSansTC']) {
      for (const weight of ['400Regular', '700Bold']) {
        // A TrueType file: the sfnt version 0x00010000.
        const head = readFileSync(join(dist, 'fonts', `${name}_${weight}.ttf`)).subarray(0, 4);
        expect([...head], `${name} ${weight}`).toEqual([0, 1, 0, 0]);
      }
      expect(readFileSync(join(dist, 'fonts', `${name}-OFL.txt`), 'utf8')).toContain('SIL OPEN FONT LICENSE');
    }
    // The font packages (seven weights each, 200 MB) are not needed at run time: nothing names them.
    for (const bundle of ['cli.cjs', 'worker.cjs']) {
      const code = readFileSync(join(dist, bundle), 'utf8');
      expect(code).not.toContain('@expo-google-fonts');
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the bundle's source text, as written
      expect(code).toContain('fonts/${name}_${dir}.ttf');
    }
    expect(manifest('apps/cli').dependencies).toBeUndefined();
  });

  it('runs as the program its first line names: Node with single-threaded garbage collection', () => {
    // npm's and pnpm's bin shims start the command this way; the kernel does when it is run directly.
    const first = readFileSync(cliPath, 'utf8').split('\n', 1)[0];
    expect(first).toBe('#!/usr/bin/env -S node --single-threaded-gc');
    const result = spawnSync(cliPath, ['--version'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(manifest('apps/cli').version);
  });

  it('starts from the code caches the build wrote, in the main thread and in worker threads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-cache-'));
    writeFileSync(join(dir, 'r.md'), '# 标题\n\n一、总体情况\n\n正文。\n');
    const result = wenshu(['convert', 'r.md', '--to', 'docx,xlsx', '--jobs', '2', '--quiet'], {
      cwd: dir,
      env: { WENSHU_CODE_CACHE: 'report' },
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('code cache cli.cjs: used');
    expect(result.stderr).toContain('code cache worker.cjs: used');
  });

  it("prints the package's version", () => {
    const result = wenshu(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(manifest('apps/cli').version);
    expect(result.stdout).toBe(`${manifest('apps/cli').version}\n`);
    expect(wenshu(['-v']).stdout).toBe(`${manifest('apps/cli').version}\n`);
    // The bin answers a lone --version itself; the bundle (the whole command) answers the same.
    const bundle = spawnSync(process.execPath, [join(dirname(cliPath), 'cli.cjs'), '--version'], { encoding: 'utf8' });
    expect(bundle.stdout).toBe(result.stdout);
  });

  it("prints no dependency's deprecation warning (archiver's new Buffer() in the workbook writer)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-bundle-'));
    writeFileSync(join(dir, 'r.md'), '# 标题\n\n一、总体情况\n\n正文。\n');
    for (const jobs of ['1', '2']) {
      const result = wenshu(['convert', 'r.md', '--to', 'xlsx,docx', '--jobs', jobs, '--quiet'], { cwd: dir });
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
    }
  });
});
