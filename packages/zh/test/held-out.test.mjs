// The held-out set holds the Taiwan edition to the target: every difference from OpenCC is
// reviewed, wenshu makes at most a quarter of OpenCC's wrong words outside computing, and as many
// as OpenCC on computing text. (`pnpm --filter @wenshu/zh wrong-words` prints the table.)
import { describe, expect, it } from 'vitest';
import { measure } from '../scripts/held-out.mjs';

const { rows, unreviewed } = measure();
const total = (list, key) => list.reduce((sum, row) => sum + row[key], 0);

describe('the held-out set', () => {
  it('has every difference between wenshu and OpenCC reviewed (test/fixtures/reviewed-differences.tsv)', () => {
    expect([...unreviewed.keys()]).toEqual([]);
  });

  it('gives wenshu at most 25% of OpenCC’s wrong words outside computing', () => {
    const general = rows.filter((row) => row.subject !== 'computing');
    expect(general.length).toBeGreaterThan(0);
    expect(total(general, 'wenshuWrong')).toBeLessThanOrEqual(0.25 * total(general, 'openccWrong'));
  });

  it('gives wenshu as many wrong words as OpenCC on computing text (the vocabulary is decided `it`)', () => {
    const computing = rows.filter((row) => row.subject === 'computing');
    expect(computing.length).toBeGreaterThan(0);
    for (const row of computing) expect(row.vocabulary, row.title).toBe('it');
    expect(total(computing, 'wenshuWrong')).toBe(total(computing, 'openccWrong'));
  });

  it('decides the general vocabulary for every text outside computing', () => {
    for (const row of rows.filter((r) => r.subject !== 'computing')) expect(row.vocabulary, row.title).toBe('general');
  });
});
