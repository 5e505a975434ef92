/**
 * Bytes of a report file → text, with the encoding detected.
 *
 * Reports reach us as UTF-8 (with or without a byte-order mark), as UTF-16 with a BOM (Windows
 * "Unicode" text), or in the two legacy Chinese encodings: GB18030/GBK (mainland) and Big5 (Taiwan,
 * Hong Kong). The order of the checks matters; each step is one that cannot be wrong in the common case:
 *
 * 1. A BOM is an explicit declaration: trust it, and report damage instead of guessing further.
 * 2. Known binary formats (PNG, PDF, DOCX, …) and NUL bytes are rejected with a message that says what
 *    the file is, because the usual mistake is passing the wrong file.
 * 3. Strict UTF-8 validation. GBK and Big5 text of more than a few characters is practically never valid
 *    UTF-8 (most of their byte pairs are ill-formed UTF-8), so a strict pass is a reliable positive.
 * 4. GB18030 against Big5. Both are byte-pair encodings over the same byte ranges, so most files decode
 *    in *both* without a single error (Big5 always decodes as GB18030). Validity cannot decide; only
 *    the result can: real Chinese text is dominated by a few hundred very common characters, while
 *    reading the bytes in the wrong encoding yields an even spread over thousands of rarer ones, plus
 *    private-use and compatibility characters. We score a sample of each reading (see `plausibility`),
 *    take the best one that clears a floor, and decode the whole file strictly in it.
 * 5. Nothing fits. A file that is valid UTF-8 except for a character cut at the very end, or except for a
 *    few bad bytes among many good multi-byte characters, is reported as damaged UTF-8 (its GB18030
 *    reading is mojibake, which step 4 rejects). Anything else is undecodable.
 *
 * The scoring uses character classes and a fixed list of common characters rather than a trained
 * statistical model: it is small and explainable, and the margin is wide. On the corpus reports the
 * right reading scores 0.78–0.87 and the wrong ones below −0.15; the floor is 0.25. ASCII does not vote,
 * so Big5 files whose unencodable characters became `?` still score on their Chinese. Over every
 * eight-character window of the corpus reports, each window encoded on its own, all were read right;
 * inputs of two to four characters can still be ambiguous (or even valid UTF-8).
 *
 * GB18030 is reported for GBK and GB2312 files too (it is a superset of both). Line breaks are
 * normalised on the bytes before decoding (`withLfBytes`), which keeps 20 MB well under a second.
 */

import { plausibility } from './lib/chinese-plausibility.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface Decoded {
  /** The text without a BOM, with CRLF and lone CR turned into LF. */
  text: string;
  encoding: Encoding;
  /** Whether the input started with a byte-order mark. */
  bom: boolean;
}

export interface DecodeOptions {
  /** Used in error messages only. */
  fileName?: string;
}

/**
 * - `binary`: a known binary format, or NUL bytes
 * - `utf16-without-bom`: UTF-16 text with no byte-order mark (not supported: it cannot be told apart reliably)
 * - `truncated-utf8`: valid UTF-8 up to a character cut off at the end of the file
 * - `invalid-utf8`: UTF-8 (by its BOM, or by the great majority of its bytes) with invalid byte sequences
 * - `undecodable`: none of the supported encodings reads it as text
 */
export type DecodeErrorReason = 'binary' | 'utf16-without-bom' | 'truncated-utf8' | 'invalid-utf8' | 'undecodable';

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  readonly reason: DecodeErrorReason;
  readonly fileName?: string;

  constructor(reason: DecodeErrorReason, problem: string, fileName?: string) {
    super(fileName ? `${fileName}: ${problem}` : problem);
    this.reason = reason;
    if (fileName !== undefined) this.fileName = fileName;
  }
}

type Fail = (reason: DecodeErrorReason, problem: string) => DecodeError;

