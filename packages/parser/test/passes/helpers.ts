/** Shared helpers for the pass tests. */
import { type Document, parse } from '../../src/index.js';
import { type StructureOptions, structure } from '../../src/passes/index.js';

/** Every pass off: a test switches on the one it is about. */
export const NONE: Required<StructureOptions> = {
  ordinals: false,
  runInTitles: false,
  pageMarkers: false,
  brokenParagraphs: false,
  cjkLineBreaks: false,
  layoutCharacters: false,
  punctuation: false,
  title: false,
  headings: false,
  elements: false,
  tableCaptions: false,
};

/** Parses Markdown and runs the given passes (all others off). */
export function only(markdown: string, options: StructureOptions) {
  return structure(parse(markdown), { ...NONE, ...options });
}

/** The CJK characters of a text, in order: ideographs, CJK and full-width punctuation, Chinese quotes. */
export function cjkSequence(text: string): string {
  return (text.match(/[\p{Script=Han}\u3001-\u303f\uff01-\uff60“”‘’…—]/gu) ?? []).join('');
}

/** Freezes a tree all the way down, so a pass that writes to its input throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The document's top-level blocks as `type: text` lines, for compact assertions. */
export function blockLines(document: Document): string[] {
  return document.children.map((block) => {
    if (block.type === 'item') {
      const title = block.title ? `**${phrasingOf(block.title)}**` : '';
      return `item ${block.ordinal.marker}|${title}|${phrasingOf(block.children)}`;
    }
    if (block.type === 'heading') return `h${block.depth} ${phrasingOf(block.children)}`;
    if (block.type === 'paragraph')
      return `p${block.element ? `[${block.element}]` : ''} ${phrasingOf(block.children)}`;
    return block.type;
  });
}

function phrasingOf(nodes: readonly { type: string }[]): string {
  return nodes
    .map((node) => {
      if ('value' in node && typeof node.value === 'string') return node.value;
      if ('children' in node && Array.isArray(node.children)) {
        const inner = phrasingOf(node.children);
        return node.type === 'strong' ? `**${inner}**` : node.type === 'emphasis' ? `*${inner}*` : inner;
      }
      return node.type === 'break' ? '\\n' : '';
    })
    .join('');
}
