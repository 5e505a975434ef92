/**
 * Golden files: `expectGolden(path, value)` compares with the stored JSON; run the tests with
 * `UPDATE=1` to write them anew (then read the diff before committing it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/passes');

export function readFixture(...parts: string[]): string {
  return readFileSync(join(fixturesDir, ...parts), 'utf8');
}

export function expectGolden(path: string, actual: unknown): void {
  const file = join(fixturesDir, path);
  const json = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE === '1') {
    writeFileSync(file, json);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file ${path} is missing: run the tests with UPDATE=1 to write it`);
  expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
