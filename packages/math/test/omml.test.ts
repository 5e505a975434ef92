import { describe, expect, it, vi } from 'vitest';
import { mathmlToOmml, texToMathml, texToOmml } from '../src/index.js';

describe('texToMathml', () => {
  it('converts TeX to a MathML element', () => {
    const result = texToMathml('\\frac{a}{b}', { display: true });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatch(/^<math[^>]*display="block"[\s\S]*<mfrac>/);
  });

  it('returns a failure for an unknown command, naming it', () => {
    const result = texToMathml('\\foo{x}', { display: false });
    expect(result).toMatchObject({ ok: false, stage: 'tex' });
    if (!result.ok) expect(result.reason).toContain('\\foo');
  });

  it('returns a failure for unbalanced braces and for an empty formula', () => {
    expect(texToMathml('{a', { display: false }).ok).toBe(false);
    expect(texToMathml('  ', { display: false }).ok).toBe(false);
  });

  it('does not hang on a macro that expands forever', () => {
    const result = texToMathml('\\def\\a{\\a\\a}\\a', { display: false });
    expect(result.ok).toBe(false);
  });
});

describe('texToOmml', () => {
  it('makes a fraction an m:f with numerator and denominator', () => {
    const result = texToOmml('\\frac{a}{b}', { display: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatch(/^<m:oMath xmlns:m="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/math"/);
    expect(result.value).toMatch(/<m:f>.*<m:num>.*a.*<\/m:num><m:den>.*b.*<\/m:den><\/m:f>/);
  });

  it('makes a sum an n-ary operator with limits', () => {
    const result = texToOmml('\\sum_{i=1}^{n} x_i', { display: true });
    expect(result.ok && result.value).toMatch(/<m:nary>.*<m:chr m:val="∑"\/>/);
  });

  it('converts repaired OCR TeX', () => {
    const result = texToOmml('\\mathrm { R F } = \\left ( x \\right )', { display: false });
    expect(result.ok).toBe(true);
    expect(result.tex).toBe('\\mathrm{RF} = \\left( x \\right)');
    expect(result.ok && result.value).toContain('RF');
  });

  it('sets a \\tag after the formula instead of a three-column table', () => {
    const result = texToOmml('E = mc^2 \\tag{3}', { display: true });
    expect(result.ok && result.value).toContain('(3)');
    expect(result.ok && result.value).not.toContain('<m:m>');
  });

  it('never passes an element mathml2omml does not know (it would log and flatten it)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = mathmlToOmml(
      '<math xmlns="http://www.w3.org/1998/Math/MathML"><mpadded lspace="0"><mi>R</mi></mpadded><mphantom><mn>0</mn></mphantom></math>',
    );
    expect(result.ok && result.value).toContain('<m:t xml:space="preserve">R</m:t>');
    expect(result.ok && result.value).not.toContain('>0<');
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('n-ary operators', () => {
  const operand = (xml: string) => /<m:nary>.*?<\/m:naryPr>.*?<m:e>(.*?)<\/m:e><\/m:nary>/.exec(xml)?.[1] ?? '';

  it('puts the summand inside the sum (Word showed an empty box)', () => {
    const result = texToOmml('\\sum_{i=1}^{n} x_i', { display: true });
    expect(result.ok).toBe(true);
    if (result.ok) expect(operand(result.value)).toMatch(/<m:sSub>.*x.*i.*<\/m:sSub>/);
  });

  it('ends the operand at a relation or a plus outside brackets', () => {
    const result = texToOmml('\\int_0^1 (a + b) dx = c + d', { display: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const inside = operand(result.value);
    expect(inside).toContain('a+b');
    expect(inside).toContain('dx');
    expect(inside).not.toMatch(/>[^<]*=[^<]*</);
    expect(result.value).toMatch(/<\/m:nary>.*=.*c\+d/);
  });

  it('nests a double sum', () => {
    const result = texToOmml('\\sum_i \\sum_j a_{ij}', { display: true });
    expect(result.ok && (result.value.match(/<m:nary>/g) ?? []).length).toBe(2);
    expect(result.ok && result.value).not.toMatch(/<m:e><\/m:e>/);
  });
});

describe('XML safety', () => {
  it('keeps <, > and & escaped in the OMML (P < 0.05 was written raw, which Word cannot open)', () => {
    const result = texToOmml('P < 0.05 \\& x > 1', { display: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.value.replace(/<[^>]+>/g, '');
    expect(text).toBe('P&lt;0.05&amp;x&gt;1');
  });
});

describe('stretchy fences', () => {
  it('makes \\left( … \\right) a Word delimiter (m:d) around its content', () => {
    const result = texToOmml('\\left( x + \\frac{a}{b} \\right)^2', { display: true });
    expect(result.ok && result.value).toMatch(
      /<m:d><m:dPr><m:begChr m:val="\("\/><m:endChr m:val="\)"\/><\/m:dPr><m:e>.*<m:f>.*<\/m:f><\/m:e><\/m:d>/,
    );
  });

  it('keeps an empty side (\\right.) and nests fences', () => {
    const cases = texToOmml('\\left\\{ \\begin{array}{l} a \\\\ b \\end{array} \\right.', { display: true });
    expect(cases.ok && cases.value).toContain('<m:begChr m:val="{"/><m:endChr m:val=""/>');
    const nested = texToOmml('\\left[ \\left( a \\right) \\right] + 1', { display: true });
    expect(nested.ok && (nested.value.match(/<m:d>/g) ?? []).length).toBe(2);
    expect(nested.ok && nested.value).toMatch(/<\/m:d><m:r><m:t xml:space="preserve">\+1<\/m:t><\/m:r>/);
  });

  it('leaves plain parentheses as characters', () => {
    const result = texToOmml('f(x)', { display: false });
    expect(result.ok && result.value).not.toContain('<m:d>');
  });
});
