/**
 * The held-out set of the Traditional editions and its wrong-word count (see `wrong-words.mjs`,
 * which prints it, and `test/held-out.test.mjs`, which holds the package to it).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parsePlainText, structure, toText } from '@wenshu/parser';
import { corpusDir, fixturesDir, hasCorpus } from '@wenshu/test-corpus';
import { chooseVocabulary, convertText, decideEdition, toCornerQuotes } from '@wenshu/zh';
import * as OpenCC from 'opencc-js';
import { differences, parseReviewed } from './differences.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const heldOut = join(fixturesDir, 'zh-held-out');
const reviewedFile = resolve(here, '../test/fixtures/reviewed-differences.tsv');
const rewordingsFile = resolve(here, '../test/fixtures/edition-rewordings.tsv');

/**
 * The held-out set. `subject`: what the text is (the target is judged on non-IT text).
 * `source`: a file of the shared corpus (`corpus`) or of the fixtures (`fixture`), Markdown or
 * plain text; `edition`: the published Traditional edition, line by line with the source.
 */
export const TEXTS = [
  {
    title: '2024 national government work report',
    subject: 'government',
    corpus: 'reports/gwr-2024-national-wikisource.txt',
  },
  {
    title: '2025 Sichuan government work report',
    subject: 'government',
    corpus: 'reports/2025-sichuan-gwr-extracted.txt',
  },
  {
    title: '1955 government work report',
    subject: 'government',
    corpus: 'reports/gwr-1955-national-wikisource-long.txt',
  },
  {
    title: 'Weifang departments 2023 (seed, a newspaper page)',
    subject: 'government',
    corpus: 'seed/weifang-2023-departments.md',
  },
  { title: 'PRC constitution', subject: 'legal', corpus: 'reports/prc-constitution-lawrefbook.md' },
  {
    title: 'SPC judicial interpretation (29 amendments)',
    subject: 'legal',
    corpus: 'reports/spc-2020-amendment-29-commercial-interpretations-ordinals.md',
  },
  {
    title: 'SPC/SPP criminal charges supplement 6',
    subject: 'legal',
    corpus: 'reports/spc-spp-criminal-charges-supplement-6-2015-gfm-table.md',
  },
  { title: 'US constitution (OpenCC golden input)', subject: 'legal', corpus: 'opencc/golden/us_constitution_zhs.txt' },
  {
    title: 'Xiong’an carrying capacity (ChinaXiv, geography)',
    subject: 'science',
    corpus: 'reports/chinaxiv-201711.02407-xiongan-mineru.md',
  },
  {
    title: 'VOA bilingual news, 2017-01-19 (two stories)',
    subject: 'news',
    fixture: 'voa-bilingual-news-20170119.txt',
  },
  {
    title: 'SRAM latch-up rates (ChinaXiv, space electronics)',
    subject: 'science',
    fixture: 'chinaxiv-201605.00174-sel.txt',
  },
  { title: 'Kubernetes overview (documentation)', subject: 'computing', fixture: 'kubernetes-overview.zh-cn.md' },
  {
    title: 'W3C clreq: page design (zh-hant edition)',
    subject: 'technical',
    fixture: 'clreq-page-design.zh-hans.txt',
    edition: 'clreq-page-design.zh-hant.txt',
  },
  {
    title: 'W3C clreq: writing modes (zh-hant edition)',
    subject: 'technical',
    fixture: 'clreq-writing-modes.zh-hans.txt',
    edition: 'clreq-writing-modes.zh-hant.txt',
  },
];

const s2twp = OpenCC.Converter({ from: 'cn', to: 'twp' });
const s2hk = OpenCC.Converter({ from: 'cn', to: 'hk' });

/** Non-white-space code points. */
function characters(text) {
  let count = 0;
  for (const ch of text) if (!/\s/u.test(ch)) count++;
  return count;
}

/** The text as the command line reads it, and the vocabulary `twp` decides for it. */
function read(path) {
  const source = readFileSync(path, 'utf8');
  // A text with a published edition is compared line by line: read as it is, one paragraph a line.
  if (path.endsWith('.zh-hans.txt')) {
    const text = source.replace(/\n$/, '');
    return { text, vocabulary: chooseVocabulary(text) };
  }
  const doc = path.endsWith('.md') ? structure(parse(source)).document : structure(parsePlainText(source)).document;
  const text = toText(doc);
  return { text, vocabulary: decideEdition(doc).vocabulary };
}

