#!/usr/bin/env node
/**
 * Wrong words in the Taiwan (and Hong Kong) editions of real Simplified documents: wenshu against
 * raw opencc-js, per text, printed as the table of the package README.
 *
 *   pnpm --filter @wenshu/zh build && pnpm --filter @wenshu/zh wrong-words [--verbose] [--check]
 *
 * Two ways of counting, one per text (the table says which):
 * - `edition`: the text has a published Traditional edition (paragraph by paragraph). Each
 *   converter's output is compared with it, and every word where they differ is a wrong word,
 *   for OpenCC and wenshu alike: errors the two share count for both.
 * - `reviewed`: no published edition. The words where wenshu and OpenCC differ are looked up in
 *   the reviewed list (`test/fixtures/reviewed-differences.tsv`: which of the two is wrong, and
 *   why); errors the two share are not seen. A difference not yet reviewed is printed, and
 *   `--check` fails on it.
 * Quotation marks are compared as OpenCC leaves them (wenshu's 「」 is a separate choice), and so
 * is white space. Characters: the text's code points that are not white space.
 *
 * Texts come from the shared corpus (`../shared/corpus`, skipped with a message when absent) and
 * from `packages/test-corpus/fixtures/zh-held-out` (see its SOURCES.md).
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
const TEXTS = [
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
];

const args = new Set(process.argv.slice(2));
const verbose = args.has('--verbose');
const check = args.has('--check');

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

const reviewed = parseReviewed(readFileSync(reviewedFile, 'utf8'), reviewedFile);
const rewordings = parseReviewed(readFileSync(rewordingsFile, 'utf8'), rewordingsFile);
const rows = [];
const hkRows = [];
const unreviewed = new Map();

function measureReviewed(entry, text, vocabulary) {
  const opencc = s2twp(text);
  const wenshu = convertText(text, { variant: 'twp', vocabulary: vocabulary.vocabulary, quotes: 'keep' });
  let openccWrong = 0;
  let wenshuWrong = 0;
  for (const d of lineDifferences(opencc, wenshu)) {
    if (verbose) console.log(`  ${entry.title}: OpenCC ${d.a}, wenshu ${d.b}   …${d.context}…`);
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

function measureEdition(entry, text, edition, vocabulary, variant) {
  const openccConvert = variant === 'hk' ? s2hk : s2twp;
  const opencc = openccConvert(text);
  const wenshu = convertText(text, { variant, vocabulary: vocabulary.vocabulary, quotes: 'keep' });
  // Quotation marks are a choice of style, not a word: compared as 「」『』 on every side.
  const reference = toCornerQuotes(edition.replace(/\n$/, ''));
  const counted = (/** @type {{ a: string, b: string, context: string }} */ d) => !rewordings.has(d);
  const openccDiffs = lineDifferences(toCornerQuotes(opencc), reference).filter(counted);
  const wenshuDiffs = lineDifferences(toCornerQuotes(wenshu), reference).filter(counted);
  if (verbose) {
    for (const [who, list] of [
      ['opencc', openccDiffs],
      ['wenshu', wenshuDiffs],
    ]) {
      for (const d of list)
        console.log(`  ${entry.title} [${variant} ${who}] ${d.a} → edition ${d.b}   …${d.context}…`);
    }
  }
  return { openccWrong: openccDiffs.length, wenshuWrong: wenshuDiffs.length };
}

if (!hasCorpus) console.warn(`corpus not found at ${corpusDir}: its texts are left out of the table`);

for (const entry of TEXTS) {
  if (entry.corpus && !hasCorpus) continue;
  const path = entry.corpus ? join(corpusDir, entry.corpus) : join(heldOut, entry.fixture);
  const { text, vocabulary } = read(path);
  const common = { ...entry, characters: characters(text), vocabulary: vocabulary.vocabulary };
  if (!entry.edition) {
    rows.push({ ...common, method: 'reviewed', ...measureReviewed(entry, text, vocabulary) });
    continue;
  }
  const edition = readFileSync(join(heldOut, entry.edition), 'utf8');
  const target = entry.edition.includes('.zh-hk.') ? hkRows : rows;
  const variant = target === hkRows ? 'hk' : 'twp';
  target.push({ ...common, method: 'edition', ...measureEdition(entry, text, edition, vocabulary, variant) });
}

function per10k(count, chars) {
  return chars === 0 ? '0' : ((count / chars) * 10_000).toFixed(1).replace(/\.0$/, '');
}

function table(list, openccName, wenshuName) {
  const header = [
    'text',
    'subject',
    'vocabulary',
    'counted',
    'characters',
    `OpenCC ${openccName}`,
    'per 10,000',
    `wenshu ${wenshuName}`,
    'per 10,000',
  ];
  const body = list.map((r) => [
    r.title,
    r.subject,
    r.vocabulary,
    r.method,
    r.characters.toLocaleString('en'),
    String(r.openccWrong),
    per10k(r.openccWrong, r.characters),
    String(r.wenshuWrong),
    per10k(r.wenshuWrong, r.characters),
  ]);
  const sum = (/** @type {any[]} */ rs, key) => rs.reduce((n, r) => n + r[key], 0);
  for (const [label, rs] of [
    ['all but computing', list.filter((r) => r.subject !== 'computing')],
    ['computing', list.filter((r) => r.subject === 'computing')],
  ]) {
    if (rs.length === 0) continue;
    const chars = sum(rs, 'characters');
    body.push([
      label,
      '',
      '',
      '',
      chars.toLocaleString('en'),
      String(sum(rs, 'openccWrong')),
      per10k(sum(rs, 'openccWrong'), chars),
      String(sum(rs, 'wenshuWrong')),
      per10k(sum(rs, 'wenshuWrong'), chars),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)));
  const right = (i) => i >= 4;
  const line = (cells) =>
    `| ${cells.map((c, i) => (right(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (right(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`);
  for (const row of body) console.log(line(row));
}

table(rows, 's2twp', 'twp');
if (hkRows.length > 0) {
  console.log('');
  table(hkRows, 's2hk', 'hk');
}

if (unreviewed.size > 0) {
  console.log(`\n${unreviewed.size} differences not reviewed yet (add them to ${reviewedFile}):`);
  for (const [key, { count, context, text }] of [...unreviewed].sort((x, y) => y[1].count - x[1].count)) {
    console.log(`${key}\t×${count}\t${text}\t…${context}…`);
  }
  if (check) process.exitCode = 1;
}
