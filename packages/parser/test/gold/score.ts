/**
 * The scorer: what wenshu reads in a document of the gold corpus, compared with its gold, as
 * precision and recall per measure, added up per genre.
 *
 * Facts are matched in document order (a longest common subsequence of their keys), so a heading
 * read twice or an item read in the wrong place counts as wrong even when its text occurs elsewhere.
 */
import type { Document, Item } from '../../src/index.js';
import { parse } from '../../src/parse.js';
import { type Fix, type OutlineSection, outline, structure } from '../../src/passes/index.js';
import { phrasingText } from '../../src/passes/phrasing.js';
import { parsePlainText } from '../../src/plain-text.js';
import type { Gold, GoldDocument, GoldElement, GoldHeading, GoldItem } from './gold.js';
import { readDocumentText } from './gold.js';

/** What wenshu read, in the gold's terms. */
export interface Reading {
  title: string | null;
  headings: GoldHeading[];
  items: GoldItem[];
  /** Lines on which a joined paragraph's first part ends. */
  joins: number[];
  elements: GoldElement[];
}

/** Text compared without the differences a reader does not see: width forms, spaces, zero-width characters. */
export function normalise(text: string): string {
  // Markup is not text: emphasis marks, and the `$` around inline math (the gold quotes the source,
  // the tree holds the formula without its delimiters).
  return text.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff*$]/g, '');
}

function flatten(sections: OutlineSection[], into: GoldHeading[]): GoldHeading[] {
  for (const section of sections) {
    if (section.heading !== null) into.push({ level: section.level, text: section.heading });
    flatten(section.sections, into);
  }
  return into;
}

function itemNumber(item: Item): string {
  const sub = item.ordinal.sub;
  return sub === undefined ? String(item.ordinal.number) : `${item.ordinal.number}-${sub}`;
}

/** The reading of a structured document: its outline's headings, its body's items, the joins made. */
export function readingOf(document: Document, fixes: Fix[]): Reading {
  const result = outline(document, fixes);
  const items = document.children.filter((block) => block.type === 'item');
  return {
    title: result.title,
    headings: flatten(result.sections, []),
    items: items.map((item) => ({
      marker: item.ordinal.marker,
      number: itemNumber(item),
      title: item.title ? phrasingText(item.title) : null,
    })),
    joins: fixes.filter((fix) => fix.kind === 'broken-paragraph').map((fix) => fix.line),
    elements: [
      ...result.elements.map(({ kind, text }) => ({ kind, text })),
      // A page marker before or after the text left it for the document's metadata.
      ...fixes
        .filter((fix) => fix.kind === 'page-marker')
        .map((fix) => ({ kind: 'page-marker' as const, text: fix.before })),
    ],
  };
}

/** Parses and structures a gold document the way the command does. */
export function read(document: GoldDocument): Reading {
  const text = readDocumentText(document.path);
  const tree = document.path.endsWith('.txt') ? parsePlainText(text) : parse(text);
  const structured = structure(tree);
  return readingOf(structured.document, structured.fixes);
}

/** True positives, false positives, false negatives. */
export interface Count {
  tp: number;
  fp: number;
  fn: number;
}

const zero = (): Count => ({ tp: 0, fp: 0, fn: 0 });

function add(into: Count, count: Count): void {
  into.tp += count.tp;
  into.fp += count.fp;
  into.fn += count.fn;
}

