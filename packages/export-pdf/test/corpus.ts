/**
 * The shared test corpus lives beside the checkout (`../shared/corpus`), on CI too. Suites that
 * read it use `describeCorpus`, which skips with a message when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const corpusDir = resolve(repoRoot, '../shared/corpus');
export const hasCorpus = existsSync(corpusDir);

if (!hasCorpus) {
  console.warn(`[wenshu tests] corpus not found at ${corpusDir}: corpus suites are skipped`);
}

/** `describe` for suites that need the corpus; skipped (with the message above) without it. */
export const describeCorpus: typeof describe.skip = hasCorpus ? describe : describe.skip;

export function corpusPath(...parts: string[]): string {
  return join(corpusDir, ...parts);
}

export function readCorpus(...parts: string[]): string {
  return readFileSync(corpusPath(...parts), 'utf8');
}
