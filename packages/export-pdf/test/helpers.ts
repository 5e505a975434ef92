/** Small things the suites share: documents from Markdown, pictures made on the spot, installed fonts. */
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { type Document, parse, structure } from '@wenshu/parser';

/** Markdown through the parser and the report passes. */
export function doc(markdown: string): Document {
  return structure(parse(markdown)).document;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    let c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of `width` × `height` pixels (a colour gradient). */
export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      raw[at] = 200;
      raw[at + 1] = Math.floor((x * 255) / width);
      raw[at + 2] = Math.floor((y * 255) / height);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * An installed face by PostScript name (fontconfig). CI installs fonts-noto-cjk; without it the
 * suites that need an installed face fail with this message instead of passing on nothing.
 */
export function installedFace(postscriptName: string): { file: string; postscriptName: string } {
  let out = '';
  try {
    out = execFileSync('fc-list', ['--format', '%{file}\t%{postscriptname}\n'], { encoding: 'utf8' });
  } catch {
    throw new Error('fc-list is not installed: install fontconfig and fonts-noto-cjk');
  }
  for (const line of out.split('\n')) {
    const [file, name] = line.split('\t');
    if (file && name === postscriptName) return { file, postscriptName };
  }
  throw new Error(`no installed face ${postscriptName}: install fonts-noto-cjk`);
}
