/**
 * `check`: what looks wrong in a structured report and needs a person, as opposed to what the
 * passes could repair (those are the fixes). Numbering gaps, duplicates and sections out of order;
 * unbalanced brackets and quotes; half-width punctuation in Chinese text; page markers left in the
 * text; paragraphs too long to be one.
 */
import type { BlockContent, Document, Heading, Item, OrdinalStyle, Paragraph } from '../ast.js';
import { loneBrackets } from './brackets.js';
import { characterCount } from './characters.js';
import type { Fix } from './fix.js';
import { BRACKETED_MARKER } from './page-markers.js';

const MARKERS = new RegExp(BRACKETED_MARKER.source, 'g');

import { excerpt, head, phrasingText } from './phrasing.js';
import { normalisePunctuation } from './punctuation.js';
import { titleHeading } from './title.js';

export type SuspectKind =
  | 'section-gap'
  | 'section-duplicate'
  | 'section-order'
  | 'ordinal-gap'
  | 'ordinal-duplicate'
  | 'ordinal-order'
  | 'unbalanced'
  | 'half-width-punctuation'
  | 'page-marker'
  | 'long-paragraph';

/** Something for a person to look at: where (`line`, `null` when unknown), what, and the text around it. */
export interface Suspect {
  kind: SuspectKind;
  line: number | null;
  message: string;
  excerpt: string;
}

/** A paragraph longer than this (in characters) is probably several run together. */
export const MAX_PARAGRAPH = 1000;

type TextBlock = Paragraph | Heading | Item;

interface Seen {
  number: number;
  marker: string;
}

/** Paragraphs, headings and items in reading order, through block quotes, lists and footnotes. */
function textBlocks(document: Document): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (blocks: readonly BlockContent[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph' || block.type === 'heading' || block.type === 'item') out.push(block);
      else if (block.type === 'blockquote') walk(block.children);
      else if (block.type === 'list') for (const listItem of block.children) walk(listItem.children);
    }
  };
  walk(document.children);
  for (const footnote of document.footnotes) walk(footnote.children);
  return out;
}

function textOf(block: TextBlock): string {
  if (block.type === 'item') return phrasingText(block.title ?? []) + phrasingText(block.children);
  return phrasingText(block.children);
}

function lineOf(block: TextBlock): number | null {
  return block.position?.start.line ?? null;
}

/**
 * Follows the numberings of a text and compares each number with the one before it in the same
 * numbering. Which numbering is nested in which is read from the order they appear in, not from
 * their levels: a quoted amendment can put `（一）` clauses under `2.`, so `3.` after `（三）` continues
 * the `1.` numbering and restarts nothing. A style seen for the first time opens a numbering nested
 * in the current one; returning to an open style closes those nested in it.
 */
class Numbering {
  private open: (Seen & { style: OrdinalStyle })[] = [];

  constructor(
    private readonly what: 'section' | 'ordinal',
    private readonly report: (suspect: Suspect) => void,
  ) {}

  next(block: Heading | Item, style: OrdinalStyle, number: number, marker: string, firstMayBeLater: boolean): void {
    const index = this.open.findIndex((seen) => seen.style === style);
    const previous = index === -1 ? undefined : this.open[index];
    const at = {
      line: lineOf(block),
      excerpt: head(block.type === 'item' ? marker + textOf(block) : textOf(block), 30),
    };
    const noun = this.what === 'section' ? 'section' : 'item';
    if (!previous) {
      if (number !== 1 && !firstMayBeLater) {
        this.report({ kind: `${this.what}-gap`, ...at, message: `${noun} numbering starts at ${marker}` });
      }
    } else if (number === previous.number) {
      this.report({ kind: `${this.what}-duplicate`, ...at, message: `${noun} ${marker} repeats ${previous.marker}` });
    } else if (number < previous.number && number !== 1) {
      this.report({ kind: `${this.what}-order`, ...at, message: `${noun} ${marker} comes after ${previous.marker}` });
    } else if (number > previous.number + 1) {
      const missing = number - previous.number - 1;
      this.report({
        kind: `${this.what}-gap`,
        ...at,
        message: `${noun} ${marker} follows ${previous.marker}: ${missing} number${missing > 1 ? 's' : ''} missing`,
      });
    }
    if (index !== -1) this.open = this.open.slice(0, index);
    this.open.push({ style, number, marker });
  }

  /** A new section: numberings start again, but for those that run through the whole text. */
  restartExcept(kept: OrdinalStyle): void {
    this.open = this.open.filter((seen) => seen.style === kept);
  }
}

