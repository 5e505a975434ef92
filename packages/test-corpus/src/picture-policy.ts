/**
 * One set of cases for the picture policy (`@wenshu/picture/node`), run against every exporter
 * (`@wenshu/test-corpus/picture-policy`): each exporter must read the same pictures and refuse the
 * same ones, so a library user's `toDocx` is as safe as `toPdf` and the command.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { goodPng } from './pictures.js';

export interface PolicyCase {
  /** What the case is, for the test's name. */
  name: string;
  /** The picture's URL as written in the report. */
  url: string;
  /** Read under the default policy (confined to `baseDir`). */
  read: boolean;
  /** Read with `allowOutside: true`. */
  readWhenAllowed: boolean;
}

export interface PolicyFixture {
  /** The folder given as `baseDir`: it holds `inside.png`, `sub/below.png` and a link out. */
  baseDir: string;
  cases: PolicyCase[];
  /** The report: one paragraph per case, the picture's alt text its index (`图0`, `图1`, …). */
  markdown: string;
}

/**
 * Writes a base folder with pictures inside it, a picture and a secret file beside it, and a
 * symbolic link from inside to outside; returns the cases. Every file is a whole PNG, so a refused
 * picture can only be missing from the output because of the policy.
 */
export function picturePolicyFixture(): PolicyFixture {
  const root = mkdtempSync(join(tmpdir(), 'wenshu-picture-policy-'));
  const baseDir = join(root, 'base');
  mkdirSync(join(baseDir, 'sub'), { recursive: true });
  writeFileSync(join(baseDir, 'inside.png'), goodPng(4, 4, 6));
  writeFileSync(join(baseDir, 'sub', 'below.png'), goodPng(4, 4, 6));
  writeFileSync(join(root, 'outside.png'), goodPng(4, 4, 6));
  symlinkSync(join(root, 'outside.png'), join(baseDir, 'link-out.png'));
  const outside = join(root, 'outside.png');
  const cases: PolicyCase[] = [
    { name: 'a file in the folder', url: 'inside.png', read: true, readWhenAllowed: true },
    { name: 'a file below the folder', url: 'sub/below.png', read: true, readWhenAllowed: true },
    { name: 'a path that climbs back in', url: 'sub/../inside.png', read: true, readWhenAllowed: true },
    { name: 'a relative path out of the folder', url: '../outside.png', read: false, readWhenAllowed: true },
    { name: 'an absolute path outside', url: outside, read: false, readWhenAllowed: true },
    { name: 'a file: URL outside', url: pathToFileURL(outside).href, read: false, readWhenAllowed: true },
    { name: 'a symbolic link out of the folder', url: 'link-out.png', read: false, readWhenAllowed: true },
    // Not a picture, but the file a leak would be made of: never embedded, whatever the exporter.
    { name: 'a system file far above', url: '../../../../../../etc/passwd', read: false, readWhenAllowed: false },
    { name: 'a remote URL', url: 'https://example.com/a.png', read: false, readWhenAllowed: false },
  ];
  const markdown = `# 图片\n\n${cases.map((c, i) => `![图${i}](<${c.url}>)`).join('\n\n')}\n`;
  return { baseDir, cases, markdown };
}
