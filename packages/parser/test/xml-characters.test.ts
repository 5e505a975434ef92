import { describe, expect, it } from 'vitest';
import { hasNonXmlCharacter, parse, parsePlainText, toText, toXmlCharacters, type Warning } from '../src/index.js';

/** One of each kind XML 1.0 refuses, and the kinds it allows beside them. */
const REFUSED = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u001f',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
];
const ALLOWED = ['\t', '\u0085', '\u00a0', '\ud7ff', '\ue000', '\ufffd', '\ud83d\ude00', '\u{10ffff}', '\ufdd0'];

describe('characters XML cannot hold', () => {
  it('are found, and only they', () => {
    for (const char of REFUSED) expect(hasNonXmlCharacter(`a${char}b`), JSON.stringify(char)).toBe(true);
    for (const char of ALLOWED) expect(hasNonXmlCharacter(`a${char}b`), JSON.stringify(char)).toBe(false);
  });

  it('are dropped; form feed and vertical tab become spaces, half a surrogate pair U+FFFD', () => {
    expect(toXmlCharacters('正文\ufffe结束\u001b[2J')).toBe('正文结束[2J');
    expect(toXmlCharacters('一\f二\v三')).toBe('一 二 三');
    expect(toXmlCharacters('\ud83d\ude00 \ud83d \ude00')).toBe('\ud83d\ude00 \ufffd \ufffd');
  });

  it('are made safe by parse in every string of the tree, with one warning per character at its first place', () => {
    const warnings: Warning[] = [];
    const markdown =
      '# 标题\u0001\n\n正文\ufffe结束\ufffe。[链\u0002接](https://example.com/\u0003) ![图\uffff](a.png)\n\n`代\u0007码` &#xFFFE;\n';
    const document = parse(markdown, { onWarning: (warning) => warnings.push(warning) });
    const json = JSON.stringify(document);
    expect(hasNonXmlCharacter(toText(document))).toBe(false);
    for (const char of REFUSED) expect(json.includes(char), JSON.stringify(char)).toBe(false);
    expect(toText(document)).toContain('正文结束。');
    const mine = warnings.filter((warning) => warning.code === 'invalid-character');
    expect(mine.map((warning) => warning.message)).toEqual(
      expect.arrayContaining([
        'U+0001 (a control character) dropped: Word and Excel files cannot hold it',
        'U+FFFE (a noncharacter) 2 times, dropped: Word and Excel files cannot hold it',
      ]),
    );
    // The first U+FFFE is on line 3; positions still point into the source as written.
    const fffe = mine.find((warning) => warning.message.startsWith('U+FFFE'));
    expect(fffe?.position?.start.line).toBe(3);
  });

  it('are made safe by parsePlainText too', () => {
    const warnings: Warning[] = [];
    const document = parsePlainText('标题\n\n正文\ufffe结束\u0000。\n', {
      onWarning: (warning) => warnings.push(warning),
    });
    expect(toText(document)).toContain('正文结束。');
    expect(warnings.map((warning) => warning.code)).toEqual(['invalid-character', 'invalid-character']);
  });
});
