/**
 * Line filling (issue 15): one spacing for every stretchable slot of a line whatever run it is in,
 * no tracking inside Latin words and numbers, and —— drawn as one continuous line. Glyphs are
 * placed here as pdfmake and PDF place them: pdfmake puts each inline at the sum of the widths
 * before it (`advances + Tc × (units − 1)`), and PDF adds `Tc` after every glyph.
 */
import { describe, expect, it } from 'vitest';
import { openFace } from '../src/lib/fonts/face.js';
import { bundledFile, nodeFontHost } from '../src/lib/fonts/node-host.js';
import type { Inline } from '../src/lib/pdf/definition.js';
import { setText } from '../src/lib/text/set.js';
import type { Piece } from '../src/lib/text/shape.js';
import { type Glyph, placeGlyphs } from './placed.js';

const face = openFace(nodeFontHost, bundledFile('serif', 'regular'));
const size = 16;
const ids = { id: () => 'f0' };
const options = { width: 442.2, indent: 0, align: 'justify' as const, pitch: 28.95, spacing: -0.2, verbatim: false };

const advance = (char: string) => (face.advance(char.codePointAt(0) as number) * size) / face.unitsPerEm;

const place = (line: readonly Inline[]): Glyph[] => placeGlyphs(line, advance);

const han = (char: string) => /\p{Script=Han}/u.test(char);

function lines(pieces: Piece[]): Glyph[][] {
  return setText(pieces, options, ids, { face, sizePt: size }).lines.map(place);
}

const piece = (text: string, extra: Partial<Piece> = {}): Piece => ({
  kind: 'text',
  text,
  face,
  sizePt: size,
  style: {},
  ...extra,
});

describe('filling a line', () => {
  it('gives an item number in a run of its own the spacing of its line', () => {
    const [first] = lines([
      piece('2.', { style: { bold: true } }),
      piece('社保工作获全国全省现场观摩推广。强化数字赋能，246万名领取待遇人员享受服务'),
    ]);
    const glyphs = first ?? [];
    const gaps: number[] = [];
    for (let i = 1; i < glyphs.length; i++) {
      const [a, b] = [glyphs[i - 1] as Glyph, glyphs[i] as Glyph];
      if (han(a.char) && han(b.char)) gaps.push(b.x - (a.x + a.width));
    }
    expect(gaps.length).toBeGreaterThan(15);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(1e-6);
    // `2.` and `246` are not tracked apart, and the line ends at the margin.
    for (const word of ['2.', '246']) {
      const text = glyphs.map((glyph) => glyph.char).join('');
      const at = text.indexOf(word);
      for (let k = at + 1; k < at + word.length; k++) {
        const [a, b] = [glyphs[k - 1] as Glyph, glyphs[k] as Glyph];
        expect(b.x - (a.x + a.width), word).toBeCloseTo(0, 6);
      }
    }
    const last = glyphs.at(-1) as Glyph;
    expect(last.x + last.width).toBeCloseTo(options.width, 4);
  });

  it('does not letter-space a Latin word', () => {
    const [first] = lines([
      piece('日志由Kibana展示，检索与分析都在浏览器中完成，运维人员不再登录服务器查看日志文件内容'),
    ]);
    const glyphs = first ?? [];
    const at = glyphs.findIndex((glyph) => glyph.char === 'K');
    for (let k = at + 1; k < at + 6; k++) {
      const [a, b] = [glyphs[k - 1] as Glyph, glyphs[k] as Glyph];
      expect(b.x - (a.x + a.width)).toBeCloseTo(0, 6);
    }
  });

  it('draws —— as one glyph, the face’s ⸺, its ink centred in two cells, the text —— under it', () => {
    const [first] = lines([piece('奏响新时代和平强音'), piece('——', { dashes: true }), piece('潍县西方侨民集中营')]);
    const line = setText(
      [piece('奏响新时代和平强音'), piece('——', { dashes: true }), piece('潍县西方侨民集中营')],
      options,
      ids,
      { face, sizePt: size },
    ).lines[0] as Inline[];
    const dash = line.find((inline) => inline.text === '——') as Inline;
    // Copying gives ——; what is drawn is one path, the glyph of U+2E3A.
    expect(dash.opacity).toBe(0);
    expect(dash.vectors).toHaveLength(1);
    expect(dash.vectors?.[0]?.glyphs?.[0]?.operators).toBe(face.glyphOutline(0x2e3a).operators);
    const glyphs = first ?? [];
    const at = glyphs.findIndex((glyph) => glyph.char === '—');
    const [a, b] = [glyphs[at] as Glyph, glyphs[at + 1] as Glyph];
    const [before, after] = [glyphs[at - 1] as Glyph, glyphs[at + 2] as Glyph];
    // The invisible text takes the two cells, whole ems (GB/T 15834: 破折号 占两个字的位置).
    expect(b.x + b.width - a.x).toBeCloseTo(2 * size, 3);
    // The ink is centred between the characters around it.
    const scale = size / face.unitsPerEm;
    const box = face.glyphBox(0x2e3a);
    const origin = a.x + (dash.vectors?.[0]?.x ?? 0);
    const inkLeft = origin + box.minX * scale - (before.x + before.width);
    const inkRight = after.x - (origin + box.maxX * scale);
    expect(inkLeft).toBeCloseTo(inkRight, 1);
    expect(inkLeft).toBeGreaterThan(0);
  });
});
