import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, wenshu } from './run-cli.js';

const example = join(repoRoot, 'examples/report.md');

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'wenshu-convert-'));
}

describe('wenshu convert', () => {
  it('writes a DOCX per input into --out-dir, reproducibly with SOURCE_DATE_EPOCH', () => {
    const out = scratch();
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const first = wenshu(['convert', example, '--to', 'docx', '--out-dir', out], { env });
    expect(first.status).toBe(0);
    const file = join(out, 'report.docx');
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const again = wenshu(['convert', example, '--to', 'docx', '--out-dir', out, '--theme', 'report'], { env });
    expect(again.status).toBe(0);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    // No temporary file is left behind.
    expect(readdirSync(out)).toEqual(['report.docx']);
  });

  it('a failing file does not stop the others; the exit code is 1', () => {
    const out = scratch();
    const bad = join(out, 'bad.md');
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const result = wenshu(['convert', bad, example, '--to', 'docx', '--out-dir', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bad.md:');
    expect(existsSync(join(out, 'report.docx'))).toBe(true);
    expect(existsSync(join(out, 'bad.docx'))).toBe(false);
  });

  it('never overwrites an input', () => {
    const dir = scratch();
    const input = join(dir, 'notes.docx');
    const text = '# 标题\n\n正文。\n';
    writeFileSync(input, text);
    const result = wenshu(['convert', input, '--to', 'docx']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('would overwrite the input');
    expect(readFileSync(input, 'utf8')).toBe(text);
  });

  it('--to takes a comma list: one file per format', () => {
    const out = scratch();
    const result = wenshu(['convert', example, '--to', 'docx,xlsx', '--sheet-lang', 'en', '--out-dir', out]);
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['report.docx', 'report.xlsx']);
    const xlsx = readFileSync(join(out, 'report.xlsx'));
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    // A workbook: the zip holds its main part (sheet contents are tested in @wenshu/export-xlsx).
    expect(xlsx.includes(Buffer.from('xl/workbook.xml'))).toBe(true);
  });

  it('an unknown format or theme is a usage error', () => {
    const unknownFormat = wenshu(['convert', example, '--to', 'odt']);
    expect(unknownFormat.status).toBe(2);
    expect(unknownFormat.stderr).toContain('unknown format "odt"');
    const unknownTheme = wenshu(['convert', example, '--theme', 'no-such-theme.json', '--out-dir', scratch()]);
    expect(unknownTheme.status).toBe(2);
    expect(unknownTheme.stderr).toContain('no-such-theme.json');
    expect(wenshu(['convert', example, '--sheet-lang', 'fr']).status).toBe(2);
  });
});

describe('wenshu convert: PDF and editions', () => {
  it('writes PDF and Traditional editions from one parse, named report.tw.<format>', () => {
    const out = scratch();
    const result = wenshu(['convert', example, '--to', 'pdf,docx', '--editions', 'cn,tw', '--out-dir', out, '--quiet']);
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['report.docx', 'report.pdf', 'report.tw.docx', 'report.tw.pdf']);
    expect(readFileSync(join(out, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('--zh writes only the edition; an unknown edition or a bad --font is a usage error', () => {
    const out = scratch();
    expect(wenshu(['convert', example, '--zh', 'hk', '--out-dir', out, '--quiet']).status).toBe(0);
    expect(readdirSync(out)).toEqual(['report.hk.docx']);
    expect(wenshu(['convert', example, '--zh', 'jp', '--out-dir', out]).status).toBe(2);
    const editions = wenshu(['convert', example, '--editions', 'cn,xx', '--out-dir', out]);
    expect(editions.status).toBe(2);
    expect(editions.stderr).toContain('unknown edition "xx"');
    const font = wenshu(['convert', example, '--to', 'pdf', '--font', 'gothic=x.ttf', '--out-dir', out]);
    expect(font.status).toBe(2);
    expect(font.stderr).toContain('--font takes ROLE=FILE');
    // A font file that is not there, or not a font, stops the command before anything is written.
    const missing = wenshu(['convert', example, '--to', 'pdf', '--font', 'fang=/nope.ttf', '--out-dir', out]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--font fang=/nope.ttf: no such file');
    const notFont = wenshu(['fonts', '--font', `song=${example}`]);
    expect(notFont.status).toBe(2);
    expect(notFont.stderr).toContain('is not a TrueType, OpenType or TTC font file');
  });

  it('--no-system-fonts sets the PDF in the bundled faces, not the installed ones (CI installs fonts-noto-cjk)', () => {
    const fontsOf = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });
    const installed = scratch();
    expect(wenshu(['convert', example, '--to', 'pdf', '--zh', 'tw', '--out-dir', installed]).status).toBe(0);
    expect(fontsOf(join(installed, 'report.tw.pdf'))).toMatch(/CJKtc|CJK TC/);
    const bundled = scratch();
    const result = wenshu([
      'convert',
      example,
      '--to',
      'pdf',
      '--editions',
      'cn,tw',
      '--no-system-fonts',
      '--out-dir',
      bundled,
    ]);
    expect(result.status).toBe(0);
    const faces = fontsOf(join(bundled, 'report.tw.pdf'));
    expect(faces).not.toMatch(/CJK/);
    // A Taiwan edition takes the bundled Traditional faces (Taiwan's glyph forms, centred ，。), not the SC ones.
    expect(faces).toMatch(/NotoSerifTC-Regular/);
    expect(faces).toMatch(/NotoSansTC-/);
    expect(faces).not.toMatch(/NotoSerifSC/);
    // The edition as written stays in the SC faces.
    expect(fontsOf(join(bundled, 'report.pdf'))).toMatch(/NotoSerifSC-Regular/);
  });

  it('a user dictionary file is read for editions (its effect is tested in @wenshu/zh); a malformed one is a usage error', () => {
    const dir = scratch();
    const dictionary = join(dir, 'dict.tsv');
    writeFileSync(dictionary, '# 机构名\n青禾市\t青禾巿\n');
    const result = wenshu([
      'convert',
      example,
      '--zh',
      'tw',
      '--zh-dict',
      dictionary,
      '--to',
      'xlsx',
      '--out-dir',
      dir,
    ]);
    expect(result.status).toBe(0);
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, 'no tab on this line\n');
    const failed = wenshu(['convert', example, '--zh', 'tw', '--zh-dict', bad, '--out-dir', dir]);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('bad.tsv');
  });
});

describe('wenshu fonts', () => {
  it('lists every PDF font role with its file, face and glyph count', () => {
    const result = wenshu(['fonts', '--json']);
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as { role: string; file: string; glyphs: number }[];
    for (const role of ['song', 'hei', 'kai', 'fang', 'title']) {
      const row = rows.find((r) => r.role === role);
      expect(row?.file, role).toMatch(/\.(ttf|otf|ttc)$/i);
      expect(row?.glyphs, role).toBeGreaterThan(20000);
    }
  });
});
