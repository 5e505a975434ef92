/**
 * Base64 as Node's `Buffer.from(text, 'base64')` reads it, without Node: both alphabets (`+/` and
 * the URL-safe `-_`), anything else (spaces, line breaks in a wrapped data: URL) skipped, and the
 * first `=` ends the data. `atob` would refuse a wrapped URL that the command has always accepted.
 */
const VALUES = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => {
  VALUES[c.charCodeAt(0)] = i;
});
VALUES['-'.charCodeAt(0)] = 62;
VALUES['_'.charCodeAt(0)] = 63;

export function base64Bytes(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let length = 0;
  let bits = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d) break;
    const value = code < 128 ? (VALUES[code] as number) : -1;
    if (value < 0) continue;
    bits = (bits << 6) | value;
    count++;
    if (count === 4) {
      out[length++] = (bits >> 16) & 0xff;
      out[length++] = (bits >> 8) & 0xff;
      out[length++] = bits & 0xff;
      bits = 0;
      count = 0;
    }
  }
  // A last group of 2 or 3 characters holds 1 or 2 bytes; a lone character holds none.
  if (count === 2) out[length++] = (bits >> 4) & 0xff;
  if (count === 3) {
    out[length++] = (bits >> 10) & 0xff;
    out[length++] = (bits >> 2) & 0xff;
  }
  return out.slice(0, length);
}

/** Each character's low byte, as Node's `latin1` encoding writes a string. */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Base64 text of `bytes` (standard alphabet, padded), through `btoa` a piece at a time. */
export function base64Text(bytes: Uint8Array): string {
  const pieces: string[] = [];
  // 3 × 8,192 bytes: whole 3-byte groups, so the pieces' base64 joins without padding inside, and
  // few enough arguments for `String.fromCharCode`.
  const step = 3 * 8192;
  for (let i = 0; i < bytes.length; i += step) {
    pieces.push(btoa(String.fromCharCode(...bytes.subarray(i, i + step))));
  }
  return pieces.join('');
}
