/**
 * Office files (DOCX, XLSX) are zip packages. Word and Excel write the same entries in a fixed order
 * with the time of writing; a reproducible package needs one fixed order and one fixed time, so the
 * same input and source date give the same bytes.
 *
 * Entries are deflated by Node's zlib rather than fflate's JavaScript deflate: the document part of
 * a large report runs to tens of megabytes, which zlib deflates several times faster. fflate writes
 * the zip structure around the deflated data (headers, CRCs, central directory). zlib's output is
 * fixed for a given zlib build, so the same Node gives the same bytes.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

/** A package's entries by path: XML parts as text (written as UTF-8), media as bytes. */
export type PackageEntries = ReadonlyMap<string, string | Uint8Array>;

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
export function zipPackage(entries: PackageEntries, date: number): Uint8Array {
  const mtime = zipEntryTime(date);
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const name of packageOrder(entries.keys())) {
    const value = entries.get(name) as string | Uint8Array;
    const data = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    // A custom entry (fflate's ZipInputFile) carries data compressed elsewhere: size and CRC are of
    // the uncompressed bytes, the chunk is the raw deflate stream.
    const entry: ZipInputFile = { filename: name, size: data.length, crc: crc32(data), compression: DEFLATE, mtime };
    zip.add(entry);
    entry.ondata?.(null, deflateRawSync(data, { level: 6 }), true);
  }
  zip.end();
  if (failure) throw failure;
  const joined = Buffer.concat(chunks);
  // A plain Uint8Array, as the PDF exporter returns: a Buffer would serialise, compare and print
  // differently (JSON, structuredClone, `instanceof Buffer`) from one exporter to the next.
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
}
