/**
 * Every CommonMark and GFM spec example and every corpus report through every format in one batch:
 * no crash, every DOCX and XLSX a zip of well-formed XML, every PDF readable by pdfinfo.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusPath, describeCorpus, listCorpus, readCorpus } from '@wenshu/test-corpus';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { wenshu } from './run-cli.js';

interface Example {
  markdown: string;
  example: number;
}

const SPEC_FILES = ['commonmark/spec.json', 'commonmark/gfm/gfm-spec.json', 'commonmark/gfm/extensions.json'];

/** Problems in one output, or none. */
function problemsOf(file: string): string[] {
  if (file.endsWith('.pdf')) {
    try {
      execFileSync('pdfinfo', [file], { stdio: 'pipe' });
      return [];
    } catch (error) {
      return [`${file}: pdfinfo cannot read it: ${(error as Error).message.split('\n')[0]}`];
    }
  }
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const problems: string[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const verdict = XMLValidator.validate(strFromU8(bytes));
    if (verdict !== true) problems.push(`${file} ${name}: ${verdict.err.msg} (line ${verdict.err.line})`);
  }
  if (Object.keys(parts).length === 0) problems.push(`${file}: an empty zip`);
  return problems;
}

describeCorpus('every example and report, every format, one batch', () => {
  it('converts without a crash into readable files', () => {
    const input = mkdtempSync(join(tmpdir(), 'wenshu-robust-in-'));
    const output = mkdtempSync(join(tmpdir(), 'wenshu-robust-out-'));
    let count = 0;
    for (const file of SPEC_FILES) {
      const folder = join(input, file.replace(/\W+/g, '-'));
      mkdirSync(folder);
      for (const example of JSON.parse(readCorpus(...file.split('/'))) as Example[]) {
        writeFileSync(join(folder, `example-${String(example.example).padStart(4, '0')}.md`), example.markdown);
        count++;
      }
    }
    for (const name of [...listCorpus('reports', '.md'), ...listCorpus('reports', '.txt')]) {
      copyFileSync(corpusPath('reports', name), join(input, name));
      count++;
    }
    const result = wenshu(['convert', input, '--to', 'docx,pdf,xlsx', '--out-dir', output, '--json', '--quiet']);
    const results = JSON.parse(result.stdout) as { input: string; outputs: string[]; error: string | null }[];
    expect(results).toHaveLength(count);
    // An example can be empty or only whitespace: that is bad input with a clear message, not a crash.
    const failed = results.filter((entry) => entry.error !== null);
    for (const entry of failed) expect(entry.error, entry.input).toMatch(/is empty/);
    expect(result.status).toBe(failed.length > 0 ? 1 : 0);
    const outputs = results.flatMap((entry) => entry.outputs);
    expect(outputs.length).toBe((count - failed.length) * 3);
    const problems = outputs.flatMap(problemsOf);
    expect(problems).toEqual([]);
    console.log(
      `${count} inputs (${failed.length} empty), ${outputs.length} outputs checked; ${readdirSync(output).length} folders`,
    );
  }, 1_800_000);
});
