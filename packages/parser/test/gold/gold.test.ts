/**
 * The gold corpus: every gold file is well formed and says only what its document holds, and the
 * report passes score at least what they scored when this was last raised (`pnpm score` prints
 * the figures). The seed is read perfectly.
 */
import { describe, expect, it } from 'vitest';
import { describeCorpus } from '../corpus.js';
import { type GoldDocument, GoldError, loadGoldCorpus, parseGold, readDocumentText } from './gold.js';
import { addScores, type Count, emptyScores, normalise, precision, read, recall, type Scores, score } from './score.js';

const documents = loadGoldCorpus();

describe('gold files', () => {
  it('cover at least 30 documents of at least 7 genres', () => {
    expect(documents.length).toBeGreaterThanOrEqual(30);
    expect(new Set(documents.map((document) => document.genre)).size).toBeGreaterThanOrEqual(7);
  });

  it('refuse a malformed line, naming it', () => {
    expect(() => parseGold('heading\tone\t一、总体要求', 'x.gold.tsv')).toThrow(/x\.gold\.tsv:1: level/);
    expect(() => parseGold('item\t1.\t1', 'x.gold.tsv')).toThrow(GoldError);
    expect(() => parseGold('element\tfooter\t页脚', 'x.gold.tsv')).toThrow(/unknown element kind/);
    expect(parseGold('# a comment\ntitle\t标题\nitem\t第一百二十条之一\t120-1\t-').items).toEqual([
      { marker: '第一百二十条之一', number: '120-1', title: null },
    ]);
  });

  for (const document of documents) {
    it(`${document.id}: every fact is in the document`, () => {
      const text = readDocumentText(document.path);
      const flat = normalise(text);
      const lines = text.split('\n');
      const { gold } = document;
      const facts = [
        ...(gold.title ? [gold.title] : []),
        ...gold.headings.map((heading) => heading.text),
        ...gold.items.flatMap((item) => (item.title ? [item.marker, item.title] : [item.marker])),
        ...gold.elements.map((element) => element.text),
        // A cut paragraph may go on after a figure or another article: its second part is somewhere after.
        ...gold.joins.map((join) => join.after),
      ];
      expect(facts.filter((fact) => !flat.includes(normalise(fact)))).toEqual([]);
      const misplaced = gold.joins.filter(
        (join) => !normalise(lines[join.line - 1] ?? '').includes(normalise(join.before)),
      );
      expect(misplaced).toEqual([]);
    });
  }
});

/**
 * Floors of the F1 of each measure over the project's own gold documents: what the passes scored when
 * the floors were last raised. A change
 * that lowers a figure fails here; one that raises it should raise the floor.
 */
const FLOORS: { [measure in keyof Omit<Scores, 'documents'>]: number } = {
  headings: 0.995,
  headingTexts: 0.995,
  items: 0.995,
  runInTitles: 0.995,
  joins: 0.98,
  titles: 0.98,
  elements: 0.99,
};

/** The F1 of a count: the harmonic mean of precision and recall (1 when there was nothing to find). */
function f1(count: Count): number {
  const p = precision(count) ?? 1;
  const r = recall(count) ?? 1;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

describe('scores on the gold corpus', () => {
  // The project's own documents: the same figures with or without the shared corpus beside the checkout.
  const overall = emptyScores();
  for (const document of documents) if (!document.shared) addScores(overall, score(document.gold, read(document)));

  for (const [measure, floor] of Object.entries(FLOORS) as [keyof typeof FLOORS, number][]) {
    it(`${measure}: F1 at least ${floor}`, () => {
      expect(f1(overall[measure])).toBeGreaterThanOrEqual(floor);
    });
  }
});

describeCorpus('the seed on the gold corpus', () => {
  it('is read perfectly: title, sections, items, run-in titles, joins', () => {
    const seed = documents.find((document) => document.id.endsWith('weifang-2023-departments'));
    expect(seed).toBeDefined();
    const scores = score((seed as GoldDocument).gold, read(seed as GoldDocument));
    for (const measure of ['headings', 'items', 'runInTitles', 'joins', 'titles'] as const) {
      expect({ measure, f1: f1(scores[measure]) }).toEqual({ measure, f1: 1 });
    }
  });
});
