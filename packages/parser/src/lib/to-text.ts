import type { Nodes } from '../ast.js';

/**
 * The plain text a reader sees: text, code and math as written, the ordinal marker of an item,
 * a footnote reference's number, a line break as `\n`; blocks and list items one per line,
 * table cells separated by tabs. Image alt text is not shown text, so an image gives `''`.
 * A document's footnotes follow its body, as they do on the page.
 */
export function toText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'inlineMath':
    case 'code':
    case 'math':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'thematicBreak':
    case 'pageBreak':
      return '';
    case 'footnoteReference':
      return String(node.number);
    case 'item':
      return node.ordinal.marker + phrasingText(node.title ?? []) + phrasingText(node.children);
    case 'tableRow':
      return node.children.map(toText).join('\t');
    case 'table': {
      const rows = node.children.map(toText);
      return node.caption ? [phrasingText(node.caption), ...rows].join('\n') : rows.join('\n');
    }
    case 'document':
      return [...node.children, ...node.footnotes].map(toText).join('\n');
    case 'blockquote':
    case 'list':
    case 'listItem':
    case 'footnoteDefinition':
      return node.children.map(toText).join('\n');
    default:
      // Paragraph, heading, table cell and the inline wrappers: their phrasing, joined.
      return phrasingText(node.children);
  }
}

function phrasingText(nodes: readonly Nodes[]): string {
  let text = '';
  for (const node of nodes) text += toText(node);
  return text;
}
