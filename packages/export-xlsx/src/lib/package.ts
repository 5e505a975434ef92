/**
 * Makes the package reproducible. exceljs's zip (archiver) stamps every entry with the current
 * time; here the entries are re-zipped with fflate in a fixed order with one fixed time.
 *
 * exceljs writes its entries stored (uncompressed), so reading them back is a copy, and they are
 * deflated once, by Node's zlib: for a large report the worksheet XML runs to tens of megabytes,
 * which fflate's JavaScript deflate takes seconds over and zlib a fraction of a second. zlib's output
 * is fixed for a given zlib build, so the same Node gives the same bytes.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, Zip, type ZipInputFile } from 'fflate';

/** The earliest time a zip entry can carry (MS-DOS dates start in 1980). */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 2);

/**
 * Zip entry times are local wall-clock fields; fflate reads them with the local-time getters. A
 * date shifted by the time zone offset gives the UTC fields, so the bytes do not depend on `TZ`.
 */
function zipTime(date: Date): Date {
  const ms = Math.max(date.getTime(), DOS_EPOCH);
  return new Date(ms + new Date(ms).getTimezoneOffset() * 60_000);
}

/** `[Content_Types].xml` first, as Excel writes it; then the package relationships; then by name. */
function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name === '_rels/.rels') return 1;
  return 2;
}

/** APPNOTE.txt 4.4.5: compression method 8 is deflate. */
const DEFLATE = 8;

export function finishPackage(zip: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(zip);
  const mtime = zipTime(date);
  const names = Object.keys(files).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));

  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const out = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const name of names) {
    const data = files[name] as Uint8Array;
    // A custom entry (fflate's ZipInputFile) carries data compressed elsewhere: size and CRC are of
    // the uncompressed bytes, the chunk is the raw deflate stream.
    const entry: ZipInputFile = { filename: name, size: data.length, crc: crc32(data), compression: DEFLATE, mtime };
    out.add(entry);
    entry.ondata?.(null, deflateRawSync(data, { level: 6 }), true);
  }
  out.end();
  if (failure) throw failure;

  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
