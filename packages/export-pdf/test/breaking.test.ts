/** Line breaking: the rules of `breaking.ts`, and lines set with them. */
import { describe, expect, it } from 'vitest';
import { openFace } from '../src/lib/fonts/face.js';
import { bundledFile, nodeFontHost } from '../src/lib/fonts/node-host.js';
import { breakClass, canBreak } from '../src/lib/text/breaking.js';
import { setText } from '../src/lib/text/set.js';
import type { Piece } from '../src/lib/text/shape.js';

function allowed(pair: string): boolean {
  const [a, b] = Array.from(pair).map((c) => c.codePointAt(0) as number);
  return canBreak(a as number, breakClass(a as number), b as number, breakClass(b as number));
}

describe('break opportunities', () => {
  it('break between Han characters', () => {
    expect(allowed('中国')).toBe(true);
  });

  it('never before closing or middle punctuation', () => {
    for (const c of '。，、；：？！）》」』”’…%,.;:?!)') expect(allowed(`字${c}`), c).toBe(false);
  });

  it('never after opening punctuation', () => {
    for (const c of '（《「『“‘([') expect(allowed(`${c}字`), c).toBe(false);
  });

  it('before opening punctuation and after closing punctuation, in Han text', () => {
    expect(allowed('字“')).toBe(true);
    expect(allowed('”字')).toBe(true);
    expect(allowed('。字')).toBe(true);
    expect(allowed('字（')).toBe(true);
  });

  it('keep Latin words and numbers whole, and break after spaces', () => {
    expect(allowed('ab')).toBe(false);
    expect(allowed('5.')).toBe(false);
    expect(allowed('.9')).toBe(false);
    expect(allowed('a ')).toBe(false);
    expect(allowed(' b')).toBe(true);
    expect(allowed('年2')).toBe(true);
    expect(allowed('5万')).toBe(true);
    expect(allowed('n’t')).toBe(false);
    expect(allowed('’t')).toBe(false);
  });

  it('keep —— and …… together', () => {
    expect(allowed('——')).toBe(false);
    expect(allowed('……')).toBe(false);
    expect(allowed('字—')).toBe(true);
  });
});

describe('setting lines', () => {
  const face = openFace(nodeFontHost, bundledFile('serif', 'regular'));
  const piece = (text: string): Piece => ({ kind: 'text', text, face, sizePt: 10, style: {} });
  const ids = { id: () => 'f0' };
  const options = { width: 100, indent: 0, align: 'justify' as const, pitch: 12, spacing: 0, verbatim: false };

  it('starts no line with closing punctuation and ends none with opening punctuation', () => {
    const text = '甲乙丙丁戊己庚辛壬。癸子丑寅卯辰巳午“未申”酉戌亥，甲乙丙丁戊己庚辛壬癸《子丑寅卯》辰巳午未';
    for (let width = 40; width <= 160; width += 3) {
      const set = setText([piece(text)], { ...options, width }, ids, { face, sizePt: 10 });
      const lines = set.lines.map((line) => line.map((inline) => inline.text).join(''));
      expect(lines.join('')).toBe(text);
      for (const line of lines) {
        expect(line, `width ${width}`).not.toMatch(/^[。，、”》]/);
        expect(line, `width ${width}`).not.toMatch(/[“《]$/);
      }
    }
  });

  it('justifies every line but the last to the width, with spacing between characters', () => {
    const set = setText([piece('一二三四五六七八九十'.repeat(3))], { ...options, width: 95 }, ids, {
      face,
      sizePt: 10,
    });
    expect(set.lineCount).toBe(4);
    for (const line of set.lines.slice(0, -1)) {
      const [inline] = line;
      const text = inline?.text ?? '';
      // Nine characters of 10 pt in 95 pt: 5 pt between them.
      expect(text).toHaveLength(9);
      expect(10 * text.length + (inline?.characterSpacing ?? 0) * (text.length - 1)).toBeCloseTo(95, 6);
    }
    expect(set.lines.at(-1)?.[0]?.characterSpacing).toBeUndefined();
  });

  it('keeps spaces in code and breaks too-long words', () => {
    const code = setText([piece('a  b')], { ...options, verbatim: true, align: 'left' }, ids, { face, sizePt: 10 });
    expect(code.lines[0]?.[0]?.text).toBe('a  b');
    const long = setText([piece('x'.repeat(60))], { ...options, width: 50 }, ids, { face, sizePt: 10 });
    expect(long.lineCount).toBeGreaterThan(1);
    expect(long.lines.map((line) => line.map((inline) => inline.text).join('')).join('')).toBe('x'.repeat(60));
  });
});
