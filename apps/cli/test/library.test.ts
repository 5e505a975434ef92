/**
 * The command and the library convert alike: `wenshu convert` calls `convert` of @wenshu/convert
 * for every report, so a library user given the same options gets the command's bytes, and a
 * decision changed in the library changes for both. Checked on the example report, in all three
 * formats, as written and as a Taiwan edition, in the `gov` theme (its punctuation pass and
 * fallback faces).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertFile } from '@wenshu/convert/node';
import { describe, expect, it } from 'vitest';
import { version } from '../src/lib/version.js';
import { repoRoot, wenshu } from './run-cli.js';

describe('wenshu convert and convert() of @wenshu/convert', () => {
  it('give the same bytes for the example report', async () => {
    const out = mkdtempSync(join(tmpdir(), 'wenshu-library-'));
    const input = join(repoRoot, 'examples', 'report.md');
    const epoch = '1700000000';
    const cli = wenshu(
      ['convert', input, '--theme', 'gov', '--to', 'docx,pdf,xlsx', '--editions', 'cn,tw', '--out-dir', out, '--quiet'],
      { env: { SOURCE_DATE_EPOCH: epoch } },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const library = await convertFile(input, {
      theme: 'gov',
      to: ['docx', 'pdf', 'xlsx'],
      zh: ['cn', 'tw'],
      sourceDateEpoch: Number(epoch),
      version,
    });
    expect(library.outputs.map((output) => output.name)).toEqual([
      'report.docx',
      'report.pdf',
      'report.xlsx',
      'report.tw.docx',
      'report.tw.pdf',
      'report.tw.xlsx',
    ]);
    for (const output of library.outputs) {
      expect(Buffer.compare(output.bytes, readFileSync(join(out, output.name))), output.name).toBe(0);
    }
  }, 60_000);
});
