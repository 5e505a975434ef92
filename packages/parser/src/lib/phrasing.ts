import type { BlockContent, PhrasingContent, Position, Text } from '../ast.js';
import { toText } from './to-text.js';

/** Joins adjacent text nodes (HTML and Markdown both produce runs of them). */
export function mergeTexts(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') {
      const merged: Text = { type: 'text', value: last.value + node.value };
      const position = spanning(last.position, node.position);
      if (position) merged.position = position;
      out[out.length - 1] = merged;
    } else if (!(node.type === 'text' && node.value === '')) {
      out.push(node);
    }
  }
  return out;
}

function spanning(a: Position | undefined, b: Position | undefined): Position | undefined {
  return a && b ? { start: a.start, end: b.end } : undefined;
}

/** Removes whitespace at the start and end of a line of phrasing (HTML source is indented). */
export function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.replace(/^\s+/, '') };
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last?.type === 'text') out[lastIndex] = { ...last, value: last.value.replace(/\s+$/, '') };
  return out.filter((node) => !(node.type === 'text' && node.value === ''));
}

/**
 * Blocks flattened into one line of phrasing, separated by breaks: how paragraphs inside an HTML
 * table cell are kept (cells hold phrasing so every exporter can treat them alike).
 */
export function blocksToPhrasing(blocks: BlockContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const block of blocks) {
    if (out.length > 0) out.push({ type: 'break' });
    if (block.type === 'paragraph' || block.type === 'heading') out.push(...block.children);
    else if (block.type === 'item') {
      out.push({ type: 'text', value: block.ordinal.marker }, ...(block.title ?? []), ...block.children);
    } else {
      const value = toText(block);
      if (value !== '') out.push({ type: 'text', value });
    }
  }
  return mergeTexts(out);
}
