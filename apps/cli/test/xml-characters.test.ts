/**
 * Issue 18: every character class, in every construct, through all three formats: every XML part of
 * the DOCX and the XLSX is well-formed to a strict XML 1.0 parser (saxes: it checks each character
 * against the `Char` production), and LibreOffice opens the DOCX and reads its text back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { wenshu } from './run-cli.js';
import { xmlErrors } from './xml-check.js';

/** Every C0 control but tab, LF and CR; DEL and the C1 controls; the noncharacters; characters beyond the BMP. */
const C0 = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).filter(
  (char) => !'\t\n\r\0'.includes(char),
);
const OTHERS = ['\u007f', '\u0085', '\u009b', '\ufdd0', '\ufffe', '\uffff', '\u{1fffe}', '\u{10ffff}', '😀', '𠀀'];
const ODD = [...C0, ...OTHERS].join('');

/** The odd characters in every construct the exporters write text from. */
const markdown = `---
title: 标题${ODD}
---

# 标题${ODD}

一、第一部分${ODD}

1.工作一${ODD}。正文${ODD}结束。

正文\ufffe结束，[链接${ODD}](https://example.com/${ODD}) ![图${ODD}](missing${ODD}.png) \`代码${ODD}\` *强调${ODD}*

| 列${ODD} | 数 |
|---|---:|
| 格${ODD} | 1 |

> 引用${ODD}

- 列表${ODD}

\`\`\`
代码块${ODD}
\`\`\`

<p>HTML&#xFFFE;&#1;&#x1B;实体${ODD}</p>

脚注[^a]。

[^a]: 注释${ODD}
`;

describe('characters XML cannot hold, through all three formats', () => {
  it('leave every DOCX and XLSX part well-formed, and LibreOffice reads the DOCX', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-xml-chars-'));
    // The file name has them too: the workbook's About sheet records it.
    const name = 'r\u001b.md';
    writeFileSync(join(dir, name), markdown);
    const result = wenshu(['convert', name, '--to', 'docx,pdf,xlsx', '--json'], { cwd: dir });
    expect(result.status).toBe(0);
    const [entry] = JSON.parse(result.stdout);
    expect(entry.warnings.some((w: { message: string }) => w.message.startsWith('U+FFFE (a noncharacter)'))).toBe(true);
    for (const file of ['r\u001b.docx', 'r\u001b.xlsx']) {
      const parts = unzipSync(readFileSync(join(dir, file)));
      const xmlParts = Object.keys(parts).filter((part) => /\.(xml|rels)$/.test(part));
      expect(xmlParts.length).toBeGreaterThan(3);
      for (const part of xmlParts) {
        expect(xmlErrors(strFromU8(parts[part] ?? new Uint8Array())), `${file}: ${part}`).toEqual([]);
      }
    }
    // LibreOffice opens the DOCX (with a profile of its own) and the text is there.
    const profile = `file://${join(dir, 'profile')}`;
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'txt:Text',
        '--outdir',
        dir,
        join(dir, 'r\u001b.docx'),
      ],
      {
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
    const text = readFileSync(join(dir, 'r\u001b.txt'), 'utf8');
    expect(text).toContain('正文结束');
    // In the cell: the controls dropped, vertical tab and form feed made spaces, the allowed ones kept.
    expect(text).toContain(`格  ${OTHERS.filter((char) => char !== '\ufffe' && char !== '\uffff').join('')}`);
  }, 180_000);
});
