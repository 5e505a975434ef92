import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot, wenshu } from './run-cli.js';

const example = join(repoRoot, 'examples/report.md');

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'wenshu-bad-'));
}

/** Every file below `dir`, as paths relative to it. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** Converts one bad input into an empty out-dir: the exit code, the message, and what was left there. */
function convertBad(name: string, content: string | Uint8Array, extra: string[] = []) {
  const dir = scratch();
  const input = join(dir, name);
  writeFileSync(input, content);
  const out = join(dir, 'out');
  const result = wenshu(['convert', input, '--out-dir', out, ...extra]);
  return { ...result, left: existsSync(out) ? tree(out) : [] };
}

describe('wenshu convert: bad inputs give a clear message, the right exit code and no partial file', () => {
  it('a binary file', () => {
    const result = convertBad('scan.md', Buffer.from('89504e470d0a1a0a0000000d4948445200', 'hex'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/scan\.md: .*binary/i);
    expect(result.left).toEqual([]);
  });

  it('an empty file', () => {
    const result = convertBad('empty.md', '');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('empty.md: is empty');
    expect(result.left).toEqual([]);
  });

  it('UTF-8 cut off in the middle of a character', () => {
    const bytes = Buffer.concat([Buffer.from('# 标题\n\n正文内容。'), Buffer.from([0xe4, 0xb8])]);
    const result = convertBad('cut.md', bytes);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cut\.md: .*(cut off|middle of a character)/);
    expect(result.left).toEqual([]);
  });

  it('a 20 MB line: refused under a lower --max-size, converted under the default limit', () => {
    const line = `# 长行\n\n${'字'.repeat(7 * 1024 * 1024)}\n`;
    const refused = convertBad('long.md', line, ['--max-size', '10']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/long\.md: is 2\d MB, over the 10(\.0)? MB limit \(raise it with --max-size\)/);
    expect(refused.left).toEqual([]);
    const converted = convertBad('long.md', line);
    expect(converted.status).toBe(0);
    expect(converted.left).toEqual(['long.docx']);
  });

  it('10,000 levels of nesting: an error naming the file, or a document, but never a crash', () => {
    const result = convertBad('deep.md', `${'>'.repeat(10_000)} 深\n`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    if (result.status === 0) {
      expect(result.left).toEqual(['deep.docx']);
    } else {
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('deep.md: is nested too deeply');
      expect(result.left).toEqual([]);
    }
  });

  it('a path that does not exist is a failed input named in the message; the others are written', () => {
    const out = scratch();
    const result = wenshu(['convert', 'no/such/missing.md', example, '--out-dir', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no/such/missing.md: no such file');
    expect(tree(out)).toEqual(['report.docx']);
  });

  it('a folder without reports', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'notes.docx'), 'not a report');
    const result = wenshu(['convert', dir, '--out-dir', join(dir, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the folder has no reports (.md, .markdown, .txt, .html, .htm)');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('an out-dir that cannot be created (below a regular file, so root cannot write it either)', () => {
    const dir = scratch();
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, '');
    const result = wenshu(['convert', example, '--out-dir', join(blocker, 'sub')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('report.md: cannot create the folder for');
    expect(result.stderr).toContain('a part of the path is a file, not a folder');
    expect(tree(dir)).toEqual(['blocker']);
  });

  it('an output path equal to the input', () => {
    const dir = scratch();
    const input = join(dir, 'same.docx');
    writeFileSync(input, '# 标题\n\n正文。\n');
    const result = wenshu(['convert', input, '-o', input]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('would overwrite the input');
    expect(readFileSync(input, 'utf8')).toBe('# 标题\n\n正文。\n');
  });

  it('a picture path escaping the folder is a warning and a placeholder; the file is never read', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'secret.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    const input = join(dir, 'reports', 'pictures.md');
    writeFileSync(
      input,
      '# 图\n\n![密码](../../../../etc/passwd)\n\n![旁边](../secret.png)\n\n![远程](https://example.com/a.png)\n',
    );
    const out = join(dir, 'out');
    const result = wenshu(['convert', input, '--json', '--out-dir', out]);
    expect(result.status).toBe(0);
    const [entry] = JSON.parse(result.stdout);
    const messages = entry.warnings.map((warning: { message: string }) => warning.message);
    expect(messages).toEqual([
      "picture ../../../../etc/passwd not included: it is outside the input's folder (allow with --allow-outside)",
      "picture ../secret.png not included: it is outside the input's folder (allow with --allow-outside)",
      'picture https://example.com/a.png not included: remote pictures are not fetched',
    ]);
    expect(result.stderr).toContain('pictures.md:3:1: warning: picture ../../../../etc/passwd not included');
    // The Word file has the placeholders' text and no picture at all.
    const parts = unzipSync(readFileSync(join(out, 'pictures.docx')));
    const body = strFromU8(parts['word/document.xml'] ?? new Uint8Array());
    expect(body).toContain('[图片：密码]');
    expect(body).toContain('[图片：旁边]');
    expect(body).toContain('[图片：远程]');
    expect(Object.keys(parts).filter((name) => name.startsWith('word/media/'))).toEqual([]);
    const allowed = wenshu(['convert', input, '--allow-outside', '--json', '--out-dir', join(dir, 'out2')]);
    const [allowedEntry] = JSON.parse(allowed.stdout);
    expect(allowedEntry.warnings.map((warning: { message: string }) => warning.message)).not.toContain(
      "picture ../secret.png not included: it is outside the input's folder (allow with --allow-outside)",
    );
  });
});

describe('wenshu convert: Ctrl-C', () => {
  it.each(['1', '2'])(
    'SIGINT in the middle of a batch (--jobs %s) exits 130 and leaves no temporary or partial file',
    async (jobs) => {
      const dir = scratch();
      const input = join(dir, 'in');
      mkdirSync(input);
      for (let i = 0; i < 60; i++) copyFileSync(example, join(input, `r${String(i).padStart(2, '0')}.md`));
      const out = join(dir, 'out');
      const child = spawn(process.execPath, [cliPath, 'convert', input, '--out-dir', out, '--jobs', jobs], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      // Wait for the first output, then interrupt.
      for (let waited = 0; !(existsSync(out) && tree(out).some((f) => f.endsWith('.docx'))); waited += 20) {
        if (waited > 100_000) throw new Error(`no output appeared: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill('SIGINT');
      const code = await exited;
      expect(code).toBe(130);
      expect(stderr).toContain('interrupted');
      const left = tree(out);
      expect(left.filter((file) => file.endsWith('.tmp'))).toEqual([]);
      expect(left.length).toBeLessThan(60);
      // Whatever was written is whole: a zip ends with its end-of-central-directory record.
      for (const file of left) {
        const bytes = readFileSync(join(out, file));
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
        expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]), bytes.length - 64)).toBe(true);
      }
    },
  );
});
