/**
 * The picture policy, at the edge where files are read (`@wenshu/picture/node`): one rule for
 * every exporter and the command, so that a library user who gives `toDocx` or `toPdf` a
 * `baseDir` gets the same protection as the command's user. A service that converts uploaded
 * reports must not embed `../../../../etc/passwd` or a file beside the upload into its output.
 *
 * - `data:` URLs are decoded by the exporter (they name no file);
 * - remote URLs (any `scheme:` but `file:`, and not a Windows drive `C:\`) are never fetched: the
 *   export stays offline and reproducible;
 * - a local path (relative to `baseDir`, absolute, or a `file:` URL) is read only when the file,
 *   symbolic links followed, is inside `baseDir` — unless `allowOutside` is set. A file outside is
 *   never opened.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PictureLoader, type PictureRead, type PictureRefusal, refuseRemotePicture } from './loader.js';

export interface PicturePolicy {
  /** The folder local picture paths are relative to, and confined to. */
  baseDir: string;
  /** Read local pictures wherever they are (the command's `--allow-outside`). Default false. */
  allowOutside?: boolean;
}

export type { PictureLoader, PictureRead, PictureRefusal, PictureRefusalCode } from './loader.js';

/** The file a local picture's URL names (a path relative to `baseDir`, an absolute path, a `file:` URL). */
export function localPicturePath(url: string, baseDir: string): string {
  let path: string;
  try {
    path = /^file:/i.test(url) ? fileURLToPath(url) : decodeURI(url.split(/[?#]/)[0] ?? url);
  } catch {
    path = url;
  }
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Why the policy forbids reading a picture, or undefined when it may be read (a `data:` URL
 * always may). Decided from the URL and the file system's names alone: nothing is opened.
 */
export function refusePicture(url: string, policy: PicturePolicy): PictureRefusal | undefined {
  if (/^data:/i.test(url)) return undefined;
  const remote = refuseRemotePicture(url);
  if (remote) return remote;
  if (policy.allowOutside) return undefined;
  const base = realOrSelf(resolve(policy.baseDir));
  const target = realOrSelf(localPicturePath(url, policy.baseDir));
  const inside = relative(base, target);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { code: 'image-outside', reason: `it is outside the folder ${base}` };
  }
  return undefined;
}

/**
 * A local picture's bytes under the policy, or why not. For a `data:` URL, use `dataUrlBytes`.
 */
export async function readLocalPicture(url: string, policy: PicturePolicy): Promise<PictureRead> {
  const refusal = refusePicture(url, policy);
  if (refusal) return { ok: false, ...refusal };
  const file = localPicturePath(url, policy.baseDir);
  try {
    // The file the check saw (links resolved), not whatever the name points at by now.
    return { ok: true, bytes: new Uint8Array(await readFile(realOrSelf(file))) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? (error as Error).message})`;
    return { ok: false, code: 'image-missing', reason: `${why} (${file})` };
  }
}

/** The loader an exporter is given on Node: local pictures read under `policy`. */
export function pictureLoader(policy: PicturePolicy): PictureLoader {
  return (url) => readLocalPicture(url, policy);
}
