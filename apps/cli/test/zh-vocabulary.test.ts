/**
 * The Taiwan phrase edition's vocabulary from the command line: decided from the text and shown
 * as a warning, forced with `--zh-vocabulary` or the `zhVocabulary` configuration key.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { wenshu } from './run-cli.js';

const REPORT = '# 工作报告\n\n优抚对象要精简文件和会议，优化程序，推进项目建设。台灣人壽持有采矿许可证。\n';

/** A folder with the report in it (and a configuration when given). */
function folderWith(config?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'wenshu-zh-vocabulary-'));
  writeFileSync(join(dir, 'r.md'), REPORT);
  if (config) writeFileSync(join(dir, 'wenshu.config.json'), JSON.stringify(config));
  return dir;
}

/** The text of the Word file's body. */
function docxText(file: string): string {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml'] ?? new Uint8Array());
  return xml.replace(/<[^>]+>/g, '');
}

describe('--zh-vocabulary', () => {
  it('by default a government text keeps 對象, 文件, 程序, and the warning says why', () => {
    const dir = folderWith();
    const result = wenshu(['convert', 'r.md', '--zh', 'twp', '--quiet'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/twp edition: general vocabulary.*0 computing words.*--zh-vocabulary/);
    const text = docxText(join(dir, 'r.twp.docx'));
    expect(text).toContain('優撫對象要精簡文件和會議，優化程序，推進項目建設。');
    expect(text).toContain('台灣人壽持有採礦許可證'); // Traditional kept, 採 fixed
  });

  it('`it` forces the computing words, and says it was forced', () => {
    const dir = folderWith();
    const result = wenshu(['convert', 'r.md', '--zh', 'twp', '--zh-vocabulary', 'it', '--quiet'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/computing vocabulary.*forced/);
    expect(docxText(join(dir, 'r.twp.docx'))).toContain('優撫物件要精簡檔案和會議，最佳化程式，推進專案建設。');
  });

  it('the configuration key zhVocabulary sets it, the flag wins, and a wrong value is a usage error', () => {
    const dir = folderWith({ zhVocabulary: 'it' });
    expect(wenshu(['convert', 'r.md', '--zh', 'twp', '--quiet'], { cwd: dir }).status).toBe(0);
    expect(docxText(join(dir, 'r.twp.docx'))).toContain('最佳化');
    expect(
      wenshu(['convert', 'r.md', '--zh', 'twp', '--zh-vocabulary', 'general', '--quiet'], { cwd: dir }).status,
    ).toBe(0);
    expect(docxText(join(dir, 'r.twp.docx'))).toContain('優化');
    const bad = folderWith({ zhVocabulary: 'computing' });
    const result = wenshu(['convert', 'r.md', '--zh', 'twp'], { cwd: bad });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('zhVocabulary');
  });
});
