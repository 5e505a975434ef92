import { stat } from 'node:fs/promises';
import type { Document, Image, Nodes, PhrasingContent, Position, Text } from '@wenshu/parser';
import { EXIT, isTraditionalChinese, visit } from '@wenshu/parser';
import { checkPicture, dataUrlBytes, pictureName, picturePlaceholder } from '@wenshu/picture';
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

export interface PictureWarning {
  message: string;
  /** Where the picture is in the source, when known. */
  position?: Position;
}

export interface VettedDocument {
  document: Document;
  /** One message per picture replaced, at the picture's place. */
  warnings: PictureWarning[];
}

/**
 * Applies the picture policy before any exporter sees the document, so every exporter obeys it and
 * every format shows the same thing: a remote picture (`https://…`), a local one outside the
 * input's folder tree (`../../etc/passwd`, an absolute path elsewhere, a symbolic link out), and a
 * picture that cannot be read or decoded (corrupt, truncated, not a picture, too many pixels:
 * `checkPicture`) become a text placeholder `[图片：alt]` with a warning naming the picture and its
 * line. A file outside the folder is never opened. The input document is not changed.
 */
export async function vetImages(document: Document, policy: ImagePolicy): Promise<VettedDocument> {
  // Most reports have no pictures: then there is nothing to copy (a 3 MB report's copy costs ~0.4 s).
  if (!hasImage(document)) return { document, warnings: [] };
  const urls = new Set<string>();
  walkImages(document, (list) => {
    for (const node of list) if (node.type === 'image') urls.add(node.url);
  });
  const refusals = new Map<string, string | undefined>();
  for (const url of urls) refusals.set(url, refuse(url, policy) ?? (await undecodable(url, policy)));
  const warnings: PictureWarning[] = [];
  // The word the exporters use for a picture in this document: 圖片 in one written in Traditional characters.
  const word = isTraditionalChinese(document.meta.lang) ? '圖片' : '图片';
  const copy = structuredClone(document);
  walkImages(copy, (list) => {
    for (let i = 0; i < list.length; i++) {
      const node = list[i];
      if (node?.type !== 'image') continue;
      const refusal = refusals.get(node.url);
      if (refusal === undefined) continue;
      warnings.push({
        message: `picture ${pictureName(node.url)} not included: ${refusal}`,
        ...(node.position ? { position: node.position } : {}),
      });
      list[i] = placeholder(node, word);
    }
  });
  return { document: copy, warnings };
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

/** Why a picture the policy allows cannot be shown (it cannot be read, or not decoded), or undefined. */
async function undecodable(url: string, policy: ImagePolicy): Promise<string | undefined> {
  let bytes: Uint8Array | undefined;
  if (/^data:/i.test(url)) {
    bytes = dataUrlBytes(url);
    if (!bytes) return 'a malformed data: URL';
  } else {
    const file = localPicturePath(url, policy.baseDir);
    const maxBytes = policy.maxBytes ?? 200 * 1024 * 1024;
    try {
      const info = await stat(file);
      const kind = notRegularKind(info);
      if (kind) return `it is ${kind}, not a regular file`;
      if (info.size > maxBytes) return `it is ${info.size} bytes, over the limit of ${maxBytes} bytes`;
      bytes = await readRegularFile(file, maxBytes);
    } catch (error) {
      if (error instanceof NotReadError) return `it ${error.message}`;
      return `cannot read it: ${describeSystemError(error)}`;
    }
  }
  const checked = checkPicture(bytes);
  return checked.ok ? undefined : checked.reason;
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

/**
 * Why a picture may not be read, or undefined when it may: the exporters' rule
 * (@wenshu/picture/node), in the command's words.
 */
function refuse(url: string, policy: ImagePolicy): string | undefined {
  const refusal = refusePicture(url, policy);
  if (refusal?.code === 'image-outside') return "it is outside the input's folder (allow with --allow-outside)";
  return refusal?.reason;
}