/** Detects the encoding of `bytes` and decodes them. Throws `DecodeError` for binary or unreadable input. */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const fail: Fail = (reason, problem) => new DecodeError(reason, problem, options.fileName);
  const bom = BOMS.find((candidate) => startsWith(bytes, candidate.bytes));
  if (bom && bom.encoding !== 'utf-8') return decodeUtf16(bytes.subarray(bom.bytes.length), bom.encoding, fail);

  const body = bom ? bytes.subarray(bom.bytes.length) : bytes;
  if (body.length === 0) return { text: '', encoding: 'utf-8', bom: Boolean(bom) };
  const binary = bom ? nulBytes(body) : sniffBinary(body);
  if (binary) throw fail(binary.reason, binary.problem);

  const lines = withLfBytes(body);
  const utf8 = decodeStrict('utf-8', lines);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: Boolean(bom) };
  if (bom) {
    // The BOM declares UTF-8: every failure is damage, never a reason to try GB18030.
    throw utf8DamageError(lines, scanUtf8(lines, false), 'has a UTF-8 byte-order mark but ', fail);
  }

  const readings = rankLegacyReadings(lines);
  for (const { encoding } of readings) {
    const text = decodeStrict(encoding, lines);
    if (text !== undefined) return { text, encoding, bom: false };
  }
  // Checked after the legacy readings, so that a few characters of GBK whose bytes happen to look
  // like UTF-8 cut short are still read as GBK; real damaged UTF-8 never reads as plausible Chinese.
  const scan = scanUtf8(lines);
  if (isDamagedUtf8(scan)) throw utf8DamageError(lines, scan, 'is UTF-8 but ', fail);
  throw legacyError(lines, readings[0], fail);
}

const BOMS: ReadonlyArray<{ encoding: Encoding; bytes: readonly number[] }> = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function decodeUtf16(body: Uint8Array, encoding: Encoding, fail: Fail): Decoded {
  const text = decodeStrict(encoding, body);
  const name = encoding === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)';
  if (text === undefined) {
    const what = body.length % 2 === 1 ? 'ends in the middle of a character' : 'contains an unpaired surrogate';
    throw fail('undecodable', `is ${name} by its byte-order mark but ${what}; the file may be damaged`);
  }
  if (text.includes('\u0000')) throw fail('binary', `is ${name} but contains NUL characters; it is not a text report`);
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, encoding, bom: true };
}

/**
 * CRLF and lone CR → LF, on the bytes. In UTF-8, GB18030 and Big5 the bytes 0x0D and 0x0A only ever
 * stand for CR and LF (every byte of a multi-byte character is ≥ 0x30), so this changes no character,
 * and a sequence made invalid by a CR stays invalid with an LF in its place. On a 20 MB file with
 * Windows line ends it is several times faster than a regular expression over the decoded text.
 */
function withLfBytes(bytes: Uint8Array): Uint8Array {
  let cr = bytes.indexOf(0x0d);
  if (cr < 0) return bytes;
  const out = new Uint8Array(bytes.length);
  let read = 0;
  let write = 0;
  while (cr >= 0) {
    out.set(bytes.subarray(read, cr), write);
    write += cr - read;
    if (bytes[cr + 1] !== 0x0a) out[write++] = 0x0a;
    read = cr + 1;
    cr = bytes.indexOf(0x0d, read);
  }
  out.set(bytes.subarray(read), write);
  return out.subarray(0, write + bytes.length - read);
}

/* ------------------------------------------------------------------------------------------------
 * Binary files
 * --------------------------------------------------------------------------------------------- */

const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

/** Signatures of the files most often passed by mistake, so the message can say what the file is. */
const MAGIC: ReadonlyArray<{ kind: string; bytes: readonly number[] }> = [
  { kind: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'GIF image', bytes: ascii('GIF8') },
  { kind: 'PDF document', bytes: ascii('%PDF-') },
  { kind: 'ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'gzip archive', bytes: [0x1f, 0x8b] },
  { kind: 'legacy Office document, .doc or .xls', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

/** Office Open XML files are ZIP archives whose part names say which application wrote them. */
const OOXML_PARTS: ReadonlyArray<{ kind: string; part: string }> = [
  { kind: 'Word document, .docx', part: 'word/' },
  { kind: 'Excel workbook, .xlsx', part: 'xl/' },
  { kind: 'PowerPoint presentation, .pptx', part: 'ppt/' },
];

interface Problem {
  reason: DecodeErrorReason;
  problem: string;
}

function sniffBinary(bytes: Uint8Array): Problem | undefined {
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) {
    const kind = magic.kind === 'ZIP archive' ? describeZip(bytes) : magic.kind;
    return { reason: 'binary', problem: `looks like a binary file (${kind}), not a text report` };
  }
  if (!bytes.includes(0)) return undefined;
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    return {
      reason: 'utf16-without-bom',
      problem: `looks like UTF-16 (${utf16}) text without a byte-order mark, which is not supported; save it as UTF-8`,
    };
  }
  return nulBytes(bytes);
}

function nulBytes(bytes: Uint8Array): Problem | undefined {
  if (!bytes.includes(0)) return undefined;
  return { reason: 'binary', problem: 'looks like a binary file (it contains NUL bytes), not a text report' };
}

function describeZip(bytes: Uint8Array): string {
  // Part names are stored as plain ASCII in the local headers and again in the central directory.
  if (!includesAscii(bytes, '[Content_Types].xml')) return 'ZIP archive';
  return OOXML_PARTS.find(({ part }) => includesAscii(bytes, part))?.kind ?? 'Office document, a ZIP archive';
}

/**
 * UTF-16 text with ASCII in it has a NUL in every ASCII code unit, always on the same side of the pair
 * (odd offsets in little-endian, even in big-endian), and the byte beside it is printable ASCII. Binary
 * formats have NULs on both sides. Returns the byte order, or undefined when the pattern is not there.
 */
function utf16WithoutBom(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  const sample = bytes.subarray(0, 64 * 1024);
  const nulsAt = [0, 0];
  const textBeside = [0, 0];
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    const parity = i % 2;
    nulsAt[parity] = (nulsAt[parity] ?? 0) + 1;
    const partner = sample[parity === 1 ? i - 1 : i + 1] ?? 0;
    if (partner === 0x09 || partner === 0x0a || partner === 0x0d || (partner >= 0x20 && partner < 0x7f)) {
      textBeside[parity] = (textBeside[parity] ?? 0) + 1;
    }
  }
  const [even = 0, odd = 0] = nulsAt;
  const side = odd >= even ? 1 : 0;
  const onSide = Math.max(even, odd);
  if (onSide < 2 || onSide < 0.8 * (even + odd) || (textBeside[side] ?? 0) < 0.8 * onSide) return undefined;
  return side === 1 ? 'little-endian' : 'big-endian';
}

