import { describe, expect, it } from 'vitest';
import { head } from '../../src/passes/phrasing.js';

describe('head', () => {
  it('keeps a text of at most the length whole', () => {
    expect(head('一二三', 3)).toBe('一二三');
    expect(head('', 3)).toBe('');
  });

  it('cuts a longer text after the length, with an ellipsis', () => {
    expect(head('一二三四', 3)).toBe('一二三…');
    expect(head('x'.repeat(100_000))).toBe(`${'x'.repeat(24)}…`);
  });

  it('counts a character outside the BMP as one and never cuts it in half', () => {
    expect(head('𠀀𠀁𠀂', 2)).toBe('𠀀𠀁…');
    expect(head('𠀀𠀁', 2)).toBe('𠀀𠀁');
  });
});
