/**
 * The outline of a structured report as plain JSON: its title, page markers, sections (from the
 * headings) with their numbered items, and the fixes the passes made. A public contract (the CLI
 * prints it, spreadsheets are built from it): add fields only, never rename.
 */
import type { Document, DocumentElement, Heading, Item } from '../ast.js';
import { titleHeadingOf } from '../lib/document.js';
import { trimLayout } from './characters.js';
import type { Fix } from './fix.js';
import { headingLevel } from './levels.js';
import { phrasingText } from './phrasing.js';

/** A numbered item: `text` is its body, without marker and title. */
export interface OutlineItem {
  marker: string;
  number: number;
  level: number;
  title: string | null;
  text: string;
}

/**
 * A section: a heading and what follows it up to the next heading of the same or a shallower
 * depth. `heading` is the full text including its marker; `marker` and `number` come from its
 * ordinal (`null` without one). `level` is the nesting in this outline, 1 for top-level sections.
 * The items before the first heading form a first section whose `heading` is `null`.
 */
export interface OutlineSection {
  heading: string | null;
  marker: string | null;
  level: number;
  number: number | null;
  items: OutlineItem[];
  sections: OutlineSection[];
}

/** A frame element of the document (`paragraph.element`): a subtitle, byline, addressee, salutation, signature, date or boundary. */
export interface OutlineElement {
  kind: DocumentElement;
  text: string;
  /** The 1-based source line, 0 when the paragraph has no position. */
  line: number;
}

export interface Outline {
  title: string | null;
  continuedFrom: string | null;
  continuedTo: string | null;
  sections: OutlineSection[];
  /** The document's frame elements in order. */
  elements: OutlineElement[];
  fixes: Fix[];
}

function outlineItem(item: Item): OutlineItem {
  return {
    marker: item.ordinal.marker,
    number: item.ordinal.number,
    level: item.ordinal.level,
    title: item.title ? trimLayout(phrasingText(item.title)) : null,
    text: trimLayout(phrasingText(item.children)),
  };
}

/** A heading set on two lines (an attachment's title) as one line of the outline. */
function oneLine(text: string): string {
  return trimLayout(
    text
      .split('\n')
      .map((line) => trimLayout(line))
      .join(''),
  );
}

function section(heading: Heading | null, level: number): OutlineSection {
  return {
    heading: heading ? oneLine(phrasingText(heading.children)) : null,
    marker: heading?.ordinal?.marker ?? null,
    level,
    number: heading?.ordinal?.number ?? null,
    items: [],
    sections: [],
  };
}

/**
 * The outline of a document's body. The title heading is not a section; items inside block quotes
 * or lists are not outline items.
 */
export function outline(document: Document, fixes: Fix[]): Outline {
  const title = titleHeadingOf(document);
  const sections: OutlineSection[] = [];
  // Open sections from the outermost in, with the heading level that opened each.
  const open: { section: OutlineSection; level: number }[] = [];
  const elements: OutlineElement[] = [];
  for (const block of document.children) {
    if (block.type === 'paragraph' && block.element) {
      elements.push({
        kind: block.element,
        text: trimLayout(phrasingText(block.children)),
        line: block.position?.start.line ?? 0,
      });
    } else if (block.type === 'heading') {
      if (block === title) continue;
      const level = headingLevel(block);
      while (open.length > 0 && (open[open.length - 1] as { level: number }).level >= level) open.pop();
      const parent = open[open.length - 1];
      const next = section(block, open.length + 1);
      (parent ? parent.section.sections : sections).push(next);
      open.push({ section: next, level });
    } else if (block.type === 'item') {
      let current = open[open.length - 1]?.section;
      if (!current) {
        current = section(null, 1);
        sections.push(current);
        // Any heading closes this leading section.
        open.push({ section: current, level: Number.POSITIVE_INFINITY });
      }
      current.items.push(outlineItem(block));
    }
  }
  return {
    title: document.meta.title ?? null,
    continuedFrom: document.meta.continuedFrom ?? null,
    continuedTo: document.meta.continuedTo ?? null,
    sections,
    elements,
    fixes: fixes.map(({ kind, line, before, after }) => ({ kind, line, before, after })),
  };
}