/* ------------------------------------------------------------------------------------------------
 * UTF-8
 * --------------------------------------------------------------------------------------------- */

interface Utf8Scan {
  /** Well-formed sequences of 2–4 bytes: evidence that the file is UTF-8. */
  multibyte: number;
  /** Ill-formed sequences (each maximal bad subpart counts once). */
  invalid: number;
  /** Byte offset of the first ill-formed sequence, or of the cut character. */
  firstBad: number;
  /** The file ends inside a sequence that was well-formed so far. */
  cutAtEnd: boolean;
}

/** At most one bad sequence per this many good multi-byte ones for a file to count as damaged UTF-8. */
const DAMAGED_UTF8_RATIO = 50;
const DAMAGED_UTF8_MIN_MULTIBYTE = 16;

/**
 * Byte-level UTF-8 validation (Unicode 15, table 3-7) that counts instead of stopping, to tell damaged
 * UTF-8 from other encodings in error messages. It gives up early once the input is clearly not
 * mostly UTF-8.
 */
function scanUtf8(bytes: Uint8Array, stopEarly = true): Utf8Scan {
  const scan: Utf8Scan = { multibyte: 0, invalid: 0, firstBad: -1, cutAtEnd: false };
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const [length, secondMin, secondMax] = utf8Sequence(lead);
    let k = 1;
    while (k < length) {
      const byte = bytes[i + k];
      if (byte === undefined) break;
      const [min, max] = k === 1 ? [secondMin, secondMax] : [0x80, 0xbf];
      if (byte < min || byte > max) break;
      k++;
    }
    if (length > 0 && k === length) {
      scan.multibyte++;
      i += length;
      continue;
    }
    if (scan.firstBad < 0) scan.firstBad = i;
    if (length > 0 && i + k === bytes.length) {
      scan.cutAtEnd = true;
      break;
    }
    scan.invalid++;
    i += Math.max(k, 1);
    if (stopEarly && scan.invalid >= 16 && scan.invalid * DAMAGED_UTF8_RATIO > scan.multibyte) break;
  }
  return scan;
}

/** Expected length of the sequence a lead byte starts, and the range allowed for its second byte. */
function utf8Sequence(lead: number): [length: number, secondMin: number, secondMax: number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f]; // no UTF-16 surrogates
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f]; // nothing above U+10FFFF
  return [0, 0, 0];
}

/**
 * Whether a file without a BOM that is neither valid UTF-8 nor plausible GB18030/Big5 is UTF-8, damaged.
 * - Cut last character: an error, not a silent repair. A file that stops mid-character was almost
 *   certainly cut off (an interrupted download or copy) and has lost more than that character; the
 *   reader should know. This needs at least one good multi-byte character before the cut: after pure
 *   ASCII, a dangling lead byte is as likely the start of a GB18030 or Big5 character.
 * - A few bad sequences among many good multi-byte characters: damaged UTF-8. Real GBK text also
 *   contains byte pairs that happen to be valid UTF-8, but about one for every few bad ones, never
 *   fifty good ones for one bad one.
 */