/** Differences of `a` against `b`, line by line (the two have the same lines). */
function lineDifferences(a, b) {
  const aLines = a.split('\n');
  const bLines = b.split('\n');
  if (aLines.length !== bLines.length) throw new Error(`line counts differ: ${aLines.length} and ${bLines.length}`);
  return aLines.flatMap((line, i) => differences(line, bLines[i] ?? ''));
}

function measureReviewed(entry, text, vocabulary, { reviewed, unreviewed, log }) {
  const opencc = s2twp(text);
  const wenshu = convertText(text, { variant: 'twp', vocabulary: vocabulary.vocabulary, quotes: 'keep' });
  let openccWrong = 0;
  let wenshuWrong = 0;
  for (const d of lineDifferences(opencc, wenshu)) {
    log(`  ${entry.title}: OpenCC ${d.a}, wenshu ${d.b}   …${d.context}…`);
    const verdict = reviewed.verdict(d);
    if (!verdict) {
      const key = `${d.a}\t${d.b}`;
      const seen = unreviewed.get(key) ?? { count: 0, context: d.context, text: entry.title };
      seen.count++;
      unreviewed.set(key, seen);
      continue;
    }
    if (verdict.wrong === 'opencc' || verdict.wrong === 'both') openccWrong++;
    if (verdict.wrong === 'wenshu' || verdict.wrong === 'both') wenshuWrong++;
  }
  return { openccWrong, wenshuWrong };
}

function measureEdition(entry, text, edition, vocabulary, variant, { rewordings, log }) {
  const openccConvert = variant === 'hk' ? s2hk : s2twp;
  const opencc = openccConvert(text);
  const wenshu = convertText(text, { variant, vocabulary: vocabulary.vocabulary, quotes: 'keep' });
  // Quotation marks are a choice of style, not a word: compared as 「」『』 on every side.
  const reference = toCornerQuotes(edition.replace(/\n$/, ''));
  const counted = (/** @type {{ a: string, b: string, context: string }} */ d) => !rewordings.has(d);
  const openccDiffs = lineDifferences(toCornerQuotes(opencc), reference).filter(counted);
  const wenshuDiffs = lineDifferences(toCornerQuotes(wenshu), reference).filter(counted);
  for (const [who, list] of [
    ['opencc', openccDiffs],
    ['wenshu', wenshuDiffs],
  ]) {
    for (const d of list) log(`  ${entry.title} [${variant} ${who}] ${d.a} → edition ${d.b}   …${d.context}…`);
  }
  return { openccWrong: openccDiffs.length, wenshuWrong: wenshuDiffs.length };
}

/**
 * Counts the wrong words of OpenCC and wenshu on every text of the set that is at hand (the corpus
 * texts only with the corpus). `log` receives each difference (the script's `--verbose`).
 * `rows`: the Taiwan editions; `hkRows`: Hong Kong editions (texts with a `.zh-hk.` edition);
 * `unreviewed`: differences without a verdict, by `a<TAB>b`.
 */
export function measure({ log = (/** @type {string} */ _line) => {} } = {}) {
  const context = {
    reviewed: parseReviewed(readFileSync(reviewedFile, 'utf8'), reviewedFile),
    rewordings: parseReviewed(readFileSync(rewordingsFile, 'utf8'), rewordingsFile),
    /** @type {Map<string, { count: number, context: string, text: string }>} */
    unreviewed: new Map(),
    log,
  };
  const rows = [];
  const hkRows = [];
  for (const entry of TEXTS) {
    if (entry.corpus && !hasCorpus) continue;
    const path = entry.corpus ? join(corpusDir, entry.corpus) : join(heldOut, entry.fixture ?? '');
    const { text, vocabulary } = read(path);
    const common = { ...entry, characters: characters(text), vocabulary: vocabulary.vocabulary };
    if (!entry.edition) {
      rows.push({ ...common, method: 'reviewed', ...measureReviewed(entry, text, vocabulary, context) });
      continue;
    }
    const edition = readFileSync(join(heldOut, entry.edition), 'utf8');
    const hk = entry.edition.includes('.zh-hk.');
    const counts = measureEdition(entry, text, edition, vocabulary, hk ? 'hk' : 'twp', context);
    (hk ? hkRows : rows).push({ ...common, method: 'edition', ...counts });
  }
  return { rows, hkRows, unreviewed: context.unreviewed };
}