/** The pairs of a longest common subsequence of two key lists (indices into each). */
export function alignKeys(gold: readonly string[], found: readonly string[]): [number, number][] {
  const n = gold.length;
  const m = found.length;
  // Lengths row by row, kept whole for the walk back (n × m is at most a few million here).
  const table: Uint16Array[] = [];
  for (let i = 0; i <= n; i++) table.push(new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = table[i] as Uint16Array;
    const below = table[i + 1] as Uint16Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = gold[i] === found[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (gold[i] === found[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (((table[i + 1] as Uint16Array)[j] as number) >= ((table[i] as Uint16Array)[j + 1] as number)) i++;
    else j++;
  }
  return pairs;
}

function countAligned(gold: readonly string[], found: readonly string[]): Count {
  const tp = alignKeys(gold, found).length;
  return { tp, fp: found.length - tp, fn: gold.length - tp };
}

/** The measures of one document, or of a genre added up. */
export interface Scores {
  documents: number;
  /** Headings by text and level. */
  headings: Count;
  /** Headings by text alone. */
  headingTexts: Count;
  /** Items by marker, number and whether they have a run-in title. */
  items: Count;
  /** Of the items matched by marker and number, how many have the gold's run-in title to the letter. */
  runInTitles: Count;
  joins: Count;
  elements: Count;
  /** Documents whose title was found (tp), missed or wrong (fn), found where the gold has none (fp). */
  titles: Count;
}

export function emptyScores(): Scores {
  return {
    documents: 0,
    headings: zero(),
    headingTexts: zero(),
    items: zero(),
    runInTitles: zero(),
    joins: zero(),
    elements: zero(),
    titles: zero(),
  };
}

export function addScores(into: Scores, scores: Scores): void {
  into.documents += scores.documents;
  for (const key of ['headings', 'headingTexts', 'items', 'runInTitles', 'joins', 'elements', 'titles'] as const) {
    add(into[key], scores[key]);
  }
}

const headingKey = (heading: GoldHeading) => `${heading.level}\t${normalise(heading.text)}`;
const itemKey = (item: GoldItem) => `${normalise(item.marker)}\t${item.number}`;
const itemKeyWithTitle = (item: GoldItem) => `${itemKey(item)}\t${item.title === null ? '-' : 'title'}`;
const elementKey = (element: GoldElement) => `${element.kind}\t${normalise(element.text)}`;

/** One document's scores. */
export function score(gold: Gold, reading: Reading): Scores {
  const scores = emptyScores();
  scores.documents = 1;
  scores.headings = countAligned(gold.headings.map(headingKey), reading.headings.map(headingKey));
  scores.headingTexts = countAligned(
    gold.headings.map((heading) => normalise(heading.text)),
    reading.headings.map((heading) => normalise(heading.text)),
  );
  scores.items = countAligned(gold.items.map(itemKeyWithTitle), reading.items.map(itemKeyWithTitle));
  for (const [i, j] of alignKeys(gold.items.map(itemKey), reading.items.map(itemKey))) {
    const want = gold.items[i]?.title ?? null;
    const got = reading.items[j]?.title ?? null;
    if (want === null && got === null) continue;
    if (want !== null && got !== null && normalise(want) === normalise(got)) scores.runInTitles.tp++;
    else {
      if (got !== null) scores.runInTitles.fp++;
      if (want !== null) scores.runInTitles.fn++;
    }
  }
  const goldJoins = new Set(gold.joins.map((join) => join.line));
  const foundJoins = new Set(reading.joins);
  for (const line of foundJoins) {
    if (goldJoins.has(line)) scores.joins.tp++;
    else scores.joins.fp++;
  }
  scores.joins.fn = goldJoins.size - scores.joins.tp;
  scores.elements = countAligned(gold.elements.map(elementKey), reading.elements.map(elementKey));
  if (gold.title !== null && reading.title !== null && normalise(gold.title) === normalise(reading.title)) {
    scores.titles.tp = 1;
  } else {
    if (gold.title !== null) scores.titles.fn = 1;
    if (reading.title !== null) scores.titles.fp = 1;
  }
  return scores;
}

/** Precision and recall; `null` where nothing was found or nothing was to be found. */
export function precision(count: Count): number | null {
  return count.tp + count.fp === 0 ? null : count.tp / (count.tp + count.fp);
}

export function recall(count: Count): number | null {
  return count.tp + count.fn === 0 ? null : count.tp / (count.tp + count.fn);
}

/** The differences between a gold and a reading, one line each, for finding what went wrong. */
export function differences(gold: Gold, reading: Reading): string[] {
  const lines: string[] = [];
  if (normalise(gold.title ?? '') !== normalise(reading.title ?? '')) {
    lines.push(`title: gold ${JSON.stringify(gold.title)}, read ${JSON.stringify(reading.title)}`);
  }
  const diff = <T>(label: string, want: T[], got: T[], key: (value: T) => string, show: (value: T) => string) => {
    const pairs = alignKeys(want.map(key), got.map(key));
    const matchedWant = new Set(pairs.map(([i]) => i));
    const matchedGot = new Set(pairs.map(([, j]) => j));
    want.forEach((value, index) => {
      if (!matchedWant.has(index)) lines.push(`${label} missed: ${show(value)}`);
    });
    got.forEach((value, index) => {
      if (!matchedGot.has(index)) lines.push(`${label} wrong:  ${show(value)}`);
    });
  };
  diff('heading', gold.headings, reading.headings, headingKey, (h) => `${h.level} ${h.text}`);
  diff('item', gold.items, reading.items, itemKeyWithTitle, (i) => `${i.marker} ${i.number} ${i.title ?? '-'}`);
  diff(
    'join',
    gold.joins.map((join) => join.line),
    reading.joins,
    String,
    (line) => `line ${line}`,
  );
  diff('element', gold.elements, reading.elements, elementKey, (e) => `${e.kind} ${e.text}`);
  return lines;
}
