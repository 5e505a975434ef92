import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, wenshu } from './run-cli.js';

const example = join(repoRoot, 'examples/report.md');
const small = '# 简报\n\n一、总体情况\n\n1.经济平稳。全年增长5%。\n';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'wenshu-batch-'));
}

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** A folder of reports: `a/x.md`, `b/x.md`, `b/deep/y.markdown`, `c.txt`, and a non-report. */
function reports(): string {
  const dir = scratch();
  mkdirSync(join(dir, 'in/a'), { recursive: true });
  mkdirSync(join(dir, 'in/b/deep'), { recursive: true });
  writeFileSync(join(dir, 'in/a/x.md'), small);
  writeFileSync(join(dir, 'in/b/x.md'), small.replace('简报', '另一份'));
  writeFileSync(join(dir, 'in/b/deep/y.markdown'), small);
  writeFileSync(join(dir, 'in/c.txt'), '一、总体情况\n\n经济平稳。\n');
  writeFileSync(join(dir, 'in/b/notes.docx'), 'not a report');
  return dir;
}

interface Entry {
  input: string;
  outputs: string[];
  warnings: { message: string }[];
  error: string | null;
  timeMs: number;
}

describe('wenshu convert: inputs', () => {
  it('a folder is every report below it, and --out-dir keeps its subfolders (no collision)', () => {
    const dir = reports();
    const result = wenshu(['convert', 'in', '--out-dir', 'out', '--jobs', '2'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(tree(join(dir, 'out'))).toEqual(['a/x.docx', 'b/deep/y.docx', 'b/x.docx', 'c.docx']);
    // The summary table names every file.
    expect(result.stderr).toMatch(/^file\s+formats\s+warnings\s+time$/m);
    expect(result.stderr).toMatch(/^in\/b\/deep\/y\.markdown\s+docx\s+0\s+[\d.]+ s$/m);
    expect(result.stderr).toContain('4 converted');
  });

  it('a quoted glob is expanded by wenshu; the outputs keep the folders below its fixed part', () => {
    const dir = reports();
    const result = wenshu(['convert', 'in/**/*.md', '--out-dir', 'out', '--json'], { cwd: dir });
    expect(result.status).toBe(0);
    const entries = JSON.parse(result.stdout) as Entry[];
    expect(entries.map((entry) => entry.input)).toEqual(['in/a/x.md', 'in/b/x.md']);
    expect(tree(join(dir, 'out'))).toEqual(['a/x.docx', 'b/x.docx']);
    const none = wenshu(['convert', 'in/*.rst'], { cwd: dir });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('in/*.rst: no file matches this pattern');
  });

  it('two files of the same name into one flat out-dir: the second is an error, not an overwrite', () => {
    const dir = reports();
    const result = wenshu(['convert', 'in/a/x.md', 'in/b/x.md', '--out-dir', 'flat', '--json'], { cwd: dir });
    expect(result.status).toBe(1);
    const [first, second] = JSON.parse(result.stdout) as Entry[];
    expect(first?.outputs).toEqual(['flat/x.docx']);
    expect(second?.error).toContain('output flat/x.docx would also be written from in/a/x.md');
    expect(tree(join(dir, 'flat'))).toEqual(['x.docx']);
  });

  it('- reads standard input; -o - writes the one format to standard output', () => {
    const dir = scratch();
    const result = wenshu(['convert', '-', '-o', '-', '--to', 'xlsx'], { cwd: dir, input: small });
    expect(result.status).toBe(0);
    expect(result.stdout.slice(0, 2)).toBe('PK');
    expect(readdirSync(dir)).toEqual([]);
    const toFile = wenshu(['convert', '-', '--out-dir', 'out'], { cwd: dir, input: small });
    expect(toFile.status).toBe(0);
    expect(tree(join(dir, 'out'))).toEqual(['stdin.docx']);
    const empty = wenshu(['convert', '-', '-o', '-'], { cwd: dir, input: '' });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('-: is empty');
  });
});

describe('wenshu convert: outputs and results', () => {
  it('-o FILE for one input and one format, the format taken from its extension', () => {
    const dir = scratch();
    const result = wenshu(['convert', example, '-o', join(dir, 'named.xlsx')]);
    expect(result.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['named.xlsx']);
    expect(readFileSync(join(dir, 'named.xlsx')).includes(Buffer.from('xl/workbook.xml'))).toBe(true);
  });

  it('-o with several inputs or formats, and --json with -o -, are usage errors (exit 2)', () => {
    const dir = reports();
    const many = wenshu(['convert', 'in/a/x.md', 'in/b/x.md', '-o', 'one.docx'], { cwd: dir });
    expect(many.status).toBe(2);
    expect(many.stderr).toContain('-o/--output takes one input, one format and one edition');
    const formats = wenshu(['convert', 'in/a/x.md', '--to', 'docx,xlsx', '-o', 'one.docx'], { cwd: dir });
    expect(formats.status).toBe(2);
    const both = wenshu(['convert', 'in/a/x.md', '-o', '-', '--json'], { cwd: dir });
    expect(both.status).toBe(2);
    expect(wenshu(['convert', 'in/a/x.md', '--jobs', '0'], { cwd: dir }).status).toBe(2);
    expect(wenshu(['convert', 'in/a/x.md', '--max-size', 'big'], { cwd: dir }).status).toBe(2);
    expect(existsSync(join(dir, 'one.docx'))).toBe(false);
  });

  it('--json lists every input in input order with outputs, warnings, error and time, whatever --jobs', () => {
    const dir = scratch();
    const names = ['b.md', 'a.md', 'broken.md', 'c.md'];
    for (const name of names) writeFileSync(join(dir, name), name === 'broken.md' ? '' : small);
    copyFileSync(example, join(dir, 'a.md'));
    const result = wenshu(['convert', ...names, '--to', 'docx,xlsx', '--jobs', '3', '--json', '--quiet'], {
      cwd: dir,
    });
    expect(result.status).toBe(1);
    const entries = JSON.parse(result.stdout) as Entry[];
    expect(entries.map((entry) => entry.input)).toEqual(names);
    expect(entries[0]).toMatchObject({ outputs: ['b.docx', 'b.xlsx'], error: null });
    expect(entries[2]).toMatchObject({ outputs: [], error: 'is empty: there is no text to convert' });
    for (const entry of entries) expect(entry.timeMs).toBeGreaterThanOrEqual(0);
    // --quiet: no per-file lines and no table, only the failure.
    expect(result.stderr).not.toContain('→');
    expect(result.stderr).not.toMatch(/^file\s+formats/m);
    expect(result.stderr).toContain('wenshu: broken.md: is empty');
    expect(tree(dir)).toEqual([
      'a.docx',
      'a.md',
      'a.xlsx',
      'b.docx',
      'b.md',
      'b.xlsx',
      'broken.md',
      'c.docx',
      'c.md',
      'c.xlsx',
    ]);
  });
});

describe('wenshu convert: configuration', () => {
  it('wenshu.config.json is found upward from the working folder; flags win', () => {
    const dir = reports();
    writeFileSync(
      join(dir, 'wenshu.config.json'),
      JSON.stringify({ to: ['xlsx'], outDir: 'from-config', sheetLang: 'en' }),
    );
    const result = wenshu(['convert', 'x.md'], { cwd: join(dir, 'in/a') });
    expect(result.status).toBe(0);
    expect(tree(join(dir, 'from-config'))).toEqual(['x.xlsx']);
    const flagged = wenshu(['convert', 'x.md', '--to', 'docx', '--out-dir', 'here'], { cwd: join(dir, 'in/a') });
    expect(flagged.status).toBe(0);
    expect(tree(join(dir, 'in/a/here'))).toEqual(['x.docx']);
  });

  it("package.json's wenshu key is read too", () => {
    const dir = reports();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', wenshu: { outDir: 'pkg-out', jobs: 1 } }));
    const result = wenshu(['convert', 'in/c.txt'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(tree(join(dir, 'pkg-out'))).toEqual(['c.docx']);
  });

  it('an invalid configuration is a usage error naming the file and the key', () => {
    const dir = reports();
    writeFileSync(join(dir, 'wenshu.config.json'), JSON.stringify({ jobs: 'many', colour: true }));
    const result = wenshu(['convert', 'in'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(join(dir, 'wenshu.config.json'));
    expect(result.stderr).toContain('"jobs"');
    expect(result.stderr).toContain('colour');
    expect(existsSync(join(dir, 'in/a/x.docx'))).toBe(false);
    writeFileSync(join(dir, 'wenshu.config.json'), '{ not json');
    const broken = wenshu(['convert', 'in'], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('not valid JSON');
  });
});
