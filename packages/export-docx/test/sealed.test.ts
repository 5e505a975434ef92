/** A sealed 公文 (front matter `sealed: true`) in Word: GB/T 9704-2012 7.3.5.1, as the PDF sets it. */
import { parse, structure } from '@wenshu/parser';
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { bodyBlocks, descendants, must, paragraphText, render } from './docx.js';

const notice = (sealed: boolean) =>
  `---\nsealed: ${sealed}\n---\n\n# 青山市文化和旅游局关于开展检查的通知\n\n各区县文化和旅游局：\n\n现就开展检查有关事项通知如下，请认真组织实施。\n\n青山市文化和旅游局\n\n2025年3月18日\n`;

async function closing(sealed: boolean) {
  const out = await render(structure(parse(notice(sealed))).document, { theme: presetTheme('gov') });
  const blocks = bodyBlocks(out);
  const signature = must(blocks.find((block) => paragraphText(block) === '青山市文化和旅游局'));
  const date = must(blocks.find((block) => paragraphText(block) === '2025年3月18日'));
  const right = (block: typeof date) => Number(descendants(block, 'w:ind')[0]?.attributes['w:right']);
  const before = (block: typeof date) => descendants(block, 'w:spacing')[0]?.attributes['w:before'];
  return { signature: right(signature), date: right(date), before: before(signature) };
}

describe('a sealed 公文 in Word', () => {
  it('sets the date four characters in, the signature centred over it, and the seal’s room above', async () => {
    // 16 pt a character: 4 em = 1280 twips; 青山市文化和旅游局 (9 em) over 2025年3月18日 (6.5 em): 2.75 em.
    expect(await closing(true)).toEqual({ signature: 880, date: 1280, before: String(2 * 579) });
  });

  it('keeps the unsealed pair (7.3.5.2) without the extra room', async () => {
    const unsealed = await closing(false);
    expect(unsealed.before).toBeUndefined();
    expect(unsealed.date).toBeLessThan(1280);
  });

  it('stacks several bodies signing (7.3.5.2): no blank line above the second, first characters in one column', async () => {
    const markdown =
      '# 通知\n\n各县农业农村局、财政局：\n\n现就有关事项通知如下。\n\n青山市农业农村局\n青山市财政局\n2025年3月1日\n';
    const out = await render(structure(parse(markdown)).document, { theme: presetTheme('gov') });
    const blocks = bodyBlocks(out);
    const find = (text: string) => must(blocks.find((block) => paragraphText(block) === text));
    const right = (block: ReturnType<typeof find>) => Number(descendants(block, 'w:ind')[0]?.attributes['w:right']);
    const spaceBefore = (block: ReturnType<typeof find>) => descendants(block, 'w:spacing')[0]?.attributes['w:before'];
    // 8 em and 6 em: the narrower 2 em further in, so both start in one column.
    expect(right(find('青山市财政局')) - right(find('青山市农业农村局'))).toBe(2 * 320);
    expect(spaceBefore(find('青山市农业农村局'))).toBeUndefined();
    expect(spaceBefore(find('青山市财政局'))).toBe('0');
  });

  it('sets several bodies sealing side by side (7.3.5.1): one paragraph a row, a centre tab under each seal', async () => {
    const markdown =
      '---\nsealed: true\n---\n\n# 通知\n\n各县农业农村局、财政局：\n\n现就有关事项通知如下。\n\n青山市农业农村局\n青山市财政局\n2025年3月1日\n';
    const out = await render(structure(parse(markdown)).document, { theme: presetTheme('gov') });
    const blocks = bodyBlocks(out);
    const row = must(blocks.find((block) => paragraphText(block).includes('青山市农业农村局')));
    expect(paragraphText(row).replace(/\t/g, '|')).toBe('|青山市农业农村局|青山市财政局');
    expect(blocks.filter((block) => paragraphText(block).includes('青山市财政局'))).toHaveLength(1);
    const stops = descendants(row, 'w:tab').map((tab) => [tab.attributes['w:val'], Number(tab.attributes['w:pos'])]);
    // The right name's centre over the date's: 4 em from the right plus half the date's 6 em, at 16 pt (320 twips).
    const width = 156 * 56.7;
    expect(stops.map(([kind]) => kind)).toEqual(['center', 'center']);
    expect(Math.abs((stops[1]?.[1] as number) - (width - 7 * 320))).toBeLessThan(40);
    expect((stops[1]?.[1] as number) - (stops[0]?.[1] as number)).toBe(10 * 320);
  });
});
