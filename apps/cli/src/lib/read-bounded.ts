import type { Stats } from 'node:fs';
import { constants, open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { overLimit, pastLimitWhileReading } from './limits.js';

/**
 * Reading an input in bounded time and memory. Only regular files are read: a named pipe with no
 * writer blocks a read forever (and with it the thread, so the rest of a batch), a device such as
 * /dev/zero never ends, a socket cannot be opened. A file that grows while it is read, and standard
 * input, are counted as the bytes arrive and given up as soon as they pass the limit.
 */

/** What a path is when it is not a regular file ("a named pipe (FIFO)"), or undefined for a regular file. */
export function notRegularKind(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** Why a file was not read: the caller words it for its input or picture. */
export class NotReadError extends Error {
  override name = 'NotReadError';
  constructor(
    readonly reason: 'not-regular' | 'over-limit',
    message: string,
  ) {
    super(message);
  }
}

function notRegular(kind: string): NotReadError {
  return new NotReadError('not-regular', `is ${kind}, not a regular file`);
}

/**
 * The bytes of a regular file, at most `maxBytes` of them. The file is opened with O_NONBLOCK (a
 * FIFO put in its place after a check would otherwise block the open until a writer comes), then
 * checked with fstat on the open descriptor, so no race between the check and the read can block.
 * A file larger than the limit, or one that grows past it while it is read, is a `NotReadError`;
 * system errors (ENOENT, EACCES) are thrown as they are.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    const kind = notRegularKind(info);
    if (kind) throw notRegular(kind);
    if (info.size > maxBytes) throw new NotReadError('over-limit', overLimit(info.size, maxBytes));
    // One byte more than the limit is room to see that the file grew past it.
    let buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) {
          throw new NotReadError('over-limit', pastLimitWhileReading(maxBytes, 'grew while it was read, to'));
        }
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    await handle.close();
  }
}

/**
 * All of a stream (standard input) if it ends within `maxBytes`; `undefined` as soon as it passes
 * them, having stopped reading (so `yes | wenshu convert -` ends at once instead of filling memory).
 */
export async function readStreamBounded(stream: Readable, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    length += bytes.length;
    if (length > maxBytes) {
      stream.destroy();
      return undefined;
    }
    chunks.push(bytes);
  }
  return new Uint8Array(Buffer.concat(chunks, length));
}
