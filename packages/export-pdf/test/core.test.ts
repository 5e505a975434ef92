/**
 * The core reads no file: given the faces as bytes (`memoryFontHost`), `toPdf` of the default
 * entry writes the PDF the Node entry writes from the same files.
 */
import { readFileSync } from 'node:fs';
import { parse, structure } from '@wenshu/parser';
import { describe, expect, it } from 'vitest';
import { toPdf as coreToPdf, memoryFontHost } from '../src/index.js';
import { bundledFile } from '../src/lib/fonts/node-host.js';
import { toPdf } from '../src/node.js';

const doc = structure(parse('# 工作报告\n\n一、总体情况\n\n1.**重点**工作取得进展。全年完成任务。\n')).document;

describe('the core with fonts given as bytes', () => {
  it('writes the Node entry’s bytes', async () => {
    const files: Record<string, Uint8Array> = {};
    const bundled: Record<string, string> = {};
    for (const family of ['serif', 'sans'] as const) {
      for (const weight of ['light', 'regular', 'bold'] as const) {
        if (family === 'serif' && weight === 'light') continue;
        const name = `${family}-${weight}.ttf`;
        files[name] = new Uint8Array(readFileSync(bundledFile(family, weight)));
        bundled[`${family}-${weight}`] = name;
      }
    }
    const given = await coreToPdf(doc, {
      fontHost: memoryFontHost(files, bundled),
      systemFonts: false,
      sourceDateEpoch: 1,
    });
    const node = await toPdf(doc, { systemFonts: false, sourceDateEpoch: 1 });
    expect(Buffer.compare(given, node)).toBe(0);
    // The caller's bytes are left as they were (a face's header is rewritten in a copy).
    // (Compared as buffers: a deep equality of 15 MB arrays takes minutes.)
    const original = readFileSync(bundledFile('serif', 'regular'));
    expect(Buffer.compare(files['serif-regular.ttf'] as Uint8Array, original)).toBe(0);
  }, 60_000);

  it('without a host, says that no face is available', async () => {
    await expect(coreToPdf(doc, { sourceDateEpoch: 1 })).rejects.toThrow(
      '宋 (song): no face for it: give its font file, or the bundled faces',
    );
  });
});
