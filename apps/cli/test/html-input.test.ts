/**
 * HTML inputs on the command line: `.html`/`.htm` files read as HTML (their charset declaration
 * honoured), standard input recognised as HTML by how it begins, and a file named `.html` that is
 * not HTML refused with a message naming it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { repoRoot, wenshu } from './run-cli.js';

const fixtures = join(repoRoot, 'packages/parser/test/fixtures/html');
const scratch = () => mkdtempSync(join(tmpdir(), 'wenshu-html-'));

describe('HTML inputs', () => {
  it('outline reads a report pasted from Word and saved as .htm in GB2312', () => {
    const dir = scratch();
    const file = join(dir, 'heze.htm');
    writeFileSync(file, readFileSync(join(fixtures, 'charset-gb2312-heze-air-report.html')));
    const result = wenshu(['outline', '--json', file]);
    expect(result.status).toBe(0);
    const outline = JSON.parse(result.stdout);
    expect(outline.title).toBe('菏泽市环境空气质量日分析报告');
    expect(outline.sections.map((section: { marker: string | null }) => section.marker)).toEqual([
      '一、',
      '二、',
      '三、',
    ]);
  });

  it('convert takes HTML on standard input (copied rich text begins with <meta charset>)', () => {
    const dir = scratch();
    const html =
      "<meta charset='utf-8'><h1>工作报告</h1><p>一、总体要求</p><table><tr><th>项目</th><th>数值</th></tr><tr><td>PM<sub>2.5</sub></td><td>35</td></tr></table>";
    const out = join(dir, 'from-stdin.docx');
    const result = wenshu(['convert', '-', '-o', out, '-q'], { input: html });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const document = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['word/document.xml'] as Uint8Array);
    expect(document).toContain('工作报告');
    expect(document).toContain('<w:tbl>');
    expect(document).not.toContain('&lt;h1&gt;');
  });

  it('a file named .html with no HTML in it is refused, naming it', () => {
    const dir = scratch();
    const file = join(dir, 'notes.html');
    writeFileSync(file, '# 标题\n\n正文。\n');
    const result = wenshu(['outline', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}: is named as HTML but has no HTML markup in it`);
  });

  it('a folder of reports includes its .html files', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'page.html'), '<html><body><h1>标题</h1><p>正文。</p></body></html>');
    const result = wenshu(['convert', dir, '--to', 'xlsx', '--out-dir', join(dir, 'out'), '-q']);
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'page.xlsx')).length).toBeGreaterThan(0);
  });
});

describe('--from', () => {
  it('reads standard input as the kind given: txt keeps Markdown marks as text, html reads a fragment', () => {
    const dir = scratch();
    const plain = wenshu(['convert', '-', '--from', 'txt', '-o', join(dir, 'plain.docx'), '-q'], {
      input: '一、总体要求\n\n**不是粗体**，<b>也不是</b>。\n',
    });
    expect(plain.status).toBe(0);
    const text = strFromU8(
      unzipSync(new Uint8Array(readFileSync(join(dir, 'plain.docx'))))['word/document.xml'] as Uint8Array,
    );
    expect(text).toContain('**不是粗体**，&lt;b&gt;也不是&lt;/b&gt;。');
    const html = wenshu(['convert', '-', '--from', 'html', '-o', join(dir, 'page.docx'), '-q'], {
      input: '<p>一段<b>粗体</b>文字</p>',
    });
    expect(html.status).toBe(0);
    const document = strFromU8(
      unzipSync(new Uint8Array(readFileSync(join(dir, 'page.docx'))))['word/document.xml'] as Uint8Array,
    );
    expect(document).toContain('<w:b/>');
    expect(document).not.toContain('&lt;b&gt;');
  });

  it('an unknown kind is a usage error', () => {
    const result = wenshu(['convert', '-', '--from', 'docx'], { input: 'x' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("argument 'docx' is invalid");
  });
});
