import { describe, expect, it } from 'vitest';
import { texToLinear } from '../src/index.js';

const linear = (tex: string, hasGlyph?: (cp: number) => boolean) => {
  const result = texToLinear(tex, { display: false, ...(hasGlyph ? { hasGlyph } : {}) });
  return result.ok ? result.value : result.reason;
};

describe('texToLinear', () => {
  it('writes scripts as script runs and fractions with a slash', () => {
    expect(linear('P = \\frac { V ^ { 2 } } { R }')).toEqual([
      { text: 'P = V' },
      { text: '2', script: 'sup' },
      { text: '/R' },
    ]);
  });

  it('puts parentheses around a fraction part or radicand of more than one term', () => {
    expect(linear('\\frac{a+b}{2}')).toEqual([{ text: '(a + b)/2' }]);
    expect(linear('\\sqrt{2 \\pi}')).toEqual([{ text: '√(2π)' }]);
    expect(linear('\\sqrt{x}')).toEqual([{ text: '√x' }]);
  });

  it('sets limits of sums as scripts, tight', () => {
    expect(linear('\\sum_{i = 1}^{n} x_i')).toEqual([
      { text: '∑' },
      { text: 'i=1', script: 'sub' },
      { text: 'n', script: 'sup' },
      { text: 'x' },
      { text: 'i', script: 'sub' },
    ]);
  });

  it('writes styled letters as plain letters (text faces have no Mathematical Alphanumeric Symbols)', () => {
    expect(linear('\\mathbf{W e b} + \\mathit{x}')).toEqual([{ text: 'Web + x' }]);
  });

  it('writes accents as combining marks, or as superscript accents when the face lacks the mark', () => {
    expect(linear('\\bar{x}')).toEqual([{ text: 'x\u0304' }]);
    expect(linear('\\hat{\\beta}', (cp) => cp !== 0x302)).toEqual([{ text: 'β' }, { text: 'ˆ', script: 'sup' }]);
  });

  it('writes circled numbers as their characters', () => {
    expect(linear('\\textcircled { 3 }')).toEqual([{ text: '③' }]);
  });

  it('fails on structures with no one-line form', () => {
    expect(linear('\\begin{matrix} a & b \\end{matrix}')).toMatch(/mtable/);
    expect(linear('\\foo')).toMatch(/\\foo/);
  });
});
