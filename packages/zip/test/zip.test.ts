import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, fflateCodec, packageOrder, zipEntryTime, zipPackage } from '../src/index.js';
import { zipPackage as nodeZip, zlibCodec } from '../src/node.js';

/** Name, DOS date and time, and method of each entry, from the central directory (APPNOTE.txt 4.3.12). */
function entryStamps(zip: Uint8Array): { name: string; time: number; date: number; method: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22; // the end of central directory record, without a comment
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const name = Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    out.push({
      name,
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

describe('zipPackage', () => {
  const entries = new Map<string, string | Uint8Array>([
    ['word/document.xml', '<w:document>正文</w:document>'],
    ['_rels/.rels', '<Relationships/>'],
    ['word/media/image1.png', new Uint8Array([137, 80, 78, 71, 0, 1, 2, 3])],
    ['[Content_Types].xml', '<Types/>'],
  ]);

  it('round-trips every entry, text as UTF-8', () => {
    const files = unzipSync(zipPackage(entries, Date.UTC(2024, 0, 2)));
    expect(Object.keys(files).sort()).toEqual([...entries.keys()].sort());
    expect(Buffer.from(files['word/document.xml'] as Uint8Array).toString('utf8')).toBe(
      '<w:document>正文</w:document>',
    );
    expect([...(files['word/media/image1.png'] as Uint8Array)]).toEqual([137, 80, 78, 71, 0, 1, 2, 3]);
  });

  it('writes [Content_Types].xml first, then _rels/.rels, then by name, all deflated', () => {
    const stamps = entryStamps(zipPackage(entries, Date.UTC(2024, 0, 2)));
    expect(stamps.map((s) => s.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/media/image1.png',
    ]);
    expect(new Set(stamps.map((s) => s.method))).toEqual(new Set([8]));
  });

  it('stamps every entry with the given date in UTC, whatever the time zone', () => {
    const stamps = entryStamps(zipPackage(entries, Date.UTC(2024, 0, 2, 13, 4, 6)));
    // DOS date: (year − 1980) << 9 | month << 5 | day; time: hours << 11 | minutes << 5 | seconds / 2.
    for (const stamp of stamps) {
      expect(stamp.date).toBe(((2024 - 1980) << 9) | (1 << 5) | 2);
      expect(stamp.time).toBe((13 << 11) | (4 << 5) | 3);
    }
  });

  it('is byte-identical for the same entries and date, in any insertion order', () => {
    const reversed = new Map([...entries].reverse());
    expect(Buffer.from(zipPackage(reversed, 0)).equals(Buffer.from(zipPackage(entries, 0)))).toBe(true);
  });

  it('dates before 1980 become 1980-01-01', () => {
    const time = zipEntryTime(0);
    expect([time.getFullYear(), time.getMonth(), time.getDate()]).toEqual([1980, 0, 1]);
  });

  it('orders names as Office does', () => {
    expect(packageOrder(['b', '_rels/.rels', 'a', '[Content_Types].xml'])).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'a',
      'b',
    ]);
  });
});

describe('the package bytes', () => {
  it('are a plain Uint8Array, not a Buffer (all three exporters return the same type)', () => {
    const bytes = zipPackage(new Map([['[Content_Types].xml', '<Types/>']]), Date.UTC(2020, 0, 1));
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect(Buffer.isBuffer(bytes)).toBe(false);
  });
});

describe('codecs', () => {
  const entries = new Map<string, string | Uint8Array>([
    ['[Content_Types].xml', '<Types/>'],
    ['word/document.xml', `<w:document>${'正文，第一段。'.repeat(2000)}</w:document>`],
    ['word/media/a.bin', new Uint8Array(5000).map((_, i) => (i * 7919) % 251)],
  ]);

  it('the core’s CRC-32 is zlib’s', async () => {
    const { crc32: zlibCrc } = await import('node:zlib');
    for (const value of entries.values()) {
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
      expect(crc32(bytes)).toBe(zlibCrc(bytes));
    }
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('fflate (the core) and zlib (the node entry) write the same entries, each reproducibly', () => {
    const date = Date.UTC(2024, 0, 1);
    const core = zipPackage(entries, date);
    const node = nodeZip(entries, date);
    expect(core).toEqual(zipPackage(entries, date, fflateCodec));
    expect(node).toEqual(zipPackage(entries, date, zlibCodec));
    const read = (zip: Uint8Array) => unzipSync(zip);
    expect(read(core)).toEqual(read(node));
    expect(Object.keys(read(core))).toEqual(['[Content_Types].xml', 'word/document.xml', 'word/media/a.bin']);
    expect(entryStamps(core)).toEqual(entryStamps(node));
  });
});
