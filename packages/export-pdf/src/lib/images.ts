/**
 * Pictures, read before rendering. `data:` URIs are decoded; other pictures come from the loader
 * the exporter is given (on Node, @wenshu/picture/node's: inside `baseDir` unless `allowOutside`;
 * remote URLs never fetched: the export stays offline and reproducible), as in the DOCX exporter. pdfkit embeds PNG and JPEG; anything else, and anything missing, becomes a
 * placeholder and a warning.
 */
import { type Document, visit } from '@wenshu/parser';
import { base64Text, checkPicture, dataUrlBytes, type PictureFormat, type PictureLoader } from '@wenshu/picture';

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
  code: 'image-missing' | 'image-remote' | 'image-outside' | 'image-unsupported' | 'image-damaged';
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
  if (!checked.format) return { ok: false, code: 'image-unsupported', reason: 'not a PNG or JPEG file' };
  if (checked.format !== 'png' && checked.format !== 'jpeg') {
    return {
      ok: false,
      code: 'image-unsupported',
      reason: `${OTHER_FORMATS[checked.format]} (PDF export takes PNG and JPEG)`,
    };
  }
  if (!checked.ok) return { ok: false, code: 'image-damaged', reason: checked.reason };
  const { size } = checked;
  // pdfkit's PNG decoder fails on interlaced files.
  if (size.interlaced)
    return {
      ok: false,
      code: 'image-unsupported',
      reason: 'an interlaced PNG file (not supported: save it without interlacing)',
    };
  const scale = 72 / (size.dpiX && size.dpiX > 0 ? size.dpiX : 96);
  const mime = checked.format === 'png' ? 'image/png' : 'image/jpeg';
  return {
    ok: true,
    dataUrl: `data:${mime};base64,${base64Text(bytes)}`,
    widthPt: size.width * scale,
    heightPt: size.height * scale,
  };
}

function dataUrl(url: string): ImageResult {
  const bytes = dataUrlBytes(url);
  return bytes ? loaded(bytes) : { ok: false, code: 'image-damaged', reason: 'a malformed data: URL' };
}

async function localFile(url: string, loadPicture: PictureLoader): Promise<ImageResult> {
  const read = await loadPicture(url);
  return read.ok ? loaded(read.bytes) : { ok: false, code: read.code, reason: read.reason };
}

/** Reads every picture of the document (and its footnotes), by URL. */
export async function loadImages(doc: Document, loadPicture: PictureLoader): Promise<Map<string, ImageResult>> {
  const urls = new Set<string>();
  visit(doc, (node) => {
    if (node.type === 'image') urls.add(node.url);
  });
  const out = new Map<string, ImageResult>();
  for (const url of [...urls].sort()) {
    out.set(url, /^data:/i.test(url) ? dataUrl(url) : await localFile(url, loadPicture));
  }
  return out;
}
