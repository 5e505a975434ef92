/**
 * The picture policy as a library user meets it: `toDocx` with a `baseDir` refuses what `toPdf`
 * refuses (the same cases run in export-pdf/test/picture-policy.test.ts). Before, `toDocx` embedded
 * `../outside.png` and opened any absolute path.
 */
import { picturePolicyFixture } from '@wenshu/test-corpus/picture-policy';
import { describe, expect, it } from 'vitest';
import { md, render } from './docx.js';

const fixture = picturePolicyFixture();

describe.each([false, true])('toDocx with baseDir, allowOutside %s', (allowOutside) => {
  it.each(fixture.cases.map((c, i) => ({ ...c, i })))('$name ($url)', async (c) => {
    const out = await render(md(`![图${c.i}](<${c.url}>)\n`), { baseDir: fixture.baseDir, allowOutside });
    const read = allowOutside ? c.readWhenAllowed : c.read;
    const body = out.text('word/document.xml');
    const media = Object.keys(out.files).filter((name) => name.startsWith('word/media/'));
    if (read) {
      expect(media).toHaveLength(1);
      expect(body).not.toContain(`[图片：图${c.i}]`);
      expect(out.warnings).toEqual([]);
    } else {
      expect(media).toEqual([]);
      expect(body).toContain(`[图片：图${c.i}]`);
      expect(out.warnings).toHaveLength(1);
      const refusedByPolicy = !allowOutside && !c.url.startsWith('https:');
      if (refusedByPolicy) expect(out.warnings[0]?.code).toBe('image-outside');
    }
  });
});

describe('the whole report', () => {
  it('embeds exactly the pictures inside the folder', async () => {
    const out = await render(md(fixture.markdown), { baseDir: fixture.baseDir });
    const body = out.text('word/document.xml');
    const refused = fixture.cases.flatMap((c, i) => (c.read ? [] : [`[图片：图${i}]`]));
    for (const placeholder of refused) expect(body).toContain(placeholder);
    expect(out.warnings.map((w) => w.code).sort()).toEqual([
      'image-outside',
      'image-outside',
      'image-outside',
      'image-outside',
      'image-outside',
      'image-remote',
    ]);
  });
});

describe('the core (no file system): pictures come from the loader it is given', () => {
  const png = new Uint8Array(
    // A 1 × 1 PNG.
    [
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
      0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49,
      0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d,
      0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ],
  );

  it('without a loader, a local picture is a placeholder and no file is read', async () => {
    const { toDocx } = await import('../src/index.js');
    const warnings: { code: string }[] = [];
    const bytes = await toDocx(md(`![图](${fixture.cases.find((c) => c.read)?.url})\n`), {
      onWarning: (w) => warnings.push(w),
    });
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(bytes);
    expect(Object.keys(files).filter((name) => name.startsWith('word/media/'))).toEqual([]);
    expect(strFromU8(files['word/document.xml'] as Uint8Array)).toContain('[图片：图]');
    expect(warnings.map((w) => w.code)).toEqual(['image-missing']);
  });

  it('with a loader, its bytes are embedded', async () => {
    const { toDocx } = await import('../src/index.js');
    const asked: string[] = [];
    const bytes = await toDocx(md('![图](dropped/a.png)\n'), {
      loadPicture: async (url) => {
        asked.push(url);
        return { ok: true, bytes: png };
      },
    });
    const { unzipSync } = await import('fflate');
    const media = Object.entries(unzipSync(bytes)).filter(([name]) => name.startsWith('word/media/'));
    expect(asked).toEqual(['dropped/a.png']);
    expect(media.map(([, data]) => data)).toEqual([png]);
  });
});
