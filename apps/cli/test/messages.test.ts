/** Issue 18: what the command says is safe to print and exact. */
import { describe, expect, it } from 'vitest';
import { overLimit } from '../src/lib/limits.js';
import { safeForTerminal } from '../src/lib/messages.js';
import { countRepeats, withRepeats } from '../src/lib/report.js';
import { describeSystemError } from '../src/lib/system-errors.js';

const MB = 1024 * 1024;

describe('safeForTerminal', () => {
  it('escapes controls, DEL, C1 controls and bidirectional overrides, and nothing else', () => {
    expect(safeForTerminal('a\u001b]0;title\u0007b')).toBe('a\\x1B]0;title\\x07b');
    expect(safeForTerminal('x\u001b[2Jy\tz\n')).toBe('x\\x1B[2Jy\\tz\\n');
    expect(safeForTerminal('\u007f\u009b\u202egpj.exe\u2066')).toBe('\\x7F\\x9B\\u202Egpj.exe\\u2066');
    expect(safeForTerminal('报告 «一、» 😀 é')).toBe('报告 «一、» 😀 é');
  });
});

describe('overLimit', () => {
  it('shows a size and its limit with enough digits to differ', () => {
    expect(overLimit(200 * MB + 1, 200 * MB)).toBe(
      'is 200.000001 MB, over the 200 MB limit (raise it with --max-size)',
    );
    expect(overLimit(250 * MB, 200 * MB)).toBe('is 250 MB, over the 200 MB limit (raise it with --max-size)');
    expect(overLimit(1.5 * MB, 1.25 * MB)).toBe('is 1.5 MB, over the 1.3 MB limit (raise it with --max-size)');
  });

  it('counts bytes below a megabyte, where "0.0 MB over the 0.0 MB limit" said nothing', () => {
    expect(overLimit(20, 10)).toBe('is 20 bytes, over the limit of 10 bytes (raise it with --max-size)');
    expect(overLimit(12_345, 1_049)).toBe('is 12,345 bytes, over the limit of 1,049 bytes (raise it with --max-size)');
  });
});

describe('describeSystemError', () => {
  it('says a system error in words', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(describeSystemError(error('EEXIST'))).toBe('a file of that name already exists');
    expect(describeSystemError(error('ENOSPC'))).toBe('no space left on the device');
    expect(describeSystemError(error('EACCES'))).toBe('permission denied');
    expect(describeSystemError(error('EWHATEVER'))).toBe('system error EWHATEVER');
    expect(describeSystemError(new Error('plain'))).toBe('plain');
  });
});

describe('countRepeats', () => {
  it('keeps the first of each message, in order, with how many more there are', () => {
    const warnings = [
      { message: 'too deep', line: 1 },
      { message: 'other', line: 2 },
      ...Array.from({ length: 2_939 }, (_, i) => ({ message: 'too deep', line: i + 3 })),
    ];
    const counted = countRepeats(warnings);
    expect(counted).toEqual([
      { warning: { message: 'too deep', line: 1 }, more: 2_939 },
      { warning: { message: 'other', line: 2 }, more: 0 },
    ]);
    expect(withRepeats('f.md:1: warning: too deep', 2_939)).toBe(
      'f.md:1: warning: too deep … and 2,939 more like this',
    );
    expect(withRepeats('f.md:2: warning: other', 0)).toBe('f.md:2: warning: other');
  });
});
