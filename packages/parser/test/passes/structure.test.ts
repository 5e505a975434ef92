import { describe, expect, it } from 'vitest';
import { parse, toText } from '../../src/index.js';
import { type FixKind, type StructureOptions, structure } from '../../src/passes/index.js';
import { deepFreeze } from './helpers.js';

/** One document that gives every pass something to do. */
const SAMPLE = [
  '# 市直部门(单位)工作情况',
  '',
  '(上接7版)',
  '',
  '\u3000\u30001.第一项标题。第一项正文在这里，内容较多，需要换',
  '行显示，零宽\u200b字符。',
  '',
  '一、短标题行',
  '',
  '2.第二项标题。第二项内容被分栏截断了，后面还有很多内容需要接上，这里没有',
  '',
  '句号可以结束。',
  '',
  '(下转9版)',
].join('\n');

const PASS_KINDS: [keyof StructureOptions, FixKind[]][] = [
  ['pageMarkers', ['page-marker']],
  ['brokenParagraphs', ['broken-paragraph']],
  ['cjkLineBreaks', ['line-break']],
  ['layoutCharacters', ['layout']],
  ['ordinals', ['item', 'heading']],
  ['runInTitles', ['run-in-title']],
  ['title', ['title']],
];

const kinds = (options?: StructureOptions) => new Set(structure(parse(SAMPLE), options).fixes.map((fix) => fix.kind));

describe('structure', () => {
  it('runs every pass but punctuation by default', () => {
    expect([...kinds()].sort()).toEqual(
      ['broken-paragraph', 'heading', 'item', 'layout', 'line-break', 'page-marker', 'run-in-title', 'title'].sort(),
    );
  });

  it('runs punctuation when asked', () => {
    expect(kinds({ punctuation: true }).has('punctuation')).toBe(true);
  });

  for (const [option, passKinds] of PASS_KINDS) {
    it(`switches ${option} off`, () => {
      const seen = kinds({ [option]: false });
      for (const kind of passKinds) expect(seen.has(kind)).toBe(false);
      // The others still run (run-in titles need the items that ordinals make).
      const others = PASS_KINDS.filter(
        ([other]) => other !== option && !(option === 'ordinals' && other === 'runInTitles'),
      );
      for (const [, otherKinds] of others) expect(otherKinds.some((kind) => seen.has(kind))).toBe(true);
    });
  }

  it('makes the structure the sample asks for', () => {
    const { document } = structure(parse(SAMPLE));
    expect(document.meta).toEqual({ title: '市直部门(单位)工作情况', continuedFrom: '7', continuedTo: '9' });
    expect(document.children.map((block) => block.type)).toEqual(['heading', 'item', 'heading', 'item']);
    expect(toText(document)).toBe(
      [
        '市直部门(单位)工作情况',
        '1.第一项标题。第一项正文在这里，内容较多，需要换行显示，零宽字符。',
        '一、短标题行',
        '2.第二项标题。第二项内容被分栏截断了，后面还有很多内容需要接上，这里没有句号可以结束。',
      ].join('\n'),
    );
  });

  it('does not modify its input, and gives plain JSON', () => {
    const input = deepFreeze(parse(SAMPLE));
    const copy = structuredClone(input);
    const { document, fixes } = structure(input, { punctuation: true });
    expect(input).toEqual(copy);
    expect(JSON.parse(JSON.stringify({ document, fixes }))).toEqual({ document, fixes });
  });

  it('stays linear on long runs of spaces and brackets (no pattern backtracks over them)', () => {
    const runs = [' '.repeat(50_000), '\u3000'.repeat(50_000), `上接${' '.repeat(50_000)}7`, '（'.repeat(50_000)];
    for (const run of runs) {
      const started = performance.now();
      const { document } = structure(parse(`前文。${run}后文。`));
      expect(toText(document)).toContain('后文。');
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it('gives the same result when run twice', () => {
    const once = structure(parse(SAMPLE)).document;
    const twice = structure(once);
    expect(twice.document).toEqual(once);
    expect(twice.fixes).toEqual([]);
  });
});
