/**
 * Every format's warnings reach the user in one shape (issue 19): `file:line:column: warning: …`, and
 * in `--json` a `line` (and `column`) of their own. The PDF's glyph warning used to carry its line
 * inside the text (`line 5: U+E000 …`) and the DOCX's lost its position.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wenshu } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wenshu-warnings-'));

describe('warnings from the exporters', () => {
  it('have their source position as fields, not in the message', () => {
    // U+E000 (private use) is in no font: the PDF draws an empty box and says where it is.
    writeFileSync(join(dir, 'g.md'), '# 标题\n\n一、总体情况\n\n正文\uE000字。\n');
    const result = wenshu(['convert', 'g.md', '--to', 'pdf,docx', '--json', '--out-dir', 'out'], { cwd: dir });
    expect(result.status).toBe(0);
    const [entry] = JSON.parse(result.stdout);
    const glyph = entry.warnings.find((w: { message: string }) => w.message.includes('no glyph'));
    expect(glyph).toMatchObject({ line: 5, column: 1 });
    expect(glyph.message).not.toMatch(/^line /);
    expect(result.stderr).toMatch(/^g\.md:5:1: warning: U\+E000 .*no glyph/m);
  });
});
