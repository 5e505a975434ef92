/**
 * Pass `tableCaptions`: a short paragraph right above a table that names it (`表1 主要经济指标`,
 * `附表2：…`, `Table 3. …`) becomes the table's caption. OCR tools (MinerU) and most reports write
 * the caption as a paragraph of its own; read once here, every exporter keeps it with its table (the
 * PDF and Word never leave it at the foot of a page above a table on the next) and the workbook
 * names the table's sheet by it.
 */
import type { BlockContent, Document, Nodes, Paragraph, Table } from '../ast.js';
import { toText } from '../lib/to-text.js';
import { type Fix, startLine } from './fix.js';

/** `表1 …`, `表 3-2 …`, `附表2：…`, `续表1`, `Table 1. …`: a caption's label and number. */
export const CAPTION =
  /^(?:续?附?表|續?附?表|table)[ \t\u3000]*(?:[0-9０-９]+(?:[-.－．][0-9０-９]+)*|[一二三四五六七八九十]+)(?![0-9０-９])/i;
/** Longer than this, or ending like a sentence, a paragraph is prose that happens to start with 表. */
const CAPTION_MAX = 60;

/** The text of a paragraph that reads as a table's caption, or `null`. */
export function captionText(paragraph: Paragraph): string | null {
  if (paragraph.children.some((child) => child.type === 'image' || child.type === 'break')) return null;
  const text = toText(paragraph).trim();
  if ([...text].length > CAPTION_MAX || !CAPTION.test(text) || /[。；！？;!?]$/.test(text)) return null;
  return text;
}

/** The blocks with every caption paragraph moved into the table after it. */
function withCaptions(blocks: readonly BlockContent[], fixes: Fix[]): BlockContent[] | null {
  let out: BlockContent[] | null = null;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as BlockContent;
    const next = blocks[index + 1];
    if (block.type === 'paragraph' && next?.type === 'table' && !next.caption?.length) {
      const text = captionText(block);
      if (text !== null) {
        out ??= blocks.slice(0, index);
        const table: Table = { ...next, caption: block.children };
        out.push(table);
        fixes.push({ kind: 'caption', line: startLine(block), before: text, after: `[caption] ${text}` });
        index++;
        continue;
      }
    }
    out?.push(block);
  }
  return out;
}

/** Containers whose children are blocks, where a caption and its table may sit (a quote, a list item). */
function blockChildren(node: Nodes): BlockContent[] | undefined {
  switch (node.type) {
    case 'blockquote':
    case 'listItem':
    case 'footnoteDefinition':
      return node.children as BlockContent[];
    default:
      return undefined;
  }
}

export function tableCaptionsPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  // A copy of every container on the way down, so the input is not modified; without recursion.
  const root: Document = { ...document, children: [...document.children] };
  const stack: BlockContent[][] = [root.children];
  while (stack.length > 0) {
    const blocks = stack.pop() as BlockContent[];
    const changed = withCaptions(blocks, fixes);
    if (changed) {
      // Not `splice(0, n, ...changed)`: a flat document's blocks would overflow the arguments.
      blocks.length = 0;
      for (const block of changed) blocks.push(block);
    }
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index] as BlockContent;
      if (block.type === 'list') {
        const items = block.children.map((item) => ({ ...item, children: [...item.children] }));
        blocks[index] = { ...block, children: items };
        for (const item of items) stack.push(item.children);
      } else if (blockChildren(block)) {
        const copy = { ...block, children: [...(blockChildren(block) as BlockContent[])] } as BlockContent;
        blocks[index] = copy;
        stack.push(blockChildren(copy) as BlockContent[]);
      }
    }
  }
  return { document: root, fixes };
}
