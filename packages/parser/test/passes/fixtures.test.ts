/**
 * Fixture cases: `test/fixtures/passes/cases/<case>/input.md` (or `input.txt`, read as plain text)
 * run through `structure`; `output.json` holds the blocks, the outline and the check. Regenerate
 * with `UPDATE=1` and read the diff.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, toText } from '../../src/index.js';
import { check, outline, structure } from '../../src/passes/index.js';
import { parsePlainText } from '../../src/plain-text.js';
import { expectGolden, fixturesDir, readFixture } from './golden.js';
import { blockLines, cjkSequence } from './helpers.js';

const casesDir = join(fixturesDir, 'cases');

describe('pass fixtures', () => {
  const names = readdirSync(casesDir).sort();

  it('has cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of names) {
    it(name, () => {
      const plain = existsSync(join(casesDir, name, 'input.txt'));
      const source = readFixture('cases', name, plain ? 'input.txt' : 'input.md');
      const parsed = plain ? parsePlainText(source) : parse(source);
      const { document, fixes } = structure(parsed);
      // Nothing but page markers leaves the text.
      const markers = fixes.filter((fix) => fix.kind === 'page-marker').map((fix) => fix.before);
      expect(cjkSequence(toText(document))).toBe(
        cjkSequence(markers.reduce((text, marker) => text.replace(marker, ''), toText(parsed))),
      );
      expectGolden(join('cases', name, 'output.json'), {
        blocks: blockLines(document),
        outline: outline(document, fixes),
        suspects: check(document, fixes).suspects,
      });
    });
  }
});
