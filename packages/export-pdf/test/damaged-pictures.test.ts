/**
 * A picture that cannot be decoded is a placeholder and a warning, never a crash or a broken image
 * stream. Before the check, a corrupt RGBA PNG ended the process (`incorrect header check`, thrown
 * in pdfkit's zlib callback), a corrupt RGB PNG was copied into the PDF as a broken stream and a
 * truncated PNG failed the whole document.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corruptPng, goodPng, jpegWithoutScan, truncatedJpeg, truncatedPng } from '@wenshu/test-corpus/pictures';
import { describe, expect, it } from 'vitest';
import { type PdfWarning, toPdf } from '../src/node.js';
import { doc } from './helpers.js';
import { compact, pdfText, run, writePdf } from './pdf.js';

describe('damaged pictures', () => {
  it('become placeholders with a warning naming the picture and its line; whole ones are kept', async () => {
    const baseDir = mkdtempSync(join(tmpdir(), 'wenshu-pdf-damaged-'));
    const pictures: Record<string, Uint8Array> = {
      'rgba.png': corruptPng(6),
      'rgb.png': corruptPng(2),
      'cut.png': truncatedPng(),
      'noscan.jpg': jpegWithoutScan(),
      'cut.jpg': truncatedJpeg(),
      'good.png': goodPng(30, 20, 6),
    };
    for (const [name, bytes] of Object.entries(pictures)) writeFileSync(join(baseDir, name), bytes);
    const names = Object.keys(pictures);
    const markdown = `# 标题\n\n${names.map((name, i) => `![图${i + 1}](${name})`).join('\n\n')}\n`;
    const warnings: PdfWarning[] = [];
    const bytes = await toPdf(doc(markdown), { baseDir, onWarning: (warning) => warnings.push(warning) });
    const file = writePdf(bytes, 'damaged-pictures');
    // One picture in the file, the whole one (its alpha channel is a second stream, an smask).
    const images = run('pdfimages', ['-list', file]).split('\n').slice(2).filter(Boolean);
    expect(images.map((line) => line.split(/\s+/).filter(Boolean).slice(2, 5))).toEqual([
      ['image', '30', '20'],
      ['smask', '30', '20'],
    ]);
    const text = compact(pdfText(file));
    for (let i = 1; i <= 5; i++) expect(text).toContain(`[图片：图${i}]`);
    expect(text).not.toContain('[图片：图6]');
    const lines = markdown.split('\n');
    for (const name of names.slice(0, 5)) {
      const line = lines.findIndex((text) => text.includes(`(${name})`)) + 1;
      expect(warnings).toContainEqual(
        expect.objectContaining({ line, message: expect.stringMatching(new RegExp(`^image ${name}: `)) }),
      );
    }
    expect(warnings.filter((warning) => /damaged/.test(warning.message))).toHaveLength(5);
  }, 60_000);
});
