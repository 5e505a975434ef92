/**
 * Pass `ordinals`: reads the Chinese or Arabic ordinal at the start of headings and paragraphs.
 * - A heading gets `ordinal`; its text keeps the marker (`四十、市自然资源和规划局` is what a reader sees).
 * - A paragraph that is a short ordinal line with no body (`一、经济运行总体平稳`) becomes a heading.
 * - Any other paragraph that starts with an ordinal becomes an `item`; the marker leaves the text
 *   for `ordinal.marker` (the run-in title is the next pass's business).
 *
 * Depth of a heading made from a line: the depth Markdown headings with the same ordinal level have
 * in this document (`## 四十、…` makes level 1 depth 2); failing that, counted from the nearest
 * level that has one; failing that, level 1 sits at the depth of the shallowest unnumbered heading,
 * or just below the title heading, or at 1.
 */
import type { BlockContent, Document, Heading, Item, Paragraph } from '../ast.js';
import { mapBlockLists } from './blocks.js';
import { type Fix, startLine } from './fix.js';
import { ordinalHeading } from './heading-lines.js';
import { matchOrdinal, type OrdinalMatch } from './ordinal-marker.js';
import { dropEmpty, head, phrasingText, splitPhrasing, trimPhrasingStart } from './phrasing.js';
import { titleHeading } from './title.js';

type Depth = Heading['depth'];

function clampDepth(depth: number, minimum = 1): Depth {
  return Math.max(minimum, Math.min(6, depth)) as Depth;
}

/** How deep a heading made from an ordinal line of each level goes, learnt from the document's headings. */
export function headingDepths(document: Document): (level: number) => Depth {
  const title = titleHeading(document);
  const known = new Map<number, number>();
  let unnumbered = Number.POSITIVE_INFINITY;
  for (const block of document.children) {
    if (block.type !== 'heading' || block === title) continue;
    const level =
      block.ordinal?.level ?? matchOrdinal(phrasingText(block.children), { context: 'heading' })?.ordinal.level;
    if (level === undefined) unnumbered = Math.min(unnumbered, block.depth);
    else if (!known.has(level)) known.set(level, block.depth);
  }
  const below = title ? 2 : 1;
  return (level) => {
    const exact = known.get(level);
    if (exact !== undefined) return clampDepth(exact);
    const levels = [...known.keys()];
    const lower = Math.max(...levels.filter((other) => other < level));
    if (Number.isFinite(lower)) return clampDepth((known.get(lower) as number) + level - lower);
    const higher = Math.min(...levels.filter((other) => other > level));
    if (Number.isFinite(higher)) return clampDepth((known.get(higher) as number) - (higher - level), below);
    const base = Number.isFinite(unnumbered) ? unnumbered : below;
    return clampDepth(base + level - 1);
  };
}

/** A heading made from a paragraph that is a short ordinal line; the text keeps its marker. */
export function headingFromLine(paragraph: Paragraph, match: OrdinalMatch, depth: Depth): Heading {
  const heading: Heading = {
    type: 'heading',
    depth,
    ordinal: match.ordinal,
    children: trimPhrasingStart(paragraph.children, /^[ \t\u3000]+/),
  };
  if (paragraph.position) heading.position = paragraph.position;
  return heading;
}

/** An item made from a paragraph that starts with an ordinal: the marker leaves the text. */
export function itemFromParagraph(paragraph: Paragraph, match: OrdinalMatch): Item {
  const item: Item = {
    type: 'item',
    ordinal: match.ordinal,
    children: dropEmpty(splitPhrasing(paragraph.children, match.end)[1]),
  };
  if (paragraph.position) item.position = paragraph.position;
  return item;
}

export function ordinalsPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const depthFor = headingDepths(document);
  const out = mapBlockLists(document, (blocks) => {
    // The `1.` number due next in this section, to tell item 8 (`8.6个重大专项`) from the amount 8.6;
    // 0 until an item has been seen (`1.5亿元` opening a section is an amount).
    let expectedArabic = 0;
    let changed = false;
    const result = blocks.map((block): BlockContent => {
      if (block.type === 'heading') {
        expectedArabic = 0;
        const match = matchOrdinal(phrasingText(block.children), { context: 'heading' });
        if (!match) return block;
        changed = true;
        return { ...block, ordinal: match.ordinal };
      }
      if (block.type !== 'paragraph') return block;
      const text = phrasingText(block.children);
      const options = { context: 'paragraph' as const, expectedArabic };
      const line = ordinalHeading(text, options);
      if (line) {
        changed = true;
        expectedArabic = 0;
        const heading = headingFromLine(block, line, depthFor(line.ordinal.level));
        fixes.push({
          kind: 'heading',
          line: startLine(block),
          before: text,
          after: `${'#'.repeat(heading.depth)} ${phrasingText(heading.children)}`,
        });
        return heading;
      }
      const match = matchOrdinal(text, options);
      if (!match) return block;
      changed = true;
      if (match.ordinal.style === 'arabic-dot') expectedArabic = match.ordinal.number + 1;
      else if (match.ordinal.level < 3) expectedArabic = 0;
      const item = itemFromParagraph(block, match);
      fixes.push({
        kind: 'item',
        line: startLine(block),
        before: head(text, 20),
        after: `[${match.ordinal.marker}] ${head(phrasingText(item.children), 16)}`,
      });
      return item;
    });
    return changed ? result : blocks;
  });
  return { document: out, fixes };
}
