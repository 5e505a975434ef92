/** A code block wider than the page (a table laid out with spaces) is set smaller in Word, as in the PDF. */
import { describe, expect, it } from 'vitest';
import { bodyBlocks, descendants, doc, must, render } from './docx.js';

describe('verbatim blocks', () => {
  it('keep the style size when they fit and take a smaller size on every run when they do not', async () => {
    const narrow = '信息内容   本年制发件数';
    const wide = `行政许可${' '.repeat(100)}447228`;
    const out = await render(
      doc([
        { type: 'code', lang: 'text', meta: null, value: narrow },
        { type: 'code', lang: 'text', meta: null, value: `${narrow}\n${wide}` },
      ]),
    );
    const [fits, shrunk] = bodyBlocks(out);
    expect(descendants(must(fits), 'w:sz')).toHaveLength(0);
    const sizes = descendants(must(shrunk), 'w:sz').map((node) => Number(node.attributes['w:val']));
    expect(sizes).toHaveLength(2);
    // 114 columns × 0.6 em must fit the report theme's text width: well under the style's size.
    const [size] = sizes as [number];
    expect(sizes.every((value) => value === size)).toBe(true);
    expect(size).toBeGreaterThanOrEqual(12);
    expect(size).toBeLessThan(16);
  });
});
