/**
 * decode(): encoding detection on the shared corpus, and on small inputs built here. GB18030 and Big5
 * fixtures are made by encoders that invert Node's own decoders over every two-byte code, so the tests
 * need no encoding library and the bytes are exactly what those encodings write.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DecodeError, decode } from '../src/index.js';
import { corpusPath, describeCorpus, readCorpus, readCorpusBytes } from './corpus.js';

type Encoder = ReadonlyMap<string, readonly [number, number]>;

function invertTwoByteDecoder(
  encoding: 'gb18030' | 'big5',
  leads: readonly [number, number],
  trails: ReadonlyArray<readonly [number, number]>,
  accept: (code: number) => boolean = () => true,
): Encoder {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const table = new Map<string, readonly [number, number]>();
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [first, last] of trails) {
      for (let trail = first; trail <= last; trail++) {
        if (!accept((lead << 8) | trail)) continue;
        let ch: string;
        try {
          ch = decoder.decode(Uint8Array.of(lead, trail));
        } catch {
          continue;
        }
        if ([...ch].length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
  }
  return table;
}

const GBK = invertTwoByteDecoder(
  'gb18030',
  [0x81, 0xfe],
  [
    [0x40, 0x7e],
    [0x80, 0xfe],
  ],
);

/**
 * Big5 proper: symbols A140–A3BF and the two Hanzi blocks A440–C67E, C940–F9D5. Node's decoder also
 * reads the ETEN extensions and HKSCS, but Big5 encoders such as the one that wrote the corpus file
 * do not produce them (its 裏 became `?` although F9D8 decodes to 裏).
 */
const BIG5 = invertTwoByteDecoder(
  'big5',
  [0xa1, 0xf9],
  [
    [0x40, 0x7e],
    [0xa1, 0xfe],
  ],
  (code) =>
    (code >= 0xa140 && code <= 0xa3bf) || (code >= 0xa440 && code <= 0xc67e) || (code >= 0xc940 && code <= 0xf9d5),
);

/** Encodes `text`; characters the table lacks become `replacement`, or throw when there is none. */
function encodeWith(table: Encoder, text: string, replacement?: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const pair = table.get(ch);
    if (cp < 0x80) bytes.push(cp);
    else if (pair) bytes.push(...pair);
    else if (replacement !== undefined) bytes.push(replacement.charCodeAt(0));
    else throw new Error(`no two-byte code for ${ch}`);
  }
  return Uint8Array.from(bytes);
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function utf16be(text: string): Uint8Array {
  const bytes = [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff);
  return Uint8Array.from(bytes);
}

function concat(...parts: ReadonlyArray<ArrayLike<number>>): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => Array.from(part)));
}

/** The error `decode` throws for `bytes`; fails the test when it decodes instead. */
function decodeError(bytes: Uint8Array, fileName?: string): DecodeError {
  try {
    const decoded = decode(bytes, fileName === undefined ? {} : { fileName });
    throw new Error(`expected a DecodeError, got ${decoded.encoding}: ${JSON.stringify(decoded.text.slice(0, 40))}`);
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    return error as DecodeError;
  }
}

const lf = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

