/**
 * The document read in order as the sheets need it: every passage of text and every table with the
 * section it belongs to. Items, figures and table sheets all take their "section" from here, so the
 * three agree.
 */
import type { Document, Item, Table } from '@wenshu/parser';
import { headingLevel, titleHeadingOf, toText } from '@wenshu/parser';

/** A run of text: a numbered item, a paragraph outside items, or a heading. */
export interface Passage {
  kind: 'item' | 'paragraph' | 'heading';
  /** The section path: `四十、市自然资源和规划局`, or `一、… / （二）…` when nested. */
  section: string;
  /** The item, for `kind: 'item'`. */
  item?: Item;
  /** The item's marker as written (`2.`), `''` otherwise. */
  marker: string;
  /** The item's number, `null` otherwise. */
  number: number | null;
  /** The item's run-in title, `''` when it has none (and for paragraphs). */
  title: string;
  /** The text after the title: an item's body, a paragraph's whole text. */
  body: string;
  /** Prose a reader would quote figures from (not code or math). */
  prose: boolean;
  /** The source line it starts on, when known. */
  line?: number;
}

/** A table and where it stands. */
export interface TableEntry {
  table: Table;
  section: string;
  /** 1-based among the document's tables. */
  index: number;
}

export interface Walk {
  passages: Passage[];
  tables: TableEntry[];
}

/** Whitespace at either end and the layout characters OCR leaves there. */
function trim(text: string): string {
  return text.replace(/^[\s\u3000\u200b-\u200d\u2060\ufeff]+|[\s\u3000\u200b-\u200d\u2060\ufeff]+$/g, '');
}

/**
 * Walks the document's top-level blocks. `leadingSection` names the section of whatever comes
 * before the first heading (a report page that continues from an earlier page). Items inside lists
 * or block quotes are not outline items (as in the parser's `outline`): their text is one passage.
 */
export function walk(document: Document, leadingSection: string): Walk {
  const title = titleHeadingOf(document);
  const open: { level: number; text: string }[] = [];
  const passages: Passage[] = [];
  const tables: TableEntry[] = [];
  let section = leadingSection;

  for (const block of document.children) {
    if (block === title) continue;
    const at = block.position ? { line: block.position.start.line } : {};
    switch (block.type) {
      case 'heading': {
        const level = headingLevel(block);
        while (open.length > 0 && (open[open.length - 1] as { level: number }).level >= level) open.pop();
        const text = trim(toText(block));
        open.push({ level, text });
        section = open.map((heading) => heading.text).join(' / ');
        passages.push({
          kind: 'heading',
          section,
          marker: '',
          number: null,
          title: '',
          body: text,
          prose: true,
          ...at,
        });
        break;
      }
      case 'item':
        passages.push({
          kind: 'item',
          section,
          item: block,
          marker: block.ordinal.marker,
          number: block.ordinal.number,
          title: trim(toText({ type: 'paragraph', children: block.title ?? [] })),
          body: trim(toText({ type: 'paragraph', children: block.children })),
          prose: true,
          ...at,
        });
        break;
      case 'table':
        tables.push({
          table: block,
          section,
          index: tables.length + 1,
        });
        break;
      case 'thematicBreak':
      case 'pageBreak':
        break;
      default: {
        const body = trim(toText(block));
        if (body === '') break;
        const prose = block.type !== 'code' && block.type !== 'math';
        passages.push({ kind: 'paragraph', section, marker: '', number: null, title: '', body, prose, ...at });
      }
    }
  }
  return { passages, tables };
}
