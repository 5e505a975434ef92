import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, Image, Nodes, PhrasingContent, Text } from '@wenshu/parser';
import { EXIT, visit } from '@wenshu/parser';

export interface ImagePolicy {
  /** The input's folder: local pictures must be inside it (or below) … */
  baseDir: string;
  /** … unless this is set. */
  allowOutside: boolean;
}

export interface VettedDocument {
  document: Document;
  /** One message per picture replaced. */
  warnings: string[];
}

/**
 * Applies the picture policy before any exporter sees the document, so every exporter obeys it:
 * a remote picture (`https://…`) and a local one outside the input's folder tree (`../../etc/passwd`,
 * an absolute path elsewhere, a symbolic link out) become a text placeholder `[图片：alt]` with a
 * warning. The file is never opened; only its path is resolved. `data:` URIs stay. The input
 * document is not changed.
 */
export function vetImages(document: Document, policy: ImagePolicy): VettedDocument {
  // Most reports have no pictures: then there is nothing to copy (a 3 MB report's copy costs ~0.4 s).
  if (!hasImage(document)) return { document, warnings: [] };
  const warnings: string[] = [];
  const copy = structuredClone(document);
  const replace = (list: PhrasingContent[]) => {
    for (let i = 0; i < list.length; i++) {
      const node = list[i];
      if (node?.type !== 'image') continue;
      const refusal = refuse(node, policy);
      if (refusal === undefined) continue;
      warnings.push(`picture ${node.url} not included: ${refusal}`);
      list[i] = placeholder(node);
    }
  };
  const replaceIn = (node: Nodes) => {
    if ('children' in node && node.children.some((child: Nodes) => child.type === 'image')) {
      replace(node.children as PhrasingContent[]);
    }
  };
  visit(copy, (node) => {
    replaceIn(node);
    // An item's run-in title and a table's caption are outside `children`: walked here.
    const extra = node.type === 'item' ? node.title : node.type === 'table' ? node.caption : undefined;
    if (!extra) return;
    replace(extra);
    for (const child of extra) visit(child, replaceIn);
  });
  return { document: copy, warnings };
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

function placeholder(image: Image): Text {
  const text: Text = { type: 'text', value: image.alt ? `[图片：${image.alt}]` : '[图片]' };
  if (image.position) text.position = image.position;
  return text;
}

/** Why a picture may not be read, or undefined when it may. */
function refuse(image: Image, policy: ImagePolicy): string | undefined {
  const url = image.url;
  if (/^data:/i.test(url)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^file:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) {
    return 'remote pictures are not fetched';
  }
  if (policy.allowOutside) return undefined;
  let path: string;
  try {
    path = /^file:/i.test(url) ? fileURLToPath(url) : decodeURI(url.split(/[?#]/)[0] ?? url);
  } catch {
    path = url;
  }
  const base = realOrSelf(resolve(policy.baseDir));
  const target = realOrSelf(isAbsolute(path) ? path : resolve(policy.baseDir, path));
  const inside = relative(base, target);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return "it is outside the input's folder (allow with --allow-outside)";
  }
  return undefined;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
