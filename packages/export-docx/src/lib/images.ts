/**
 * Pictures: read before rendering (the handlers are synchronous), sized from their own headers.
 * `data:` URIs are decoded; other pictures come from the loader the exporter is given (on Node,
 * @wenshu/picture/node's: inside `baseDir` unless `allowOutside`; remote URLs never fetched), the
 * same as the PDF exporter's. A picture not read becomes a placeholder and a warning.
 */
import type { Document, Image, Nodes, PhrasingContent } from '@wenshu/parser';
import { checkPicture, dataUrlBytes, type PictureFormat, type PictureLoader } from '@wenshu/picture';

export type ImageType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface LoadedImage {
  ok: true;
  type: ImageType;
  data: Uint8Array;
  /** Size in CSS pixels (96 to the inch), from the pixel size and the resolution the file records. */
  widthPx: number;
  heightPx: number;
}

export interface MissingImage {
  ok: false;
  code: 'image-missing' | 'image-remote' | 'image-outside' | 'image-unsupported' | 'image-damaged';
  reason: string;
}

export type ImageResult = LoadedImage | MissingImage;

/** The picture formats Word takes, by their names in @wenshu/picture. */
const WORD_TYPES: Partial<Record<PictureFormat, ImageType>> = { png: 'png', jpeg: 'jpg', gif: 'gif', bmp: 'bmp' };

function toPx(pixels: number, dpi: number | undefined): number {
  return dpi && dpi > 0 ? (pixels * 96) / dpi : pixels;
}

/**
 * A picture Word can show, or why not. Word takes the bytes as they are, so a damaged file would be
 * embedded silently and shown as a red cross: every picture is decoded first (`checkPicture`).
 */
function fromBytes(data: Uint8Array, url: string): ImageResult {
  const checked = checkPicture(data);
  const type = checked.format && WORD_TYPES[checked.format];
  if (!type) return { ok: false, code: 'image-unsupported', reason: `${url}: not a PNG, JPEG, GIF or BMP picture` };
  if (!checked.ok) return { ok: false, code: 'image-damaged', reason: `${url}: ${checked.reason}` };
  const { size } = checked;
  return {
    ok: true,
    type,
    data,
    widthPx: toPx(size.width, size.dpiX),
    heightPx: toPx(size.height, size.dpiY),
  };
}

async function load(url: string, loadPicture: PictureLoader): Promise<ImageResult> {
  if (/^data:/i.test(url)) {
    const bytes = dataUrlBytes(url);
    if (!bytes) return { ok: false, code: 'image-unsupported', reason: 'a malformed data: URI' };
    return fromBytes(bytes, 'data: URI');
  }
  const read = await loadPicture(url);
  if (!read.ok) return { ok: false, code: read.code, reason: `${url}: ${read.reason}` };
  return fromBytes(read.bytes, url);
}

function collect(node: Nodes, out: Image[]): void {
  if (node.type === 'image') {
    out.push(node);
    return;
  }
  const extra: PhrasingContent[] =
    node.type === 'item' ? (node.title ?? []) : node.type === 'table' ? (node.caption ?? []) : [];
  for (const child of extra) collect(child, out);
  if ('children' in node) for (const child of node.children as Nodes[]) collect(child, out);
  if (node.type === 'document') for (const note of node.footnotes) collect(note, out);
}

/** Reads every picture of the document once, by URL. */
export async function loadImages(doc: Document, loadPicture: PictureLoader): Promise<Map<string, ImageResult>> {
  const images: Image[] = [];
  collect(doc, images);
  const urls = [...new Set(images.map((image) => image.url))];
  const results = await Promise.all(urls.map((url) => load(url, loadPicture)));
  return new Map(urls.map((url, i) => [url, results[i] as ImageResult]));
}
