/**
 * Immutable traversals the passes share: rewrite the lists of blocks that read as running text, or
 * every run of phrasing. Unchanged subtrees are shared with the input, never modified.
 */
import type { BlockContent, Document, Heading, Item, Paragraph, PhrasingContent, Table, TableCell } from '../ast.js';

/**
 * Rewrites each list of blocks that reads as running text: the document body, block quotes and
 * footnote definitions. List items keep their structure (a list's items are already numbered), and
 * table cells hold phrasing.
 */
export function mapBlockLists(document: Document, rewrite: (blocks: BlockContent[]) => BlockContent[]): Document {
  const inner = (blocks: BlockContent[]): BlockContent[] => {
    let changed = false;
    const out = rewrite(blocks).map((block) => {
      if (block.type !== 'blockquote') return block;
      const children = inner(block.children);
      if (children === block.children) return block;
      changed = true;
      return { ...block, children };
    });
    if (out.length !== blocks.length || out.some((block, index) => block !== blocks[index])) changed = true;
    return changed ? out : blocks;
  };
  const children = inner(document.children);
  let footnotesChanged = false;
  const footnotes = document.footnotes.map((footnote) => {
    const blocks = inner(footnote.children);
    if (blocks === footnote.children) return footnote;
    footnotesChanged = true;
    return { ...footnote, children: blocks };
  });
  if (children === document.children && !footnotesChanged) return document;
  return { ...document, children, footnotes: footnotesChanged ? footnotes : document.footnotes };
}

/** The node a run of phrasing belongs to, and which of its fields the run is. */
export type PhrasingHost =
  | { node: Paragraph | Heading | TableCell; field: 'children' }
  | { node: Item; field: 'children' | 'title' }
  | { node: Table; field: 'caption' };

export type PhrasingRewrite = (nodes: readonly PhrasingContent[], host: PhrasingHost) => readonly PhrasingContent[];

/**
 * Rewrites every run of phrasing: paragraphs, headings, items (title and body), table cells and
 * captions, inside block quotes, lists and footnotes too. `rewrite` returns its input to say
 * "unchanged".
 */
export function mapPhrasing(document: Document, rewrite: PhrasingRewrite): Document {
  const blocks = (list: BlockContent[]): BlockContent[] => {
    let changed = false;
    const out = list.map((block) => {
      const next = blockPhrasing(block, rewrite, blocks);
      if (next !== block) changed = true;
      return next;
    });
    return changed ? out : list;
  };
  const children = blocks(document.children);
  let footnotesChanged = false;
  const footnotes = document.footnotes.map((footnote) => {
    const next = blocks(footnote.children);
    if (next === footnote.children) return footnote;
    footnotesChanged = true;
    return { ...footnote, children: next };
  });
  if (children === document.children && !footnotesChanged) return document;
  return { ...document, children, footnotes: footnotesChanged ? footnotes : document.footnotes };
}

function blockPhrasing(
  block: BlockContent,
  rewrite: PhrasingRewrite,
  blocks: (list: BlockContent[]) => BlockContent[],
): BlockContent {
  switch (block.type) {
    case 'paragraph':
    case 'heading': {
      const children = rewrite(block.children, { node: block, field: 'children' });
      return children === block.children ? block : { ...block, children: [...children] };
    }
    case 'item': {
      const title = block.title ? rewrite(block.title, { node: block, field: 'title' }) : undefined;
      const children = rewrite(block.children, { node: block, field: 'children' });
      if (title === block.title && children === block.children) return block;
      const item: Item = { ...block, children: [...children] };
      if (title && title.length > 0) item.title = [...title];
      else delete item.title;
      return item;
    }
    case 'blockquote': {
      const children = blocks(block.children);
      return children === block.children ? block : { ...block, children };
    }
    case 'list': {
      let changed = false;
      const items = block.children.map((listItem) => {
        const children = blocks(listItem.children);
        if (children === listItem.children) return listItem;
        changed = true;
        return { ...listItem, children };
      });
      return changed ? { ...block, children: items } : block;
    }
    case 'table':
      return tablePhrasing(block, rewrite);
    default:
      return block;
  }
}

function tablePhrasing(table: Table, rewrite: PhrasingRewrite): Table {
  let changed = false;
  const caption = table.caption ? rewrite(table.caption, { node: table, field: 'caption' }) : undefined;
  if (caption !== table.caption) changed = true;
  const rows = table.children.map((row) => {
    let rowChanged = false;
    const cells = row.children.map((cell) => {
      const children = rewrite(cell.children, { node: cell, field: 'children' });
      if (children === cell.children) return cell;
      rowChanged = true;
      return { ...cell, children: [...children] };
    });
    if (!rowChanged) return row;
    changed = true;
    return { ...row, children: cells };
  });
  if (!changed) return table;
  const out: Table = { ...table, children: rows };
  if (caption) out.caption = [...caption];
  return out;
}
