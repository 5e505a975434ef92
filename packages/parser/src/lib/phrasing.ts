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

/**
 * Removes whitespace at the start and end of a line of phrasing (HTML source is indented). Only
 * HTML's ASCII whitespace: a full-width space (U+3000) is the author's indent, which the report
 * passes recognise and record.
 */
export function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.replace(/^[ \t\n\f\r]+/, '') };
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last?.type === 'text') out[lastIndex] = { ...last, value: last.value.replace(/[ \t\n\f\r]+$/, '') };
  return out.filter((node) => !(node.type === 'text' && node.value === ''));
}

/**
 * Blocks flattened into one line of phrasing, separated by breaks: how paragraphs inside an HTML
 * table cell are kept (cells hold phrasing so every exporter can treat them alike).
 */
export function blocksToPhrasing(blocks: BlockContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const block of blocks) {
    let line: PhrasingContent[];
    if (block.type === 'paragraph' || block.type === 'heading') line = block.children;
    else if (block.type === 'item') {
      line = [{ type: 'text', value: block.ordinal.marker }, ...(block.title ?? []), ...block.children];
    } else {
      // Lists, tables, code…: their text, one line per row or item (a rule or page break has none).
      line = [];
      for (const value of toText(block).split('\n')) {
        if (line.length > 0) line.push({ type: 'break' });
        if (value !== '') line.push({ type: 'text', value });
      }
      while (line[line.length - 1]?.type === 'break') line.pop();
    }
    if (line.length === 0) continue;
    if (out.length > 0) out.push({ type: 'break' });
    out.push(...line);
  }
  return mergeTexts(out);
}
