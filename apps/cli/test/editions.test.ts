/**
 * The seed's Taiwan edition in every format, read back as a reader gets it: no character that
 * OpenCC would still change, 靜默認證 (not OpenCC's 靜預設證) and corner quotes present, the
 * edition's language in the DOCX, a Traditional-Chinese face in the PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusPath, describeCorpus } from '@wenshu/test-corpus';
import { strFromU8, unzipSync } from 'fflate';
// opencc-js's own types use extensionless imports that NodeNext cannot follow; only Converter is used.
import * as OpenCC from 'opencc-js';
import { expect, it } from 'vitest';
import { wenshu } from './run-cli.js';

type Converter = (text: string) => string;
const converter = (to: string): Converter =>
  (OpenCC as unknown as { Converter(o: { from: string; to: string }): Converter }).Converter({ from: 'cn', to });
const s2tw = converter('tw');

/** The text of a zip part's XML: tags out, entities in. */
function xmlText(bytes: Uint8Array, part: string): string {
  const xml = strFromU8(unzipSync(bytes)[part] ?? new Uint8Array());
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Characters OpenCC would still change (s2tw of the character alone differs) that OpenCC's own
 * conversion of the source, by phrase, does not have either. Per character alone is too strict:
 * 公里 keeps its 里, which alone becomes 裏. And s2tw rather than s2t: OpenCC's standard forms
 * differ from Taiwan's for a few characters that are Traditional already (s2t gives 羣 峯 for 群 峰).
 */
function unconverted(text: string, source: string): string[] {
  const expected = new Set(s2tw(source));
  return [...new Set([...text].filter((char) => s2tw(char) !== char && !expected.has(char)))];
}

describeCorpus('the seed as a Taiwan edition', () => {
  it('is Traditional throughout in DOCX, PDF and XLSX', () => {
    const out = mkdtempSync(join(tmpdir(), 'wenshu-tw-'));
    const seed = corpusPath('seed', 'weifang-2023-departments.md');
    const source = readFileSync(seed, 'utf8');
    const result = wenshu(['convert', seed, '--zh', 'tw', '--to', 'docx,pdf,xlsx', '--out-dir', out, '--quiet']);
    expect(result.status).toBe(0);
    const stem = join(out, 'weifang-2023-departments.tw');

    const docx = new Uint8Array(readFileSync(`${stem}.docx`));
    const docxText = xmlText(docx, 'word/document.xml');
    expect(unconverted(docxText, source)).toEqual([]);
    expect(docxText).toContain('靜默認證');
    expect(docxText).toContain('「');
    expect(docxText).not.toContain('“');
    expect(strFromU8(unzipSync(docx)['word/styles.xml'] ?? new Uint8Array())).toContain('w:eastAsia="zh-TW"');

    const pdfText = execFileSync('pdftotext', [`${stem}.pdf`, '-'], { encoding: 'utf8' });
    expect(unconverted(pdfText, source)).toEqual([]);
    expect(pdfText.replace(/\s+/g, '')).toContain('靜默認證');
    expect(pdfText).toContain('「');
    const fonts = execFileSync('pdffonts', [`${stem}.pdf`], { encoding: 'utf8' });
    expect(fonts).toMatch(/(CJKtc|TC)-/);

    const xlsx = new Uint8Array(readFileSync(`${stem}.xlsx`));
    const strings = xmlText(xlsx, 'xl/sharedStrings.xml');
    expect(unconverted(strings, source)).toEqual([]);
    expect(strings).toContain('靜默認證');
    expect(strFromU8(unzipSync(xlsx)['xl/workbook.xml'] ?? new Uint8Array())).toContain('name="條目"');
  });
});
