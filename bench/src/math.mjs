#!/usr/bin/env node
/**
 * What typesetting formulas costs: a formula-heavy paper (the gold corpus's MinerU conversion of ChinaXiv
 * 201606.00082, 95 formulas) ×10, converted to DOCX and PDF with its formulas typeset, and with every
 * formula left as its TeX in the code face (the `math` and `inlineMath` nodes turned into `code` and
 * `inlineCode`, which is how the exporters showed formulas before). Median of 3 runs after a warm-up, in
 * this process; the warm-up of the typeset runs is shown too: it converts every distinct formula (later runs
 * find them in @wenshu/math's memo, as a document's repeated formulas do). `pnpm --filter @wenshu/bench math`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toDocx } from '@wenshu/export-docx';
import { toPdf } from '@wenshu/export-pdf';
import { parse, structure } from '@wenshu/parser';
import { REPO_DIR } from './inputs.mjs';

const PAPER = join(REPO_DIR, 'packages/parser/test/fixtures/real/ocr/chinaxiv-gmsk-phase-noise-mineru.md');
const SCALE = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10);

const source = Array.from({ length: SCALE }, () => readFileSync(PAPER, 'utf8')).join('\n\n');
const typeset = structure(parse(source)).document;

/** The same document with every formula as code: deep copy, math → code, inlineMath → inlineCode. */
function asText(node) {
  if (Array.isArray(node)) return node.map(asText);
  if (node === null || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, asText(value)]));
  if (copy.type === 'math') return { ...copy, type: 'code', lang: null, meta: null };
  if (copy.type === 'inlineMath') return { ...copy, type: 'inlineCode' };
  return copy;
}
const plain = asText(typeset);

let formulas = 0;
JSON.stringify(typeset, (_key, value) => {
  if (value && (value.type === 'math' || value.type === 'inlineMath')) formulas++;
  return value;
});

async function median(run) {
  const start = performance.now();
  await run();
  median.first = performance.now() - start;
  const times = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[1];
}

const rows = [];
for (const [format, convert] of [
  ['docx', (doc) => toDocx(doc, { sourceDateEpoch: 1_700_000_000 })],
  ['pdf', (doc) => toPdf(doc, { sourceDateEpoch: 1_700_000_000 })],
]) {
  const asTextMs = await median(() => convert(plain));
  const typesetMs = await median(() => convert(typeset));
  const firstMs = median.first;
  rows.push({
    format,
    formulas,
    'formulas as text (ms)': Math.round(asTextMs),
    'formulas typeset (ms)': Math.round(typesetMs),
    'typeset, first run (ms)': Math.round(firstMs),
    ratio: (typesetMs / asTextMs).toFixed(2),
  });
}
console.log(`paper ×${SCALE}: ${(source.length / 1024).toFixed(0)} K characters`);
console.table(rows);
