import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { wenshu } from './run-cli.js';

/** The text of a DOCX body, tags taken out. */
function docxText(file: string): string {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml'] as Uint8Array);
  return xml.replace(/<[^>]*>/g, '');
}

describe('half-width punctuation in Chinese text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wenshu-punctuation-'));
  const input = join(dir, 'notice.md');
  writeFileSync(input, '强化数字赋能,246万名人员(含退休)受益。\n');

  it.each([
    // GB/T 9704 documents print full-width marks: the gov theme turns them so by default.
    [['--theme', 'gov'], '强化数字赋能，246万名人员（含退休）受益。'],
    [['--theme', 'gov', '--no-punctuation'], '强化数字赋能,246万名人员(含退休)受益。'],
    [['--theme', 'report'], '强化数字赋能,246万名人员(含退休)受益。'],
    [['--theme', 'report', '--punctuation'], '强化数字赋能，246万名人员（含退休）受益。'],
  ])('%j', (flags, expected) => {
    const output = join(dir, `${flags.join('')}.docx`);
    const result = wenshu(['convert', input, '-o', output, ...flags]);
    expect(result.status, result.stderr).toBe(0);
    expect(docxText(output)).toContain(expected);
  });
});
