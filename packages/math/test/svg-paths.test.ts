import { describe, expect, it } from 'vitest';
import { normalizePath, pathOperators, svgPaths } from '../src/lib/svg-paths.js';
import { texToSvg } from '../src/svg.js';

describe('normalizePath', () => {
  it('expands a chain of smooth quadratics with reflected control points', () => {
    // After Q (control 1,1 → 2,0), T 4,0 reflects the control to (3,-1); the next T reflects that to (5,1).
    expect(normalizePath('M0 0Q1 1 2 0T4 0T6 0')).toBe('M0 0Q1 1 2 0Q3 -1 4 0Q5 1 6 0');
  });

  it('writes H, V and relative commands as absolute lines and curves', () => {
    expect(normalizePath('M1 1H5V3h-2l1 1z')).toBe('M1 1L5 1L5 3L3 3L4 4Z');
    expect(normalizePath('M0 0C0 1 1 1 1 0S2 -1 2 0')).toBe('M0 0C0 1 1 1 1 0C1 -1 2 -1 2 0');
  });

  it('takes extra pairs after a moveto as linetos', () => {
    expect(normalizePath('M0 0 1 1 2 0')).toBe('M0 0L1 1L2 0');
  });
});

describe('svgPaths', () => {
  it("gives a formula's glyphs and rules as filled paths with their transforms", () => {
    const result = texToSvg('\\frac{a}{b}', { display: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const paths = must(result.value.paths);
    // a, b and the fraction bar (a rect).
    expect(paths).toHaveLength(3);
    for (const path of paths) expect(path.d).toMatch(/^M[-\d. ]+(?:[MLQCZ][-\d. ]*)+$/);
  });

  it("draws \\textcircled's stroked circle as a filled ring: two ellipses turning opposite ways", () => {
    const svg =
      '<svg viewBox="0 0 100 100"><ellipse rx="40" ry="30" cx="50" cy="50" fill="none" stroke-width="10"/></svg>';
    const [ring] = must(svgPaths(svg));
    const starts = [...must(ring).d.matchAll(/M([-\d.]+) ([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // The outer edge at rx + 5, the inner at rx − 5, both starting on the x axis.
    expect(starts).toEqual([
      [95, 50],
      [85, 50],
    ]);
    // The first arc of the outer ellipse heads down (+y), the inner one's up.
    const firstY = [...must(ring).d.matchAll(/C[-\d.]+ ([-\d.]+)/g)].map((m) => Number(m[1]));
    expect(firstY[0]).toBeGreaterThan(50);
    expect(firstY[4]).toBeLessThan(50);
    const result = texToSvg(String.raw`\textcircled{2} B`, { display: false });
    expect(result.ok && result.value.glyphs).toBeTruthy();
  });

  it('gives nothing for a drawing with text (a Chinese \\text), which is drawn as SVG', () => {
    const result = texToSvg('x = \\text{中文}', { display: true });
    expect(result.ok && result.value.paths).toBeUndefined();
    expect(svgPaths('<svg viewBox="0 0 1 1"><text>中</text></svg>')).toBeUndefined();
  });
});

describe('pathOperators and mathGlyphs', () => {
  it('writes a path as PDF operators, quadratics as cubics, with the box of its points', () => {
    // The quadratic from (10,0) over (20,0) to (20,10) has cubic controls two thirds of the way to (20,0):
    // (16.67, 0) and (20, 3.33).
    const { operators, box } = pathOperators('M0 0L10 0Q20 0 20 10Z');
    expect(operators.split('\n')).toEqual(['0 0 m', '10 0 l', '16.67 0 20 3.33 20 10 c', 'h']);
    expect(box).toEqual([0, 0, 20, 10]);
  });

  it("places each glyph by its transform, the formula's ink inside the formula's box", () => {
    for (const tex of [
      String.raw`\frac{a+b}{c}`,
      String.raw`\sqrt{x^2+1}`,
      String.raw`\sum_{i=1}^{n} x_i`,
      String.raw`\left( \frac{1}{2} \right)`,
    ]) {
      const result = texToSvg(tex, { display: false });
      if (!result.ok) throw new Error(`${tex}: ${result.reason}`);
      const { width, height } = result.value;
      const xs: number[] = [];
      const ys: number[] = [];
      for (const {
        box,
        transform: [a, b, c, d, e, f],
      } of must(result.value.glyphs)) {
        for (const [x, y] of [
          [box[0], box[1]],
          [box[2], box[3]],
          [box[0], box[3]],
          [box[2], box[1]],
        ] as const) {
          xs.push(a * x + c * y + e);
          ys.push(b * x + d * y + f);
        }
      }
      // Thousandths of an em from the top left; a glyph may overhang its advance a little.
      expect(Math.min(...xs)).toBeGreaterThan(-100);
      expect(Math.max(...xs)).toBeLessThan(width * 1000 + 100);
      expect(Math.min(...ys)).toBeGreaterThan(-100);
      expect(Math.max(...ys)).toBeLessThan(height * 1000 + 100);
      // Drawn: the ink spans most of the box.
      expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(width * 1000 * 0.8);
    }
  });

  it('gives the same glyph the same operators wherever it stands', () => {
    const result = texToSvg('x + x^{x}', { display: false });
    if (!result.ok) throw new Error(result.reason);
    const glyphs = must(result.value.glyphs);
    const xs = glyphs.filter((glyph) => glyph.operators === glyphs[0]?.operators);
    expect(xs).toHaveLength(3);
    // The superscript is smaller: its transform scales it.
    expect(new Set(xs.map((glyph) => glyph.transform[0].toFixed(3))).size).toBe(2);
  });
});

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing');
  return value;
}