describeCorpus('decode: corpus/encodings', () => {
  const sameText = [
    {
      file: 'gwr-2024.gb18030.txt',
      original: 'reports/gwr-2024-national-wikisource.txt',
      encoding: 'gb18030',
      bom: false,
    },
    {
      file: 'spc-table.utf16le-bom.md',
      original: 'reports/spc-spp-criminal-charges-supplement-6-2015-gfm-table.md',
      encoding: 'utf-16le',
      bom: true,
    },
    { file: 'weifang.utf8-bom.md', original: 'seed/weifang-2023-departments.md', encoding: 'utf-8', bom: true },
  ] as const;
  const big5 = { file: 'gwr-1954.big5.txt', original: 'reports/gwr-1954-national-wikisource-traditional.txt' };

  it('has a test for every file in the folder', () => {
    const tested = [...sameText.map((c) => c.file), big5.file].sort();
    expect(readdirSync(corpusPath('encodings')).sort()).toEqual(tested);
  });

  it('compares with originals that have LF line endings only', () => {
    // The originals have no CR, so normalising both sides to LF hides no difference.
    for (const { original } of [...sameText, big5]) expect(readCorpus(original)).not.toMatch(/\r/);
  });

  it.each(sameText)('$file decodes as $encoding to the text of its original', ({ file, original, encoding, bom }) => {
    const decoded = decode(readCorpusBytes('encodings', file), { fileName: file });
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.bom).toBe(bom);
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(decoded.text).toBe(lf(readCorpus(original)));
  });

  it(`${big5.file} decodes as big5; every ? stands for a character Big5 lacks`, () => {
    const decoded = decode(readCorpusBytes('encodings', big5.file));
    expect(decoded).toMatchObject({ encoding: 'big5', bom: false });
    const got = [...decoded.text];
    const want = [...lf(readCorpus(big5.original))];
    expect(got.length).toBe(want.length);

    const lacking = new Map<string, number>();
    got.forEach((ch, i) => {
      const original = want[i] ?? '';
      if (ch === original) return;
      expect({ at: i, ch, original, inBig5: BIG5.has(original) }).toEqual({ at: i, ch: '?', original, inBig5: false });
      lacking.set(original, (lacking.get(original) ?? 0) + 1);
    });
    const replaced = [...lacking.values()].reduce((sum, n) => sum + n, 0);
    // Every character of the original that Big5 lacks was replaced, none that it has.
    expect(replaced).toBe(want.filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x80 && !BIG5.has(ch)).length);
    expect(replaced).toBeGreaterThan(0);
    console.info(
      `${big5.file}: ${replaced} characters became ? (${lacking.size} distinct): ${[...lacking.keys()].join('')}`,
    );
  });

  it('rejects the DOCX report as a Word document', () => {
    const error = decodeError(readCorpusBytes('reports', '2025-sichuan-gwr.docx'), '2025-sichuan-gwr.docx');
    expect(error.reason).toBe('binary');
    expect(error.message).toBe(
      '2025-sichuan-gwr.docx: looks like a binary file (Word document, .docx), not a text report',
    );
  });
});

describe('decode: GB18030 and Big5', () => {
  // Short inputs are where detectors fail: a few sentences give the scoring little to count.
  const simplified = [
    '各位代表：现在，我代表国务院，向大会报告政府工作，请予审议。',
    '一、2023年工作回顾\n过去一年，经济总体回升向好。',
    '（一）推动经济实现质的有效提升和量的合理增长。',
    '会议要求，要扎实推进乡村振兴，守住不发生规模性返贫的底线。',
  ];
  const traditional = [
    '各位代表：我們第一屆全國人民代表大會第一次會議，已經光榮地完成了一件歷史性的工作。',
    '臺灣的經濟發展與民主化過程，值得研究。',
    '（二）加強農業生產，提高糧食產量。',
    '這是一個簡短的測試。',
  ];

  it.each(simplified)('reads GB18030: %s', (text) => {
    expect(decode(encodeWith(GBK, text))).toEqual({ text, encoding: 'gb18030', bom: false });
  });

  it.each(traditional)('reads Big5: %s', (text) => {
    expect(decode(encodeWith(BIG5, text))).toEqual({ text, encoding: 'big5', bom: false });
  });

  it('reads Traditional text written in GB18030 as GB18030', () => {
    const text = traditional[0] ?? '';
    expect(decode(encodeWith(GBK, text))).toEqual({ text, encoding: 'gb18030', bom: false });
  });

  it('reads Big5 whose missing characters became ?', () => {
    // 産 and 着 are not in Big5; an encoder that replaces them writes `?`.
    const bytes = encodeWith(BIG5, '我們要努力發展生産，接着提高人民的生活水平。', '?');
    expect(decode(bytes)).toEqual({ text: '我們要努力發展生?，接?提高人民的生活水平。', encoding: 'big5', bom: false });
  });

  it('reads Markdown that is mostly ASCII with a little GB18030', () => {
    const text = '# 2024 Report\n\n- item: 政府工作报告\n';
    expect(decode(encodeWith(GBK, text)).encoding).toBe('gb18030');
  });

  it('normalises CRLF and CR in GB18030 text', () => {
    const bytes = encodeWith(GBK, '各位代表：\r\n现在，我代表国务院\r向大会报告政府工作。\r\n');
    expect(decode(bytes).text).toBe('各位代表：\n现在，我代表国务院\n向大会报告政府工作。\n');
  });

  it('reports a GB18030 file with an invalid byte pair, naming the line', () => {
    const good = encodeWith(GBK, '各位代表：\n现在，我代表国务院，向大会报告政府工作。\n');
    const bytes = concat(
      good,
      encodeWith(GBK, '请予审议'),
      [0x81, 0x20],
      encodeWith(GBK, '并请全国政协委员提出意见。\n'),
    );
    const error = decodeError(bytes, 'gov.txt');
    expect(error.reason).toBe('undecodable');
    expect(error.message).toBe(
      'gov.txt: looks like GB18030 (GBK) text but has bytes that are not valid in it (the first on line 3); the file may be damaged',
    );
  });
});

