import type { Document, ExportWarning, Image, Nodes, PhrasingContent, Text } from '@wenshu/parser';
import { EXIT, exportWarning, isTraditionalChinese, visit } from '@wenshu/parser';
import {
  checkPicture,
  dataUrlBytes,
  type PictureLoader,
  pictureName,
  picturePlaceholder,
  withoutLocalPictures,
} from '@wenshu/picture';

export interface VettedDocument {
  document: Document;
  /** One warning per picture replaced, at the picture's place. */
  warnings: ExportWarning[];
}

/**
 * Applies the picture policy before any exporter sees the document, so every exporter obeys it and
 * every format shows the same thing: a picture the loader refuses (remote, outside the input's
 * folder, missing) or that cannot be decoded (corrupt, truncated, not a picture, too many pixels:
 * `checkPicture`) becomes a text placeholder `[图片：alt]` with a warning naming the picture and its
 * line. The input document is not changed.
 */
export async function vetPictures(
  document: Document,
  loadPicture: PictureLoader = withoutLocalPictures,
): Promise<VettedDocument> {
  // Most reports have no pictures: then there is nothing to copy (a 3 MB report's copy costs ~0.4 s).
  if (!hasImage(document)) return { document, warnings: [] };
  const urls = new Set<string>();
  walkImages(document, (list) => {
    for (const node of list) if (node.type === 'image') urls.add(node.url);
  });
  const refusals = new Map<string, { code: string; reason: string } | undefined>();
  for (const url of urls) refusals.set(url, await refusal(url, loadPicture));
  const warnings: ExportWarning[] = [];
  // The word the exporters use for a picture in this document: 圖片 in one written in Traditional characters.
  const word = isTraditionalChinese(document.meta.lang) ? '圖片' : '图片';
  const copy = structuredClone(document);
  walkImages(copy, (list) => {
    for (let i = 0; i < list.length; i++) {
      const node = list[i];
      if (node?.type !== 'image') continue;
      const refused = refusals.get(node.url);
      if (refused === undefined) continue;
      warnings.push(
        exportWarning(refused.code, `picture ${pictureName(node.url)} not included: ${refused.reason}`, node.position),
      );
      list[i] = placeholder(node, word);
    }
  });
  return { document: copy, warnings };
}

/** Why a picture cannot be shown (refused, unreadable, or not decoded), or undefined. */
async function refusal(url: string, loadPicture: PictureLoader): Promise<{ code: string; reason: string } | undefined> {
  let bytes: Uint8Array | undefined;
  if (/^data:/i.test(url)) {
    bytes = dataUrlBytes(url);
    if (!bytes) return { code: 'image-damaged', reason: 'a malformed data: URL' };
  } else {
    const read = await loadPicture(url);
    if (!read.ok) return { code: read.code, reason: read.reason };
    bytes = read.bytes;
  }
  const checked = checkPicture(bytes);
  if (checked.ok) return undefined;
  return { code: checked.format ? 'image-damaged' : 'image-unsupported', reason: checked.reason };
}

/** Calls `replace` with every list of phrasing content that holds an image, run-in titles and captions included. */
function walkImages(document: Document, replace: (list: PhrasingContent[]) => void): void {
  const replaceIn = (node: Nodes) => {
    if ('children' in node && node.children.some((child: Nodes) => child.type === 'image')) {
      replace(node.children as PhrasingContent[]);
    }
  };
  visit(document, (node) => {
    replaceIn(node);
    // An item's run-in title and a table's caption are outside `children`: walked here.
    const extra = node.type === 'item' ? node.title : node.type === 'table' ? node.caption : undefined;
    if (!extra) return;
    replace(extra);
    for (const child of extra) visit(child, replaceIn);
  });
}

/** Whether any image is in the document, including run-in titles and captions (outside `children`). */
function hasImage(document: Document): boolean {
  let found = false;
  const look = (node: Nodes) => {
    if (node.type === 'image') {
      found = true;
      return EXIT;
    }
    return undefined;
  };
  visit(document, (node) => {
    const extra = node.type === 'item' ? node.title : node.type === 'table' ? node.caption : undefined;
    for (const child of extra ?? []) visit(child, look);
    return found ? EXIT : look(node);
  });
  return found;
}

function placeholder(image: Image, word: string): Text {
  const text: Text = { type: 'text', value: picturePlaceholder(image.alt, image.url, word) };
  if (image.position) text.position = image.position;
  return text;
}
