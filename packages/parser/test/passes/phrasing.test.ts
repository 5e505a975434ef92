import { describe, expect, it } from 'vitest';
import { characterCount } from '../../src/passes/characters.js';
import { head, tail } from '../../src/passes/phrasing.js';

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

describe('tail', () => {
  it('keeps a text of at most the length whole', () => {
    expect(tail('一二三', 3)).toBe('一二三');
    expect(tail('', 3)).toBe('');
  });

  it('keeps the last characters of a longer text, after an ellipsis', () => {
    expect(tail('一二三四', 3)).toBe('…二三四');
    expect(tail('x'.repeat(100_000))).toBe(`…${'x'.repeat(24)}`);
  });

  it('counts a character outside the BMP as one and never cuts it in half', () => {
    expect(tail('𠀀𠀁𠀂', 2)).toBe('…𠀁𠀂');
    expect(tail('a𠀀', 1)).toBe('…𠀀');
  });
});

describe('characterCount', () => {
  it('counts code points as the string iterator does: a pair is one, a lone surrogate is one', () => {
    for (const text of ['', '一二三', 'ab𠀀c', '𠀀𠀁', '\ud800', 'a\udc00b', '\ud800\ud800\udc00', '𠀀\ud800']) {
      expect(characterCount(text), JSON.stringify(text)).toBe([...text].length);
    }
  });
});
