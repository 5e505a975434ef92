import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, wenshu } from './run-cli.js';

const example = join(repoRoot, 'examples/report.md');
const scratch = mkdtempSync(join(tmpdir(), 'wenshu-report-'));

describe('wenshu outline', () => {
  it('--json follows the documented contract', () => {
    const result = wenshu(['outline', '--json', example]);
    expect(result.status).toBe(0);
    const outline = JSON.parse(result.stdout);
    expect(outline.title).toBe('青禾市直部门2025年度重点工作开展情况');
    expect(outline.continuedFrom).toBe('3');
    expect(outline.continuedTo).toBe('5');
    expect(outline.sections.map((s: { heading: string | null }) => s.heading)).toEqual([
      null,
      '一、市生态环境局',
      '二、市住房和城乡建设局',
      '三、市水利局',
    ]);
    const first = outline.sections[1].items[0];
    expect(first).toMatchObject({ marker: '1.', number: 1, level: 3, title: '空气质量持续改善。' });
    // The paragraph cut after 重污 is joined back.
    expect(first.text).toContain('重污染天数从2021年');
    expect(outline.fixes.some((fix: { kind: string }) => fix.kind === 'broken-paragraph')).toBe(true);
  });

  it('prints an indented tree with item counts', () => {
    const result = wenshu(['outline', example]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  一、市生态环境局  [3 items]');
    expect(result.stdout).toContain('continued from page 3');
  });

  it('a pass can be switched off', () => {
    const result = wenshu(['outline', '--json', '--no-page-markers', example]);
    expect(JSON.parse(result.stdout).continuedFrom).toBeNull();
  });
});

describe('wenshu check', () => {
  it('exits 1 when something is suspect, listing it with file and line', () => {
    const result = wenshu(['check', example]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/report\.md:\d+: suspect half-width-punctuation/);
  });

  it('exits 0 on a clean report, and --json gives fixes and suspects', () => {
    const clean = join(scratch, 'clean.md');
    writeFileSync(clean, '# 报告\n\n一、总体情况\n\n1.经济平稳。全年增长5%。\n\n2.民生改善。新增就业12万人。\n');
    const result = wenshu(['check', '--json', clean]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.suspects).toEqual([]);
    expect(report.fixes.length).toBeGreaterThan(0);
    expect(report.editions.sourceScript).toBe('simplified');
    expect(report.editions.vocabulary.vocabulary).toBe('general');
  });

  it('shows what a Traditional edition would be made with: source script and twp vocabulary', () => {
    const traditional = join(scratch, 'traditional.md');
    writeFileSync(traditional, '# 報告\n\n一、總體情況\n\n這一年來，國民經濟穩定發展，優化程序。\n');
    const result = wenshu(['check', traditional]);
    expect(result.stdout).toMatch(/editions: source in traditional characters \(zh-TW\); twp: general vocabulary/);
  });
});
