/**
 * Pictures, read before rendering. Local files are taken relative to `baseDir` and only from
 * inside it; `data:` URIs are decoded; remote URLs are not fetched (the export stays offline and
 * reproducible). pdfkit embeds PNG and JPEG; anything else, and anything missing, becomes a
 * placeholder and a warning.
 */
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Document, visit } from '@wenshu/parser';
import { checkPicture, dataUrlBytes, type PictureFormat } from '@wenshu/picture';

export interface LoadedImage {
  ok: true;
  /** A data URL: pdfmake takes images as strings only (it resolves every image source as a URL). */
  dataUrl: string;
  /** Natural size in points, from the pixel size and the resolution the file records (96 dpi when it does not). */
  widthPt: number;
  heightPt: number;
}

export interface MissingImage {
  ok: false;
  reason: string;
}

export type ImageResult = LoadedImage | MissingImage;

/** How the pictures pdfkit cannot embed are named to the user. */
const OTHER_FORMATS: Record<Exclude<PictureFormat, 'png' | 'jpeg'>, string> = {
  gif: 'a GIF',
  bmp: 'a BMP',
  svg: 'an SVG',
  webp: 'a WebP',
};

/**
 * A picture pdfkit can embed, or why not. Every picture is decoded first (`checkPicture`): pdfkit
 * copies an RGB PNG's pixel data into the PDF unread (a damaged one makes a broken image stream)
 * and inflates an RGBA PNG's in a callback, where an error cannot be caught and ends the process.
 */
function loaded(bytes: Uint8Array): ImageResult {
  const checked = checkPicture(bytes);
  if (!checked.format) return { ok: false, reason: 'not a PNG or JPEG file' };
  if (checked.format !== 'png' && checked.format !== 'jpeg') {
    return { ok: false, reason: `${OTHER_FORMATS[checked.format]} (PDF export takes PNG and JPEG)` };
  }
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const { size } = checked;
  // pdfkit's PNG decoder fails on interlaced files.
  if (size.interlaced)
    return { ok: false, reason: 'an interlaced PNG file (not supported: save it without interlacing)' };
  const scale = 72 / (size.dpiX && size.dpiX > 0 ? size.dpiX : 96);
  const mime = checked.format === 'png' ? 'image/png' : 'image/jpeg';
  return {
    ok: true,
    dataUrl: `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`,
    widthPt: size.width * scale,
    heightPt: size.height * scale,
  };
}

function dataUrl(url: string): ImageResult {
  const bytes = dataUrlBytes(url);
  return bytes ? loaded(bytes) : { ok: false, reason: 'a malformed data: URL' };
}

async function localFile(url: string, baseDir: string): Promise<ImageResult> {
  let path: string;
  try {
    path = url.startsWith('file:') ? fileURLToPath(url) : decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  } catch {
    return { ok: false, reason: 'not a file path' };
  }
  const base = resolve(baseDir);
  const file = isAbsolute(path) ? path : resolve(base, path);
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return { ok: false, reason: `no such file (${file})` };
  }
  const baseReal = await realpath(base).catch(() => base);
  const inside = relative(baseReal, real);
  if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep)[0] === '..') {
    return { ok: false, reason: `outside the base folder ${baseReal}` };
  }
  try {
    return loaded(new Uint8Array(await readFile(real)));
  } catch (error) {
    return { ok: false, reason: `cannot read it (${(error as Error).message})` };
  }
}

/** Reads every picture of the document (and its footnotes), by URL. */
export async function loadImages(doc: Document, baseDir: string): Promise<Map<string, ImageResult>> {
  const urls = new Set<string>();
  visit(doc, (node) => {
    if (node.type === 'image') urls.add(node.url);
  });
  const out = new Map<string, ImageResult>();
  for (const url of [...urls].sort()) {
    if (/^data:/i.test(url)) out.set(url, dataUrl(url));
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^file:/i.test(url)) {
      out.set(url, { ok: false, reason: 'a remote image (not downloaded: the export works offline)' });
    } else if (url.trim() === '') out.set(url, { ok: false, reason: 'an image without a source' });
    else out.set(url, await localFile(url, baseDir));
  }
  return out;
}
