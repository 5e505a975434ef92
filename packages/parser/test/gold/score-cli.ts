/**
 * `pnpm --filter @wenshu/parser score [--details] [ID-PREFIX…]`: scores the report passes on the gold
 * corpus and prints, per genre and overall, precision and recall of each measure. `--details` adds
 * each document's differences from its gold; a prefix (`legal`, `gwr/hubei`) picks documents.
 */
import { CANDIDATES_DIR, loadGoldCorpus } from './gold.js';
import {
  addScores,
  type Count,
  differences,
  emptyScores,
  precision,
  read,
  recall,
  type Scores,
  score,
} from './score.js';

const args = process.argv.slice(2);
const details = args.includes('--details');
const prefixes = args.filter((arg) => !arg.startsWith('--'));
// The candidates (read, gold-written, not yet read right) are scored as a genre of their own, apart
// from the corpus the floors hold to, so that what wenshu still gets wrong stays in sight.
const candidates = loadGoldCorpus(CANDIDATES_DIR).map((document) => ({
  ...document,
  id: `candidates/${document.id}`,
  genre: `${document.genre} (candidates)`,
}));
const documents = [...loadGoldCorpus(), ...candidates].filter(
  (document) => prefixes.length === 0 || prefixes.some((prefix) => document.id.startsWith(prefix)),
);

const percent = (value: number | null) => (value === null ? '   –  ' : `${(value * 100).toFixed(1).padStart(5)}%`);
const pair = (count: Count) => `${percent(precision(count))} ${percent(recall(count))}`;

const MEASURES: { key: keyof Omit<Scores, 'documents'>; label: string }[] = [
  { key: 'headings', label: 'headings (text+level)' },
  { key: 'headingTexts', label: 'headings (text)' },
  { key: 'items', label: 'items' },
  { key: 'runInTitles', label: 'run-in titles' },
  { key: 'joins', label: 'joins' },
  { key: 'titles', label: 'title' },
  { key: 'elements', label: 'elements' },
];

const byGenre = new Map<string, Scores>();
const overall = emptyScores();
const started = performance.now();
for (const document of documents) {
  const reading = read(document);
  const scores = score(document.gold, reading);
  const genre = byGenre.get(document.genre) ?? emptyScores();
  addScores(genre, scores);
  byGenre.set(document.genre, genre);
  if (!document.id.startsWith('candidates/')) addScores(overall, scores);
  if (details) {
    const lines = differences(document.gold, reading);
    console.log(`\n${document.id} (${lines.length === 0 ? 'no differences' : `${lines.length} differences`})`);
    for (const line of lines) console.log(`  ${line}`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const header = ['genre', 'docs', ...MEASURES.map((measure) => measure.label)];
const rows = [
  ...[...byGenre.keys()].sort().map((genre) => [genre, byGenre.get(genre) as Scores]),
  ['all', overall],
] as [string, Scores][];
console.log(
  `\nGold corpus: ${documents.length - candidates.length} documents (and ${candidates.length} candidates, scored apart, not in "all"), scored in ${seconds} s. Each cell: precision recall.`,
);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const [genre, scores] of rows) {
  console.log(
    `| ${genre} | ${scores.documents} | ${MEASURES.map((measure) => pair(scores[measure.key])).join(' | ')} |`,
  );
}
console.log(
  `\nCounts (all): headings ${overall.headings.tp + overall.headings.fn}, items ${overall.items.tp + overall.items.fn}, ` +
    `joins ${overall.joins.tp + overall.joins.fn}, titles ${overall.titles.tp + overall.titles.fn}, ` +
    `elements ${overall.elements.tp + overall.elements.fn} in the gold.`,
);
