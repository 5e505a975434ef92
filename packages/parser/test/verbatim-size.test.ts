/** Verbatim text wider than the page is set smaller, to a floor, so that its columns hold. */
import { describe, expect, it } from 'vitest';
import { fitVerbatimSizePt, MIN_VERBATIM_SIZE_PT, verbatimColumns } from '../src/index.js';

describe('verbatim text', () => {
  it('counts columns as pdftotext -layout lays them out: Han two, tabs to a multiple of four', () => {
    expect(verbatimColumns('规章    1')).toBe(9);
    expect(verbatimColumns('a\tb\n行政许可')).toBe(8);
    expect(verbatimColumns('')).toBe(0);
  });

  it('keeps the style size when the widest line fits, and shrinks in half points when not', () => {
    const line = 'x'.repeat(80);
    // 80 columns × 0.5 em × 10 pt = 400 pt.
    expect(fitVerbatimSizePt(line, 400, 10, 0.5)).toBe(10);
    expect(fitVerbatimSizePt(line, 300, 10, 0.5)).toBe(7.5);
    expect(fitVerbatimSizePt(`${line}\nshort`, 310, 10, 0.5)).toBe(7.5);
  });

  it('never goes below the floor: the widest lines then wrap', () => {
    expect(fitVerbatimSizePt('x'.repeat(1000), 400, 10, 0.5)).toBe(MIN_VERBATIM_SIZE_PT);
  });
});