function numberingSuspects(document: Document, report: (suspect: Suspect) => void): void {
  const continued = document.meta.continuedFrom !== undefined;
  const sections = new Numbering('section', report);
  const items = new Numbering('ordinal', report);
  const headingStylesSeen = new Set<OrdinalStyle>();
  const title = titleHeading(document);
  let headingSeen = false;
  for (const block of document.children) {
    if (block.type === 'heading' && block !== title) {
      headingSeen = true;
      // Article numbers run through a whole law, across its chapters and sections.
      items.restartExcept('article');
      const ordinal = block.ordinal;
      if (!ordinal) continue;
      // A page continued from an earlier one starts in the middle of its numbering.
      const firstMayBeLater = continued && !headingStylesSeen.has(ordinal.style);
      headingStylesSeen.add(ordinal.style);
      sections.next(block, ordinal.style, ordinal.number, ordinal.marker, firstMayBeLater);
    } else if (block.type === 'item') {
      const { style, number, marker } = block.ordinal;
      items.next(block, style, number, marker, continued && !headingSeen);
    }
  }
}

/** “” may span paragraphs: a quoted passage of several paragraphs opens each with “ and closes once. */
function bracketSuspects(blocks: TextBlock[], report: (suspect: Suspect) => void): void {
  let openQuote: TextBlock | null = null;
  const unclosedQuote = (block: TextBlock) =>
    report({ kind: 'unbalanced', line: lineOf(block), message: '“ is never closed', excerpt: head(textOf(block), 30) });
  for (const block of blocks) {
    if (block.type === 'heading' && openQuote) {
      unclosedQuote(openQuote);
      openQuote = null;
    }
    const text = textOf(block);
    let depth: number = openQuote ? 1 : 0;
    let opener: TextBlock | null = openQuote;
    // A paragraph that reopens the quote carried from the one before: the convention, not a new quote.
    const start = openQuote && text.startsWith('“') ? 1 : 0;
    for (let index = start; index < text.length; index++) {
      if (text[index] === '“') {
        if (depth === 0) opener = block;
        depth++;
      } else if (text[index] === '”') {
        if (depth > 0) depth--;
        else
          report({
            kind: 'unbalanced',
            line: lineOf(block),
            message: '” closes no “',
            excerpt: excerpt(text, index, 12, 1),
          });
      }
    }
    openQuote = depth > 0 ? opener : null;
    const { unclosed, unopened } = loneBrackets(text.replace(/[“”]/g, ' '));
    for (const lone of unclosed) {
      report({
        kind: 'unbalanced',
        line: lineOf(block),
        message: `${lone.char} is never closed`,
        excerpt: excerpt(text, lone.index, 12, 1),
      });
    }
    for (const lone of unopened) {
      report({
        kind: 'unbalanced',
        line: lineOf(block),
        message: `${lone.char} closes nothing`,
        excerpt: excerpt(text, lone.index, 12, 1),
      });
    }
  }
  if (openQuote) unclosedQuote(openQuote);
}

function textSuspects(blocks: TextBlock[], report: (suspect: Suspect) => void): void {
  for (const block of blocks) {
    const text = textOf(block);
    const line = lineOf(block);
    const normalised = normalisePunctuation(text, '', '');
    if (normalised !== text) {
      let count = 0;
      let first = -1;
      for (let index = 0; index < text.length; index++) {
        if (text[index] === normalised[index]) continue;
        count++;
        if (first === -1) first = index;
      }
      report({
        kind: 'half-width-punctuation',
        line,
        message: `${count} half-width punctuation mark${count > 1 ? 's' : ''} in Chinese text`,
        excerpt: excerpt(text, first, 12, 1),
      });
    }
    // A boundary is a marker kept on purpose, between two articles.
    const markers = block.type === 'paragraph' && block.element === 'boundary' ? [] : text.matchAll(MARKERS);
    for (const match of markers) {
      report({
        kind: 'page-marker',
        line,
        message: `page marker ${match[0].trim()} left in the text`,
        excerpt: excerpt(text, match.index, 12, match[0].length),
      });
    }
    const length = characterCount(text);
    if (length > MAX_PARAGRAPH) {
      report({
        kind: 'long-paragraph',
        line,
        message: `paragraph of ${length} characters (over ${MAX_PARAGRAPH})`,
        excerpt: head(text, 30),
      });
    }
  }
}

/** The fixes the passes made, and what they could not decide. Suspects are in document order. */
export function check(document: Document, fixes: Fix[]): { fixes: Fix[]; suspects: Suspect[] } {
  const suspects: Suspect[] = [];
  const report = (suspect: Suspect) => suspects.push(suspect);
  const blocks = textBlocks(document);
  numberingSuspects(document, report);
  bracketSuspects(blocks, report);
  textSuspects(blocks, report);
  // Stable sort: by line, those without one last.
  const order = (suspect: Suspect) => suspect.line ?? Number.MAX_SAFE_INTEGER;
  suspects.sort((a, b) => order(a) - order(b));
  return { fixes: [...fixes], suspects };
}
