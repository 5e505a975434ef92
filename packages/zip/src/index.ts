/**
 * Office files (DOCX, XLSX) are zip packages. Word and Excel write the same entries in a fixed order
 * with the time of writing; a reproducible package needs one fixed order and one fixed time, so the
 * same input and source date give the same bytes.
 *
 * This is the core, for any JavaScript platform: entries are deflated by the codec it is given, by
 * default fflate's deflate. On Node, `@wenshu/zip` resolves to `node.ts` (the `node` export
 * condition), whose codec is Node's zlib: the document part of a large report runs to tens of
 * megabytes, which zlib deflates several times faster. The two deflaters write different (equally
 * valid) bytes; each is fixed for a given build, so the same platform gives the same bytes. fflate
 * writes the zip structure around the deflated data (headers, CRCs, central directory).
 */
import { deflateSync, Zip, type ZipInputFile } from 'fflate';

/** A package's entries by path: XML parts as text (written as UTF-8), media as bytes. */
export type PackageEntries = ReadonlyMap<string, string | Uint8Array>;

/** How entries are compressed: raw DEFLATE (RFC 1951) at level 6, and the CRC-32 of the uncompressed bytes. */
export interface ZipCodec {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (ISO 3309, the zip format's), as zlib computes it. */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The codec of the core: fflate's deflate, in JavaScript. */
export const fflateCodec: ZipCodec = {
  deflateRaw: (data) => deflateSync(data, { level: 6 }),
  crc32,
};

const utf8 = new TextEncoder();

/** The earliest time a zip entry can carry (MS-DOS dates start in 1980). */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 2);

/** APPNOTE.txt 4.4.5: compression method 8 is deflate. */
const DEFLATE = 8;

/**
 * Zip entry times are local wall-clock fields, which fflate reads with the local-time getters
 * (`getHours()`…). The instant is shifted so that those getters give the UTC fields, and the bytes
 * do not depend on the machine's time zone. Dates before 1980 become 1980-01-01.
 */
export function zipEntryTime(date: number): Date {
  const ms = Math.max(date, DOS_EPOCH);
  return new Date(ms + new Date(ms).getTimezoneOffset() * 60_000);
}

/** `[Content_Types].xml` first, as Office writes it; then the package relationships; then by name. */
function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name === '_rels/.rels') return 1;
  return 2;
}

/** The entry names in package order. */
export function packageOrder(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Zips `entries` in package order, each deflated (level 6) and stamped with `date` (milliseconds
 * since 1970, UTC).
 */
export function zipPackage(entries: PackageEntries, date: number, codec: ZipCodec = fflateCodec): Uint8Array {
  const mtime = zipEntryTime(date);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const name of packageOrder(entries.keys())) {
    const value = entries.get(name) as string | Uint8Array;
    const data = typeof value === 'string' ? utf8.encode(value) : value;
    // A custom entry (fflate's ZipInputFile) carries data compressed elsewhere: size and CRC are of
    // the uncompressed bytes, the chunk is the raw deflate stream.
    const entry: ZipInputFile = {
      filename: name,
      size: data.length,
      crc: codec.crc32(data),
      compression: DEFLATE,
      mtime,
    };
    zip.add(entry);
    entry.ondata?.(null, codec.deflateRaw(data) as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  // A plain Uint8Array, as the PDF exporter returns: a Buffer would serialise, compare and print
  // differently (JSON, structuredClone, `instanceof Buffer`) from one exporter to the next.
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}
