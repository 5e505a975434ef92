/** A sealed 公文 (front matter `sealed: true`), GB/T 9704-2012 7.3.5.1, measured in the PDF. */
import { parse, structure } from '@wenshu/parser';
import { pdfWords } from '@wenshu/test-corpus/pdf-words';
import { presetTheme } from '@wenshu/theme';
import { describe, expect, it } from 'vitest';
import { toPdf } from '../src/node.js';
import { pdfLines, writePdf } from './pdf.js';

const notice = (sealed: boolean) =>
  [
    '---',
    `sealed: ${sealed}`,
    '---',
    '',
    '# 青山市文化和旅游局关于开展文化场馆服务质量检查的通知',
    '',
    '各区县文化和旅游局：',
    '',
    '为进一步提升公共文化场馆服务质量，现就开展检查有关事项通知如下，请认真组织实施。',
    '',
    '青山市文化和旅游局',
    '',
    '2025年3月18日',
  ].join('\n');

async function layout(sealed: boolean) {
  const document = structure(parse(notice(sealed))).document;
  const { lines, pageWidth } = pdfLines(
    writePdf(await toPdf(document, { theme: presetTheme('gov') }), `sealed-${sealed}`),
  );
  const find = (text: string) => lines.find((line) => line.text.replace(/\s/g, '') === text);
  const body = lines.find((line) => line.text.includes('请认真组织实施'));
  return {
    signature: find('青山市文化和旅游局'),
    date: find('2025年3月18日'),
    body,
    right: pageWidth - 26 * 2.834645669,
  };
}

describe('a sealed 公文', () => {
  it('sets the date four characters from the right, the signature centred over it, the seal’s room above', async () => {
    const { signature, date, body, right } = await layout(true);
    const em = 16;
    expect(((right - (date?.xMax ?? 0)) / em).toFixed(1)).toBe('4.0');
    const centre = (line: typeof date) => ((line?.xMin ?? 0) + (line?.xMax ?? 0)) / 2;
    // Within a quarter of a character: the indents count a digit as half an em, the face sets it a little wider.
    expect(Math.abs(centre(signature) - centre(date))).toBeLessThan(4);
    // Two empty lines between the body's last line and the signature (28.95 pt a line): three pitches.
    const pitch = 28.95;
    expect(Math.round(((signature?.yMin ?? 0) - (body?.yMin ?? 0)) / pitch)).toBe(3);
  });

  it('differs from the unsealed layout (7.3.5.2: two characters from the right, one empty line)', async () => {
    const { signature, date, body, right } = await layout(false);
    expect(((right - (signature?.xMax ?? 0)) / 16).toFixed(1)).toBe('2.0');
    // The date's first character two characters right of the signature's first (within half a
    // character: the indents count a digit as half an em, the face sets it wider).
    expect(Math.abs(((date?.xMin ?? 0) - (signature?.xMin ?? 0)) / 16 - 2)).toBeLessThan(0.5);
    expect(Math.round(((signature?.yMin ?? 0) - (body?.yMin ?? 0)) / 28.95)).toBe(2);
  });

  it('stacks several bodies signing (7.3.5.2): no blank line between, first characters in one column', async () => {
    const markdown = [
      '# 关于做好春季农业生产工作的通知',
      '',
      '各县农业农村局、财政局：',
      '',
      '为做好今年春季农业生产工作，现就有关事项通知如下，请认真组织实施。',
      '',
      '青山市农业农村局',
      '青山市财政局',
      '2025年3月1日',
    ].join('\n');
    const document = structure(parse(markdown)).document;
    const { lines } = pdfLines(writePdf(await toPdf(document, { theme: presetTheme('gov') }), 'joint-signatures'));
    const find = (text: string) => lines.find((line) => line.text.replace(/\s/g, '') === text);
    const [first, second, date] = ['青山市农业农村局', '青山市财政局', '2025年3月1日'].map(find);
    expect(Math.abs((first?.xMin ?? 0) - (second?.xMin ?? 1))).toBeLessThan(0.5);
    expect(Math.round(((second?.yMin ?? 0) - (first?.yMin ?? 0)) / 28.95)).toBe(1);
    expect(Math.round(((date?.yMin ?? 0) - (second?.yMin ?? 0)) / 28.95)).toBe(1);
    expect(Math.abs(((date?.xMin ?? 0) - (first?.xMin ?? 0)) / 16 - 2)).toBeLessThan(0.5);
  });

  it('sets several bodies sealing side by side, two a row, the last centred over the date (7.3.5.1)', async () => {
    const markdown = [
      '---',
      'sealed: true',
      '---',
      '',
      '# 关于做好春季农业生产工作的通知',
      '',
      '各县农业农村局、财政局、水利局：',
      '',
      '为做好今年春季农业生产工作，现就有关事项通知如下，请认真组织实施。',
      '',
      '青山市农业农村局',
      '青山市财政局',
      '青山市水利局',
      '2025年3月1日',
    ].join('\n');
    const document = structure(parse(markdown)).document;
    const file = writePdf(await toPdf(document, { theme: presetTheme('gov') }), 'joint-sealed');
    const words = pdfWords(file).flatMap((page) => page.words);
    const find = (text: string) => words.find((word) => word.text.replace(/\s/g, '') === text);
    const [first, second, third, date] = ['青山市农业农村局', '青山市财政局', '青山市水利局', '2025年3月1日'].map(find);
    const centre = (box: typeof date) => ((box?.xMin ?? 0) + (box?.xMax ?? 0)) / 2;
    const em = 16;
    // Row one: two names a seal's pitch (10 em) apart, the right one over the date's centre.
    expect(Math.abs((first?.yMin ?? 0) - (second?.yMin ?? 1))).toBeLessThan(1);
    expect(Math.abs((centre(second) - centre(first)) / em - 10)).toBeLessThan(0.3);
    expect(Math.abs(centre(second) - centre(date))).toBeLessThan(4);
    // Row two, a row of seals lower (five lines): the last name, over the date on the next line.
    expect(Math.round(((third?.yMin ?? 0) - (second?.yMin ?? 0)) / 28.95)).toBe(5);
    expect(Math.abs(centre(third) - centre(date))).toBeLessThan(4);
    expect(Math.round(((date?.yMin ?? 0) - (third?.yMin ?? 0)) / 28.95)).toBe(1);
  });
});
