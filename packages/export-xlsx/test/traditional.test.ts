/**
 * The same figures in every edition: the figure reader reads a Traditional edition's text as it
 * reads the Simplified one (`src/lib/figures/traditional.ts`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '@wenshu/parser';
import { convertText, toTraditional, VARIANTS } from '@wenshu/zh';
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../src/index.js';
import { foldPairs, foldTraditional } from '../src/lib/figures/traditional.js';
import type { Figure } from '../src/lib/figures/types.js';
import { documentFigures } from '../src/lib/figures-sheet.js';
import { walk } from '../src/lib/walk.js';
import { describeCorpus, readCorpus } from './corpus.js';
import { readWorkbook, render, report } from './xlsx.js';

const figuresDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'lib', 'figures');

/** What a figure says, in Simplified characters: equal in every edition of a text. */
function meaning(figure: Figure): string {
  return [figure.kind, figure.value, foldTraditional(figure.unit), foldTraditional(figure.qualifier)].join(' ');
}

/** Fields whose characters are not all in the sentence as written (a Simplified word left in a Traditional row). */
function foreignFields(figure: Figure): string[] {
  const written = new Set(figure.sentence);
  return [figure.unit, figure.qualifier, figure.scope, figure.subject, figure.text].filter((field) =>
    [...field].some((ch) => ch !== ' ' && !written.has(ch)),
  );
}

function figuresOf(document: Document) {
  return documentFigures(walk(document, '').passages);
}

// Written for these tests: amounts with 万/亿/两/个, growths, a rank and a share.
const REPORT = [
  '# 工作报告',
  '',
  '一、主要指标',
  '',
  '全市新增就业5.99万人，帮扶246万名困难群众，两处园区投运，新建学校12个。',
  '地区生产总值增长5.2%，财政收入3.6亿元，比上年提高1.5个百分点。',
  '营商环境居全省第二，居民收入占比达到60%以上，投资约1200万元。',
  '',
].join('\n');

describe('figures of a Traditional edition', () => {
  const cn = figuresOf(report(REPORT));

  it('the own fixture has its figures in Simplified', () => {
    expect(cn.map((figure) => figure.text)).toContain('5.99万人');
    expect(cn.length).toBeGreaterThanOrEqual(9);
  });

  for (const variant of VARIANTS) {
    it(`${variant}: as many figures, with the same values and units, written in the edition's characters`, () => {
      const edition = figuresOf(toTraditional(report(REPORT), { variant }));
      expect(edition.map(meaning)).toEqual(cn.map(meaning));
      expect(edition.map((figure) => figure.text)).toContain('5.99萬人');
      expect(edition.map((figure) => figure.unit)).toContain('萬名');
      for (const figure of edition) {
        expect(figure.sentence.slice(figure.start, figure.end)).toBe(figure.text);
        expect(foreignFields(figure)).toEqual([]);
      }
    });
  }

  it('the fold keeps offsets and leaves Simplified text as it is', () => {
    const text = '新增就業5.99萬人，兩處園區，佔比60%';
    expect(foldTraditional(text)).toHaveLength(text.length);
    expect(foldTraditional(text)).toBe('新增就業5.99万人，两处園区，占比60%'); // only the reader's characters
    expect(foldTraditional('新增就业5.99万人')).toBe('新增就业5.99万人');
    expect(extractFigures('新增就業5.99萬人。')[0]?.unit).toBe('萬人');
  });

  it('every character the reader uses, in every edition, folds back (the pairs are complete)', () => {
    const code = ['extract.ts', 'subject.ts', 'units.ts', 'numerals.ts']
      .map((file) => readFileSync(join(figuresDir, file), 'utf8'))
      .join('\n')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
      .map((line) => line.replace(/\/\/.*$/, ''))
      .join('\n');
    const characters = [...new Set(code.match(/[\u4e00-\u9fff]/g) ?? [])];
    expect(characters.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const character of characters) {
      for (const variant of VARIANTS) {
        const converted = convertText(character, { variant, keepTraditional: false, overrides: false });
        if (foldTraditional(converted) !== character) missing.push(`${character}→${converted} (${variant})`);
      }
    }
    expect(missing).toEqual([]);
    for (const [traditional, simplified] of foldPairs()) expect(traditional).not.toBe(simplified);
  });
});

describe('a report written in Traditional characters, converted as written', () => {
  const source = '# 工作報告\n\n一、主要指標\n\n全市新增就業5.99萬人，兩處園區投運，地區生產總值增長5.2%。\n';

  it('has Traditional sheet and column names (the parser tags it zh-TW) and its figures', async () => {
    expect(report(source).meta.lang).toBe('zh-TW');
    const workbook = await readWorkbook(await render(source));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('指標');
    expect(workbook.worksheets.map((sheet) => sheet.name)).not.toContain('指标');
    const figures = figuresOf(report(source));
    expect(figures.map((figure) => `${figure.kind} ${figure.text}`)).toEqual([
      'value 5.99萬人',
      'value 兩處',
      'growth 5.2%',
    ]);
  });
});

describeCorpus('the seed report: the same figures in cn, tw, twp and hk', () => {
  it('tw, twp and hk have the cn figure count (291 when measured) and the same values', () => {
    const seed = report(readCorpus('seed', 'weifang-2023-departments.md'));
    const cn = figuresOf(seed);
    expect(cn.length).toBeGreaterThan(250);
    for (const variant of ['tw', 'twp', 'hk'] as const) {
      const edition = figuresOf(toTraditional(seed, { variant }));
      expect(edition.length, variant).toBe(cn.length);
      expect(edition.map(meaning), variant).toEqual(cn.map(meaning));
      // Subjects are put together from pieces of the sentence: still in the edition's characters.
      expect(edition.flatMap(foreignFields), variant).toEqual([]);
    }
  });
});
