import { describe, expect, it } from 'vitest';
import { splitOutput } from '../src/lib/alignment.js';
import { openccConverter } from '../src/lib/opencc-data.js';
import { OpenccPipeline, TrieCache, VARIANTS } from '../src/lib/pipeline.js';
import { describeCorpus, listCorpus, readCorpus } from './corpus.js';

const tries = new TrieCache();
const pipelines = Object.fromEntries(VARIANTS.map((variant) => [variant, new OpenccPipeline(variant, tries)]));
const reference = Object.fromEntries(VARIANTS.map((variant) => [variant, openccConverter('cn', variant)]));

describe('the pipeline without overrides is opencc-js', () => {
  const samples = [
    '鼠标和软件',
    '静默认证',
    '头发明显',
    '老挝人民民主共和国的信息',
    '⿰氵马和马',
    '豈更車賈滑', // CJK compatibility ideographs, normalised first
    '\u{2F800}丽', // an astral compatibility ideograph
    '',
  ];
  for (const variant of VARIANTS) {
    it(`${variant}: short samples`, () => {
      for (const text of samples) {
        expect(pipelines[variant]?.convert(text, undefined)).toBe(reference[variant]?.(text));
        expect(pipelines[variant]?.convertAligned(text, undefined).outputs.join('')).toBe(reference[variant]?.(text));
      }
    });
  }
});

describeCorpus('the pipeline without overrides is opencc-js on the corpus', () => {
  const files = [
    ...listCorpus('reports', '.txt').map((name) => ['reports', name]),
    ...listCorpus('reports', '.md').map((name) => ['reports', name]),
    ['seed', 'weifang-2023-departments.md'],
    ['opencc/golden', 'us_constitution_zhs.txt'],
  ];
  for (const variant of VARIANTS) {
    it(`${variant}: ${files.length} files, plain and aligned`, () => {
      for (const parts of files) {
        const text = readCorpus(...(parts as [string, string]));
        const expected = reference[variant]?.(text);
        expect(pipelines[variant]?.convert(text, undefined), parts.join('/')).toBe(expected);
        const alignment = pipelines[variant]?.convertAligned(text, undefined);
        expect(alignment?.outputs.join(''), parts.join('/')).toBe(expected);
        expect(alignment?.sourceLengths.reduce((sum, n) => sum + n, 0)).toBe(text.length);
        // No dictionary key holds a line break, so cutting the alignment before each line break
        // must give each line's own conversion.
        const cuts: number[] = [];
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) cuts.push(i);
        const lines = text.split('\n').map((line, index) => (index === 0 ? '' : '\n') + reference[variant]?.(line));
        if (alignment) expect(splitOutput(text, alignment, cuts)).toEqual(lines);
      }
    });
  }
});
