import { describe, expect, it } from 'vitest';
import { texToSvg } from '../src/svg.js';

describe('texToSvg', () => {
  it('draws a formula as paths with a size in em', () => {
    const result = texToSvg('\\frac{a}{b}', { display: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.svg).toMatch(/^<svg [^>]*viewBox="[^"]+"/);
    expect(result.value.svg).toContain('<path');
    expect(result.value.width).toBeGreaterThan(0.5);
    expect(result.value.height).toBeGreaterThan(result.value.depth);
  });

  it('gives the same bytes every time (no generated ids)', () => {
    const first = texToSvg('\\sqrt{x^2+1} \\textcircled{1}', { display: false });
    const second = texToSvg('\\sqrt{x^2+1} \\textcircled{1}', { display: false });
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) {
      expect(second.value.svg).toBe(first.value.svg);
      expect(first.value.svg).not.toMatch(/\bid="/);
    }
  });

  it('returns undefined commands as failures', () => {
    const result = texToSvg('\\foo{x}', { display: true });
    expect(result).toMatchObject({ ok: false, stage: 'svg' });
    if (!result.ok) expect(result.reason).toContain('\\foo');
  });

  it('takes a display tag out to be set beside the formula', () => {
    const result = texToSvg('x = 1 \\tag{2}', { display: true });
    expect(result.ok && result.value.tag).toBe('(2)');
  });
});
