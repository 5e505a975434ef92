/**
 * `--reference-docx FILE` (issue 19: the README offered it, only the library had it). The template
 * is made by LibreOffice, as a user's would be: a Flat ODF text document
 * (fixtures/reference/template.fodt: Heading 1 in 模板黑体, red, 20 pt; body in 模板楷体; a 3.5 cm left
 * margin) converted to .docx by soffice. LibreOffice's Heading 1 carries its outline numbering.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { wenshu } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wenshu-reference-'));

beforeAll(() => {
  copyFileSync(join(import.meta.dirname, 'fixtures/reference/template.fodt'), join(dir, 'template.fodt'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      dir,
      join(dir, 'template.fodt'),
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  writeFileSync(join(dir, 'r.md'), '# 年度报告\n\n一、总体情况\n\n正文。\n');
}, 150_000);

const part = (file: string, name: string) => strFromU8(unzipSync(readFileSync(file))[name] ?? new Uint8Array());

describe('wenshu convert --reference-docx', () => {
  it("takes the template's styles by name and its page setup", () => {
    const result = wenshu(['convert', 'r.md', '--reference-docx', 'template.docx', '-o', 'r.docx', '--quiet'], {
      cwd: dir,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = join(dir, 'r.docx');
    const styles = part(out, 'word/styles.xml');
    const heading = /<w:style [^>]*w:styleId="([^"]+)"[^>]*><w:name w:val="heading 1"\/>.*?<\/w:style>/i.exec(styles);
    expect(heading?.[0]).toContain('w:eastAsia="模板黑体"');
    expect(heading?.[0]).toContain('<w:color w:val="C00000"/>');
    // The template's list numbering is not the output's: no heading may point at one of wenshu's lists.
    expect(heading?.[0]).not.toContain('w:numPr');
    const body = part(out, 'word/document.xml');
    expect(body).toContain(`<w:pStyle w:val="${heading?.[1]}"/>`);
    // 3.5 cm = 1984 twips.
    expect(body).toMatch(/<w:pgMar [^>]*w:left="1984"/);
  });

  it('reads the result back in LibreOffice with the heading as written, no bullet or number added', () => {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'txt:Text',
        '--outdir',
        dir,
        join(dir, 'r.docx'),
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const lines = readFileSync(join(dir, 'r.txt'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    expect(lines.slice(0, 3)).toEqual(['年度报告', '一、总体情况', '正文。']);
  });

  it('is a usage error (exit 2) for a missing file or one that is not a Word document', () => {
    const missing = wenshu(['convert', 'r.md', '--reference-docx', 'nope.docx'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--reference-docx nope.docx: no such file');
    const markdown = wenshu(['convert', 'r.md', '--reference-docx', 'r.md'], { cwd: dir });
    expect(markdown.status).toBe(2);
    expect(markdown.stderr).toContain('is not a Word document');
  });
});
