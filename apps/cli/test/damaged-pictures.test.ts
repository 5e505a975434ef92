/**
 * Issue 18: a picture that cannot be decoded is the same placeholder `[图片：alt]` in DOCX, PDF and
 * XLSX, with one warning naming the picture and its line; never a crash, a broken file or a
 * message made of the bundle's source.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { damagedPictures, goodPng } from '@wenshu/test-corpus/pictures';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { wenshu } from './run-cli.js';

const damaged: Record<string, Uint8Array> = {
  ...damagedPictures(),
  'text.png': new TextEncoder().encode('not a picture'),
};

function xmlText(parts: Record<string, Uint8Array>, prefix: string): string {
  return Object.entries(parts)
    .filter(([name]) => name.startsWith(prefix) && name.endsWith('.xml'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('\n');
}

describe('damaged pictures through the command', () => {
  it('are placeholders with a warning each, in all three formats, and the run succeeds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-damaged-'));
    for (const [name, bytes] of Object.entries(damaged)) writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, 'good.png'), goodPng(8, 8, 6));
    const names = Object.keys(damaged);
    const lines = ['# 图片', '', ...names.flatMap((name, i) => [`![坏${i + 1}](${name})`, '']), '![好](good.png)', ''];
    writeFileSync(join(dir, 'r.md'), lines.join('\n'));
    const result = wenshu(['convert', 'r.md', '--to', 'docx,pdf,xlsx', '--json'], { cwd: dir });
    expect(result.stderr).not.toMatch(/\n\s+at |=>|function/);
    expect(result.status).toBe(0);
    const [entry] = JSON.parse(result.stdout);
    expect(entry.outputs).toEqual(['r.docx', 'r.pdf', 'r.xlsx']);
    for (const [i, name] of names.entries()) {
      const line = lines.indexOf(`![坏${i + 1}](${name})`) + 1;
      const warnings = entry.warnings.filter((w: { message: string }) => w.message.startsWith(`picture ${name} `));
      expect(warnings, name).toEqual([
        {
          code: expect.stringMatching(/^image-(damaged|unsupported)$/),
          message: expect.stringMatching(/ not included: (a damaged|not a PNG)/),
          line,
          column: 1,
        },
      ]);
      expect(result.stderr).toContain(`r.md:${line}:1: warning: picture ${name} not included`);
    }
    const placeholders = names.map((_, i) => `[图片：坏${i + 1}]`);
    const docx = unzipSync(readFileSync(join(dir, 'r.docx')));
    const xlsx = unzipSync(readFileSync(join(dir, 'r.xlsx')));
    const pdf = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const text of placeholders) {
      expect(xmlText(docx, 'word/')).toContain(text);
      expect(xmlText(xlsx, 'xl/')).toContain(text);
      expect(pdf).toContain(text);
    }
    // The whole picture is embedded, and only it.
    expect(Object.keys(docx).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('say 圖片 in a document written in Traditional characters, as the exporters do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-damaged-tw-'));
    writeFileSync(join(dir, 'cut.png'), damaged['cut.png'] as Uint8Array);
    writeFileSync(
      join(dir, 'r.md'),
      '# 國家發展報告\n\n這是一份以繁體中文書寫的報告，說明過去一年的發展與成果。\n\n![標誌](cut.png)\n',
    );
    const result = wenshu(['convert', 'r.md', '--to', 'docx'], { cwd: dir });
    expect(result.status).toBe(0);
    const docx = unzipSync(readFileSync(join(dir, 'r.docx')));
    expect(xmlText(docx, 'word/')).toContain('[圖片：標誌]');
  }, 60_000);
});