describe('decode: UTF-8 and UTF-16', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decode(utf8('# 报告\n\n正文。'))).toEqual({ text: '# 报告\n\n正文。', encoding: 'utf-8', bom: false });
  });

  it('strips a UTF-8 BOM and normalises CRLF and lone CR', () => {
    const bytes = concat([0xef, 0xbb, 0xbf], utf8('a\r\nb\rc\n\r\n\rd'));
    expect(decode(bytes)).toEqual({ text: 'a\nb\nc\n\n\nd', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16BE with a BOM', () => {
    const text = '# 标题\r\n\r\n正文第一段，含 ASCII 与 𠀀 (a surrogate pair)。';
    expect(decode(utf16be(text))).toEqual({ text: lf(text), encoding: 'utf-16be', bom: true });
  });

  it('reports UTF-16 with a BOM that ends in half a character', () => {
    const bytes = concat([0xff, 0xfe], [0x2d, 0x4e, 0x87]);
    const error = decodeError(bytes, 'half.md');
    expect(error.reason).toBe('undecodable');
    expect(error.message).toBe(
      'half.md: is UTF-16 (little-endian) by its byte-order mark but ends in the middle of a character; the file may be damaged',
    );
  });

  it.each([
    ['no bytes', [], 'utf-8', false],
    ['a UTF-8 BOM only', [0xef, 0xbb, 0xbf], 'utf-8', true],
    ['a UTF-16LE BOM only', [0xff, 0xfe], 'utf-16le', true],
    ['a UTF-16BE BOM only', [0xfe, 0xff], 'utf-16be', true],
  ] as const)('returns empty text for %s', (_, bytes, encoding, bom) => {
    expect(decode(Uint8Array.from(bytes))).toEqual({ text: '', encoding, bom });
  });

  // Decision: a file that is valid UTF-8 up to a character cut at the very end is an error, not a
  // repair and not GB18030: it was cut off, and the reader should know.
  it.each([1, 2])('reports UTF-8 with the last character cut (%i bytes missing) as truncated', (missing) => {
    const whole = utf8('# 报告\n\n各位代表：现在');
    const error = decodeError(whole.subarray(0, whole.length - missing), 'report.md');
    expect(error.reason).toBe('truncated-utf8');
    expect(error.message).toBe(
      'report.md: is UTF-8 but ends in the middle of a character (line 3); the file looks cut off',
    );
  });

  it('reports truncated UTF-8 after a BOM', () => {
    const whole = concat([0xef, 0xbb, 0xbf], utf8('abc中'));
    expect(decodeError(whole.subarray(0, whole.length - 1)).message).toBe(
      'has a UTF-8 byte-order mark but ends in the middle of a character (line 1); the file looks cut off',
    );
  });

  it('does not call a dangling lead byte after pure ASCII truncated UTF-8', () => {
    // Nothing before it shows the file is UTF-8: 0xE4 also starts GB18030 and Big5 characters.
    expect(decodeError(Uint8Array.of(0x61, 0x62, 0x63, 0xe4)).reason).toBe('undecodable');
  });

  it('reports UTF-8 with a stray invalid byte among many good characters as damaged, naming the line', () => {
    const bytes = utf8('各位代表：现在，我代表国务院。\n'.repeat(20));
    bytes[bytes.indexOf(0x0a) + 3] = 0x41; // the last byte of the first character on line 2 becomes `A`
    const error = decodeError(bytes, 'report.md');
    expect(error.reason).toBe('invalid-utf8');
    expect(error.message).toBe(
      'report.md: is UTF-8 but has an invalid byte sequence (the first on line 2); the file may be damaged',
    );
  });
});

