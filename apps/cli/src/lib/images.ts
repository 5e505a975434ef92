import { stat } from 'node:fs/promises';
import type { PictureLoader, PictureRead } from '@wenshu/picture';
import { localPicturePath, refusePicture } from '@wenshu/picture/node';
import { NotReadError, notRegularKind, readRegularFile } from './read-bounded.js';
import { describeSystemError } from './system-errors.js';

export interface ImagePolicy {
  /** The input's folder: local pictures must be inside it (or below) … */
  baseDir: string;
  /** … unless this is set. */
  allowOutside: boolean;
  /** A picture file larger than this is not read (bytes; default 200 MB). */
  maxBytes?: number;
}

/**
 * The command's picture loader, for the library's `convert` (which vets every picture with it
 * before any exporter sees the document, and hands it to the exporters): the picture policy of
 * @wenshu/picture/node — a remote picture (`https://…`) is never fetched, a local one outside the
 * input's folder tree (`../../etc/passwd`, an absolute path elsewhere, a symbolic link out) never
 * opened — in the command's words, and only a regular file read, bounded (see read-bounded.ts).
 */
export function commandPictureLoader(policy: ImagePolicy): PictureLoader {
  return async (url) => {
    const refusal = refusePicture(url, policy);
    if (refusal?.code === 'image-outside') {
      return { ok: false, code: refusal.code, reason: "it is outside the input's folder (allow with --allow-outside)" };
    }
    if (refusal) return { ok: false, ...refusal };
    return readPicture(localPicturePath(url, policy.baseDir), policy.maxBytes ?? 200 * 1024 * 1024);
  };
}

async function readPicture(file: string, maxBytes: number): Promise<PictureRead> {
  const missing = (reason: string): PictureRead => ({ ok: false, code: 'image-missing', reason });
  try {
    const info = await stat(file);
    const kind = notRegularKind(info);
    if (kind) return missing(`it is ${kind}, not a regular file`);
    if (info.size > maxBytes) return missing(`it is ${info.size} bytes, over the limit of ${maxBytes} bytes`);
    return { ok: true, bytes: await readRegularFile(file, maxBytes) };
  } catch (error) {
    if (error instanceof NotReadError) return missing(`it ${error.message}`);
    return missing(`cannot read it: ${describeSystemError(error)}`);
  }
}
