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
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir, hasCorpus } from '@wenshu/test-corpus';
import { measure } from './held-out.mjs';

const reviewedFile = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/reviewed-differences.tsv');
const args = new Set(process.argv.slice(2));
const verbose = args.has('--verbose');
const check = args.has('--check');

if (!hasCorpus) console.warn(`corpus not found at ${corpusDir}: its texts are left out of the table`);
const { rows, hkRows, unreviewed } = measure({ log: verbose ? (line) => console.log(line) : undefined });

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
