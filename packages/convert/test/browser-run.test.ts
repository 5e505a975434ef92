/**
 * The core bundled for the browser also runs without Node: its bundle (esbuild, `platform:
 * 'browser'` and the `worker` condition, so every dependency's build for a Web Worker) is imported
 * by a script that first removes
 * Node's `Buffer`, `process.versions.node` aside, and converts a report to DOCX, PDF and XLSX with
 * the faces given as bytes. The DOCX and XLSX hold the same parts as the Node core's (their zips are
 * deflated by fflate, not zlib, so their bytes differ).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';

const packages = resolve(import.meta.dirname, '../..');
const report =
  '# 工作报告\n\n一、总体情况\n\n1.**重点**工作取得进展。软件全年完成任务。\n\n| 项目 | 数量 |\n| --- | --- |\n| 甲 | 1 |\n';

describe('the convert core, bundled for the browser', () => {
  it('converts without Node’s Buffer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenshu-browser-run-'));
    const bundle = join(dir, 'core.mjs');
    await build({
      entryPoints: [join(packages, 'convert', 'dist', 'index.js')],
      bundle: true,
      platform: 'browser',
      // As a Web Worker's bundle (where conversion runs in a page): a worker has no DOM, and
      // micromark's entity decoder has a DOM build for pages and a plain one for workers.
      conditions: ['worker'],
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
    });
    const { bundledFile } = await import('@wenshu/export-pdf/node');
    const faces = { 'serif-regular': bundledFile('serif', 'regular'), 'serif-bold': bundledFile('serif', 'bold') };
    writeFileSync(
      join(dir, 'run.mjs'),
      `import { readFileSync, writeFileSync } from 'node:fs';
const faces = ${JSON.stringify(faces)};
const files = {};
for (const [name, file] of Object.entries(faces)) files[name + '.ttf'] = new Uint8Array(readFileSync(file));
delete globalThis.Buffer;
if (typeof Buffer !== 'undefined') throw new Error('Buffer is still there');
const { convert, memoryFontHost } = await import('./core.mjs');
const fontHost = memoryFontHost(files, { 'serif-regular': 'serif-regular.ttf', 'serif-bold': 'serif-bold.ttf' });
const fonts = { hei: 'serif-regular.ttf', kai: 'serif-regular.ttf', fang: 'serif-regular.ttf', title: 'serif-bold.ttf', mono: 'serif-regular.ttf' };
const result = await convert(${JSON.stringify(report)}, { to: ['docx', 'pdf', 'xlsx'], zh: ['cn', 'tw'], fontHost, fonts, sourceDateEpoch: 1 });
for (const output of result.outputs) writeFileSync(new URL(output.name, import.meta.url), output.bytes);
console.log(JSON.stringify(result.outputs.map((output) => output.name)));
`,
    );
    const printed = execFileSync(process.execPath, [join(dir, 'run.mjs')], { encoding: 'utf8' });
    expect(JSON.parse(printed)).toEqual([
      'report.docx',
      'report.pdf',
      'report.xlsx',
      'report.tw.docx',
      'report.tw.pdf',
      'report.tw.xlsx',
    ]);
    const node = await convert(report, { to: ['docx', 'xlsx'], zh: ['cn', 'tw'], sourceDateEpoch: 1 });
    for (const [i, name] of ['report.docx', 'report.xlsx', 'report.tw.docx', 'report.tw.xlsx'].entries()) {
      const fromBrowser = unzipSync(new Uint8Array(readFileSync(join(dir, name))));
      const fromNode = unzipSync(node.outputs[i]?.bytes as Uint8Array);
      expect(Object.keys(fromBrowser)).toEqual(Object.keys(fromNode));
      for (const part of Object.keys(fromNode)) {
        expect(Buffer.compare(fromBrowser[part] as Uint8Array, fromNode[part] as Uint8Array), `${name} ${part}`).toBe(
          0,
        );
      }
    }
    for (const name of ['report.pdf', 'report.tw.pdf']) {
      const pdf = readFileSync(join(dir, name));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.includes('/Type /Page')).toBe(true);
    }
  }, 120_000);
});
