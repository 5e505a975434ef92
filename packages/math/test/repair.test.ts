import { describe, expect, it } from 'vitest';
import { repairTex } from '../src/index.js';

describe('repairTex', () => {
  it('joins the letters OCR spaced out inside font commands', () => {
    expect(repairTex('\\mathrm { R F }')).toBe('\\mathrm{RF}');
    expect(repairTex('\\mathbf { W e b } 2 . 0')).toBe('\\mathbf{Web} 2 . 0');
    expect(repairTex('x \\ \\mathrm { m m }')).toBe('x \\ \\mathrm{mm}');
  });

  it('keeps the spaces of a real phrase', () => {
    expect(repairTex('\\text { per hour }')).toBe('\\text{per hour}');
  });

  it('joins a sizing command to its delimiter', () => {
    expect(repairTex('\\left ( x \\right )')).toBe('\\left( x \\right)');
    expect(repairTex('\\left \\{ x \\right .')).toBe('\\left\\{ x \\right.');
  });

  it('drops an unpaired \\left or \\right, keeping the delimiter', () => {
    expect(repairTex('\\left( x + y )')).toBe('( x + y )');
    expect(repairTex('a ) \\right) b')).toBe('a ) ) b');
  });

  it('takes the math font out of a circled number', () => {
    expect(repairTex('\\textcircled { \\mathbb { 1 } } B')).toBe('\\textcircled{1} B');
  });

  it('is idempotent and leaves clean TeX alone', () => {
    const clean = '\\frac{a}{b} + \\sum_{i=1}^{n} x_i';
    expect(repairTex(clean)).toBe(clean);
    const once = repairTex('\\mathrm { R F } \\left ( x \\right )');
    expect(repairTex(once)).toBe(once);
  });
});
