/**
 * The shared test corpus lives beside the checkout (`../shared/corpus`), on CI too. Suites that
 * read it use `describeCorpus`, which skips with a message when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

// dist/index.js → packages/test-corpus → packages → the repository.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const corpusDir = resolve(repoRoot, '../shared/corpus');
export const hasCorpus = existsSync(corpusDir);

if (!hasCorpus) {
  console.warn(`[wenshu tests] corpus not found at ${corpusDir}: corpus suites are skipped`);
}

/**
 * `describe` for suites that need the corpus. Without it the suite is reported as skipped, and its
 * body is not run at all: vitest runs a skipped suite's body to collect its tests, and a body that
 * reads corpus files would fail.
 */
export function describeCorpus(name: string, body: () => void): void {
  if (hasCorpus) describe(name, body);
  else describe.skip(name, () => it(`needs the corpus at ${corpusDir}`, () => {}));
}

/**
 * Fixtures of the project's own (`fixtures/`): made up for its tests (a 公文 with every element), and
 * real documents the project added with their source and licence (`zh-held-out/SOURCES.md`).
 */
export const fixturesDir = resolve(repoRoot, 'packages/test-corpus/fixtures');

export function readFixture(name: string): string {
  return readFileSync(join(fixturesDir, name), 'utf8');
}

export function corpusPath(...parts: string[]): string {
  return join(corpusDir, ...parts);
}

export function readCorpus(...parts: string[]): string {
  return readFileSync(corpusPath(...parts), 'utf8');
}

export function readCorpusBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath(...parts)));
}

/** File names in a corpus folder ending with `extension`, sorted; empty without the corpus. */
export function listCorpus(folder: string, extension: string): string[] {
  if (!hasCorpus) return [];
  return readdirSync(corpusPath(folder))
    .filter((name) => name.endsWith(extension))
    .sort();
}