describe('decode: binary and unsupported input', () => {
  const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52);

  it('names the file and the format of a PNG', () => {
    const error = decodeError(png, 'report.png');
    expect(error).toMatchObject({ name: 'DecodeError', reason: 'binary', fileName: 'report.png' });
    expect(error.message).toBe('report.png: looks like a binary file (PNG image), not a text report');
  });

  it('leaves the file name out when none is given', () => {
    const error = decodeError(png);
    expect(error.fileName).toBeUndefined();
    expect(error.message).toBe('looks like a binary file (PNG image), not a text report');
  });

  it.each([
    ['JPEG image', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]],
    ['GIF image', [...utf8('GIF89a'), 0x01, 0x00]],
    ['PDF document', [...utf8('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3]],
    ['gzip archive', [0x1f, 0x8b, 0x08, 0x00]],
    ['ZIP archive', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, ...utf8('notes.txt')]],
    ['Excel workbook, .xlsx', [0x50, 0x4b, 0x03, 0x04, ...utf8('[Content_Types].xml xl/workbook.xml')]],
    ['legacy Office document, .doc or .xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]],
  ])('recognises: %s', (kind, bytes) => {
    expect(decodeError(Uint8Array.from(bytes)).message).toBe(`looks like a binary file (${kind}), not a text report`);
  });

  it('rejects a file with NUL bytes on both sides of the byte pairs as binary', () => {
    const bytes = Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3e, 0x00, 0x00, 0x10);
    const error = decodeError(bytes, 'a.out');
    expect(error.reason).toBe('binary');
    expect(error.message).toBe('a.out: looks like a binary file (it contains NUL bytes), not a text report');
  });

  it('rejects text with a NUL in it, even after a UTF-8 BOM', () => {
    expect(decodeError(concat([0xef, 0xbb, 0xbf], utf8('正文'), [0], utf8('正文'))).reason).toBe('binary');
  });

  it('rejects UTF-16 with a BOM that contains NUL characters', () => {
    const error = decodeError(concat([0xff, 0xfe], [0x61, 0, 0, 0, 0x62, 0]));
    expect(error.reason).toBe('binary');
    expect(error.message).toBe('is UTF-16 (little-endian) but contains NUL characters; it is not a text report');
  });

  it.each([
    ['little-endian', (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'))],
    ['big-endian', (text: string) => utf16be(text).subarray(2)],
  ])('says so when the text is UTF-16 %s without a BOM', (order, encode) => {
    const error = decodeError(encode('# 标题\n\n正文第一段。\n'), 'notes.md');
    expect(error.reason).toBe('utf16-without-bom');
    expect(error.message).toBe(
      `notes.md: looks like UTF-16 (${order}) text without a byte-order mark, which is not supported; save it as UTF-8`,
    );
  });

  it.each([
    ['every accented letter next to ASCII', 'Café crème brûlée, naïve façade, résumé.\n'],
    // é followed by a letter is a valid GBK and Big5 byte pair: both decode without error, and
    // only the scoring (a handful of rare characters, no common ones) rejects them.
    ['accented letters that pair with ASCII letters', 'Cafés et thés à Noël: déjà vu.\n'],
  ])('rejects Latin-1 text (%s)', (_, text) => {
    const error = decodeError(new Uint8Array(Buffer.from(text, 'latin1')), 'menu.txt');
    expect(error.reason).toBe('undecodable');
    expect(error.message).toBe(
      'menu.txt: is not valid UTF-8 and does not read as Chinese text in GB18030 or Big5 either; it may use another encoding (such as Latin-1 or Windows-1252): save it as UTF-8',
    );
  });
});

describe('decode: speed', () => {
  /** `unit` repeated to at least `size` bytes. */
  function repeated(unit: Uint8Array, size: number): Uint8Array {
    const out = new Uint8Array(Math.ceil(size / unit.length) * unit.length);
    for (let at = 0; at < out.length; at += unit.length) out.set(unit, at);
    return out;
  }
  const paragraph = '（一）推动经济实现质的有效提升和量的合理增长。各位代表，现在我代表国务院向大会报告政府工作。\r\n';

  it.each([
    ['UTF-8', repeated(utf8(paragraph), 20e6), 'utf-8'],
    ['GB18030', repeated(encodeWith(GBK, paragraph), 20e6), 'gb18030'],
  ] as const)('decodes 20 MB of %s in under a second of CPU time', (_, bytes, encoding) => {
    // CPU time rather than wall time: a CI machine busy with other jobs must not fail this.
    const started = process.cpuUsage();
    const decoded = decode(bytes);
    const { user, system } = process.cpuUsage(started);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.startsWith(paragraph.replace('\r\n', '\n'))).toBe(true);
    expect((user + system) / 1000).toBeLessThan(1000);
  });
});
