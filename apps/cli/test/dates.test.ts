/**
 * One date rule for the three formats (issue 19): before, without SOURCE_DATE_EPOCH the DOCX and PDF
 * said they were made on 2000-01-01 and the workbook said now. Now all three say the same second,
 * the time of the run, or SOURCE_DATE_EPOCH when it is set; and all three carry title and language.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { wenshu } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wenshu-dates-'));
writeFileSync(join(dir, 'r.md'), '# 年度工作报告\n\n一、总体情况\n\n正文。\n');

function coreOf(file: string): Record<string, string | undefined> {
  const xml = strFromU8(unzipSync(readFileSync(file))['docProps/core.xml'] ?? new Uint8Array());
  const tag = (name: string) => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(xml)?.[1];
  return {
    created: tag('dcterms:created'),
    modified: tag('dcterms:modified'),
    title: tag('dc:title'),
    language: tag('dc:language'),
    creator: tag('dc:creator'),
  };
}

/** The PDF's Info dictionary as poppler reads it (`-isodates`: 2023-11-14T22:13:20Z). */
function pdfCore(file: string): Record<string, string | undefined> {
  const info = new Map<string, string>();
  for (const line of execFileSync('pdfinfo', ['-isodates', '-enc', 'UTF-8', file], { encoding: 'utf8' }).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) info.set(match[1], match[2]);
  }
  const raw = readFileSync(file, 'latin1');
  return {
    created: info.get('CreationDate'),
    modified: info.get('ModDate'),
    title: info.get('Title'),
    language: /\/Lang \(([^)]*)\)/.exec(raw)?.[1],
    creator: info.get('Creator'),
  };
}

function convert(out: string, env: Record<string, string>) {
  const result = wenshu(['convert', 'r.md', '--to', 'docx,pdf,xlsx', '--out-dir', out, '--quiet'], { cwd: dir, env });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return [coreOf(join(out, 'r.docx')), pdfCore(join(out, 'r.pdf')), coreOf(join(out, 'r.xlsx'))];
}

describe('dates, title and language in DOCX, PDF and XLSX alike', () => {
  it('without SOURCE_DATE_EPOCH: the time of the run, the same second in all three', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const [docx, pdf, xlsx] = convert(join(dir, 'now'), { SOURCE_DATE_EPOCH: '' });
    const created = Date.parse(docx?.created ?? '');
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThanOrEqual(Date.now());
    for (const core of [docx, pdf, xlsx]) {
      expect(core).toEqual({
        created: docx?.created,
        modified: docx?.created,
        title: '年度工作报告',
        language: 'zh-CN',
        creator: 'wenshu',
      });
    }
  });

  it('with SOURCE_DATE_EPOCH: that date in all three', () => {
    const formats = convert(join(dir, 'epoch'), { SOURCE_DATE_EPOCH: '1700000000' });
    for (const core of formats) {
      expect(core.created).toBe('2023-11-14T22:13:20Z');
      expect(core.modified).toBe('2023-11-14T22:13:20Z');
    }
  });
});
