import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, wenshu } from './run-cli.js';

const example = join(repoRoot, 'examples/report.md');
const scratch = mkdtempSync(join(tmpdir(), 'wenshu-cli-'));

describe('wenshu ast', () => {
  it('prints the document tree of the example report as JSON', () => {
    const result = wenshu(['ast', example]);
    expect(result.status).toBe(0);
    const tree = JSON.parse(result.stdout);
    expect(tree.type).toBe('document');
    expect(tree.version).toBe(1);
    const json = JSON.stringify(tree);
    expect(json).toContain('"type":"subscript"');
    expect(json).toContain('"rowSpan":2');
  });

  it('--compact prints one line', () => {
    const result = wenshu(['ast', '--compact', example]);
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a missing file is bad input (exit 1) and the message names it', () => {
    const result = wenshu(['ast', 'no/such/report.md']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no/such/report.md: no such file');
    expect(result.stdout).toBe('');
  });

  it('a PNG is bad input with a clear message', () => {
    const png = join(scratch, 'scan.png');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const result = wenshu(['ast', png]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/scan\.png: .*binary/i);
  });

  it('an empty file is bad input', () => {
    const empty = join(scratch, 'empty.md');
    writeFileSync(empty, '');
    const result = wenshu(['ast', empty]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('empty.md: is empty');
  });

  it('a folder is bad input', () => {
    const result = wenshu(['ast', scratch]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is a folder');
  });
});

describe('usage', () => {
  it('--help and --version exit 0', () => {
    const help = wenshu(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: wenshu');
    const version = wenshu(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('an unknown command or option, or a missing argument, is a usage error (exit 2)', () => {
    expect(wenshu(['frobnicate']).status).toBe(2);
    expect(wenshu(['ast', '--nope', example]).status).toBe(2);
    const missing = wenshu(['ast']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'file'");
  });
});
