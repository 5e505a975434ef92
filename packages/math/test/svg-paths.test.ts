import { describe, expect, it } from 'vitest';
import { normalizePath, svgPaths } from '../src/lib/svg-paths.js';
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

  it('gives nothing for a drawing with text (a Chinese \\text), which is drawn as SVG', () => {
    const result = texToSvg('x = \\text{中文}', { display: true });
    expect(result.ok && result.value.paths).toBeUndefined();
    expect(svgPaths('<svg viewBox="0 0 1 1"><text>中</text></svg>')).toBeUndefined();
  });
});

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing');
  return value;
}
