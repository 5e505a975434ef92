import { describe, expect, it } from 'vitest';
import { base64Bytes, base64Text, latin1Bytes } from '../src/base64.js';

/** Node's decoder is the reference: the command read data: URLs with it before the core had its own. */
const node = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

describe('base64Bytes reads as Node does', () => {
  it('plain, padded, unpadded, URL-safe and wrapped text', () => {
    for (const text of [
      '',
      'QQ==',
      'QUI=',
      'QUJD',
      'QUJDRA',
      'iVBORw0KGgo=',
      'a-_b',
      'QU\nJD\r\nRA==',
      ' Q U J D ',
      'QUJD=RA==',
      'Q',
      'QUJDR',
    ]) {
      expect(base64Bytes(text), JSON.stringify(text)).toEqual(node(text));
    }
  });

  it('random strings over the alphabet and beyond it', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= \n%é中';
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 500; n++) {
      let text = '';
      const length = next() % 40;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      expect(base64Bytes(text), JSON.stringify(text)).toEqual(node(text));
    }
  });

  it('latin1Bytes keeps each character’s low byte', () => {
    for (const text of ['A B', 'é', '\u0100\u01ff', '中'])
      expect(latin1Bytes(text)).toEqual(new Uint8Array(Buffer.from(text, 'latin1')));
  });
});

describe('base64Text writes as Node does', () => {
  it('every length around the piece size', () => {
    for (const length of [0, 1, 2, 3, 4, 24575, 24576, 24577, 50000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) % 256);
      expect(base64Text(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});
