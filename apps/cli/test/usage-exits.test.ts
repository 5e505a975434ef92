/**
 * Usage errors that used to pass silently (issue 19), each exit 2 with a message before anything is
 * converted: a face name a font collection does not have, a Traditional-edition dictionary without a
 * Traditional edition, a `fonts --lang` that is not a Chinese language tag.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wenshu } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wenshu-usage-'));
writeFileSync(join(dir, 'r.md'), '# 标题\n\n一、总体情况\n\n软件正文。\n');
writeFileSync(join(dir, 'dict.txt'), '软件\t軟體\n');

/** An installed font collection (CI installs fonts-noto-cjk): the test needs a .ttc and says so. */
function collection(): string {
  const files = execFileSync('fc-list', [':', 'file'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.replace(/:\s*$/, '').trim())
    .filter((file) => file.endsWith('.ttc'));
  const file = files.sort()[0];
  if (!file) throw new Error('no .ttc font is installed: install fonts-noto-cjk, this test needs a font collection');
  return file;
}

describe('usage errors, exit 2', () => {
  it('--font ROLE=file.ttc#Face whose collection has no such face names the faces it has', () => {
    const ttc = collection();
    const result = wenshu(['convert', 'r.md', '--to', 'pdf', '--font', `song=${ttc}#NoSuchFace`], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no face NoSuchFace (it has ');
    expect(existsSync(join(dir, 'r.pdf'))).toBe(false);
    const fonts = wenshu(['fonts', '--font', `song=${ttc}#NoSuchFace`], { cwd: dir });
    expect(fonts.status).toBe(2);
    expect(fonts.stderr).toContain('no face NoSuchFace');
  });

  it('--zh-dict or --zh-protect without a Traditional edition', () => {
    for (const flag of ['--zh-dict', '--zh-protect']) {
      const result = wenshu(['convert', 'r.md', flag, 'dict.txt'], { cwd: dir });
      expect(result.status, flag).toBe(2);
      expect(result.stderr).toContain('are for Traditional editions');
    }
    const edition = wenshu(['convert', 'r.md', '--zh-dict', 'dict.txt', '--zh', 'tw', '--quiet'], { cwd: dir });
    expect(edition.status).toBe(0);
    expect(existsSync(join(dir, 'r.tw.docx'))).toBe(true);
  });

  it('fonts --lang that is not a Chinese language tag', () => {
    const result = wenshu(['fonts', '--lang', 'klingon'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--lang takes a Chinese language tag');
    expect(wenshu(['fonts', '--lang', 'zh-Hant', '--json'], { cwd: dir }).status).toBe(0);
  });
});
