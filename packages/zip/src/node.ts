/**
 * `@wenshu/zip` on Node (the `node` export condition, or `@wenshu/zip/node`): the core with Node's
 * zlib as its codec, several times faster than a JavaScript deflate on the tens of megabytes of a
 * long report's document part. zlib's output is fixed for a given zlib build, so the same Node
 * gives the same bytes.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { type PackageEntries, type ZipCodec, zipPackage as zipWith } from './index.js';

export * from './index.js';

/** Node's zlib: raw deflate at level 6, and its CRC-32. */
export const zlibCodec: ZipCodec = {
  deflateRaw: (data) => deflateRawSync(data, { level: 6 }),
  crc32: (data) => crc32(data),
};

/** Zips `entries` as the core does, deflated by zlib unless another codec is given. */
export function zipPackage(entries: PackageEntries, date: number, codec: ZipCodec = zlibCodec): Uint8Array {
  return zipWith(entries, date, codec);
}