function isDamagedUtf8(scan: Utf8Scan): boolean {
  if (scan.invalid === 0 && scan.cutAtEnd) return scan.multibyte > 0;
  const bad = scan.invalid + (scan.cutAtEnd ? 1 : 0);
  return scan.multibyte >= DAMAGED_UTF8_MIN_MULTIBYTE && bad * DAMAGED_UTF8_RATIO <= scan.multibyte;
}

function utf8DamageError(bytes: Uint8Array, scan: Utf8Scan, opening: string, fail: Fail): DecodeError {
  const line = lineOfByte(bytes, scan.firstBad);
  if (scan.invalid === 0 && scan.cutAtEnd) {
    return fail('truncated-utf8', `${opening}ends in the middle of a character (line ${line}); the file looks cut off`);
  }
  const bad = scan.invalid + (scan.cutAtEnd ? 1 : 0);
  const sequences = bad === 1 ? 'an invalid byte sequence' : `${bad} invalid byte sequences`;
  return fail('invalid-utf8', `${opening}has ${sequences} (the first on line ${line}); the file may be damaged`);
}

/* ------------------------------------------------------------------------------------------------
 * GB18030 and Big5
 * --------------------------------------------------------------------------------------------- */

const LEGACY: readonly Encoding[] = ['gb18030', 'big5']; // on a tie, the mainland encoding
const LEGACY_NAMES: Record<string, string> = { gb18030: 'GB18030 (GBK)', big5: 'Big5' };

/** Enough for thousands of characters, so that scoring costs the same for 20 KB and 20 MB. */
const SAMPLE_BYTES = 64 * 1024;

/** Readings scoring below this are not Chinese text (see the top of the file for measured scores). */
const PLAUSIBILITY_FLOOR = 0.25;

interface LegacyReading {
  encoding: Encoding;
  score: number;
}

/** The GB18030 and Big5 readings that look like Chinese text, the most plausible first. */
function rankLegacyReadings(bytes: Uint8Array): LegacyReading[] {
  // Start the sample at the first non-ASCII byte: everything before it reads the same in both
  // encodings, and a byte that follows pure ASCII is always the first byte of a character.
  const firstHigh = bytes.findIndex((byte) => byte >= 0x80);
  if (firstHigh < 0) return [];
  const sample = bytes.subarray(firstHigh, firstHigh + SAMPLE_BYTES);
  return LEGACY.map((encoding) => ({ encoding, score: plausibility(decodeSample(encoding, sample)) }))
    .filter((reading) => reading.score >= PLAUSIBILITY_FLOOR)
    .sort((a, b) => b.score - a.score);
}

function legacyError(bytes: Uint8Array, best: LegacyReading | undefined, fail: Fail): DecodeError {
  if (best) {
    const loose = new TextDecoder(best.encoding).decode(bytes);
    const line = lineOfIndex(loose, loose.indexOf('\uFFFD'));
    return fail(
      'undecodable',
      `looks like ${LEGACY_NAMES[best.encoding]} text but has bytes that are not valid in it (the first on line ${line}); the file may be damaged`,
    );
  }
  return fail(
    'undecodable',
    'is not valid UTF-8 and does not read as Chinese text in GB18030 or Big5 either; it may use another encoding (such as Latin-1 or Windows-1252): save it as UTF-8',
  );
}

/**
 * Non-fatal on purpose: a strict decoder only says yes or no, while counting replacement characters
 * lets one bad byte cost a little instead of everything. `stream` keeps a character cut by the end of
 * the sample from counting as an error. The final decode of the whole file is strict.
 */
function decodeSample(encoding: Encoding, sample: Uint8Array): string {
  return new TextDecoder(encoding).decode(sample, { stream: true });
}

/* ------------------------------------------------------------------------------------------------
 * Helpers
 * --------------------------------------------------------------------------------------------- */

function decodeStrict(encoding: Encoding, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: a BOM has already been removed by the caller; anything left is content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function includesAscii(bytes: Uint8Array, text: string): boolean {
  const needle = ascii(text);
  const first = needle[0];
  for (let i = bytes.indexOf(first ?? 0); i >= 0; i = bytes.indexOf(first ?? 0, i + 1)) {
    if (needle.every((byte, k) => bytes[i + k] === byte)) return true;
  }
  return false;
}

/** 1-based line of a byte offset, counting LF bytes (the same in every encoding we accept there). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
