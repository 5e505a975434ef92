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
