/**
 * Pass `levels`, the last step of `structure()` (always on): decides each heading's `level`, its
 * place in the document's outline, once for every output. The outline, Word's Heading styles, the
 * PDF's sizes and bookmarks and the workbook's section paths all read it.
 *
 * Two things say how headings nest, and the pass reads them together:
 * - the depth the source gives (`##` is 2; a plain-text heading line gets one from its ordinal);
 * - the ordinal, whose numbering styles have a fixed order: 编 › 分编 › 章 › 节 › 条 in legal texts,
 *   `一、` › `（一）` › `1.` › `（1）` › `①` in reports, `1` › `1.1` › `1.1.1` in papers.
 * A heading's rank is its depth first and its numbering style second, so the `#` marks decide where
 * they distinguish levels (`## 第一编` › `### 第一章`) and the ordinals decide where they do not
 * (OCR writes every heading as `#`: `# 一、` › `# （一）`). A heading without an ordinal ranks with
 * the highest numbered headings of its depth (`# 摘要` beside `# 1 引言`), and the level is the
 * nesting that the ranks make: one more than the open headings of a higher rank. An attachment
 * (`附件1`) is a level-1 heading over a document of its own: its title, then its sections below it.
 */
import type { BlockContent, Document, Heading } from '../ast.js';
import { titleHeadingOf } from '../lib/document.js';
import { ordinalRank } from './sibling-runs.js';

function styleRank(heading: Heading): number | null {
  return heading.ordinal ? ordinalRank(heading.ordinal) : null;
}

/** Ranks of the headings (not the title), in order: depth first, numbering style second. */
function ranks(headings: Heading[]): number[] {
  const highestAtDepth = new Map<number, number>();
  for (const heading of headings) {
    const rank = styleRank(heading);
    if (rank === null) continue;
    highestAtDepth.set(heading.depth, Math.min(rank, highestAtDepth.get(heading.depth) ?? rank));
  }
  // Unnumbered headings each right over a list of sections that starts at one (`2020年工作总结` over
  // `一、…七、`, then `2021年工作计划` over `一、…六、`): parts, which hold the sections. Two at least:
  // one alone over `1 引言` is a section beside them (`摘要`).
  const listRankUnder = (index: number): number | null => {
    const heading = headings[index] as Heading;
    const next = headings[index + 1];
    return heading.ordinal === undefined && next?.depth === heading.depth && next.ordinal?.number === 1
      ? styleRank(next)
      : null;
  };
  const partRanks = headings.map((_, index) => listRankUnder(index));
  const parts = partRanks.filter((rank) => rank !== null).length;
  const partRank = (heading: Heading, under: number): number => {
    const highest = highestAtDepth.get(heading.depth) ?? 0;
    return highest < under ? highest : under - 0.5;
  };
  // The rank of the parts at each depth, when they rank above every numbered heading there.
  const partsAtDepth = new Map<number, number>();
  if (parts >= 2) {
    headings.forEach((heading, index) => {
      const under = partRanks[index];
      if (under === null || under === undefined) return;
      const rank = partRank(heading, under);
      if (rank < (highestAtDepth.get(heading.depth) ?? 0)) partsAtDepth.set(heading.depth, rank);
    });
  }
  // Whether an unnumbered heading stands outside any list: no numbered heading of its depth after it
  // goes on numbering (`总结` after `3.2`, with nothing or a new `1` list after it).
  const outsideLists = (index: number): boolean => {
    const depth = (headings[index] as Heading).depth;
    const next = headings.slice(index + 1).find((other) => other.depth === depth && other.ordinal);
    return next?.ordinal === undefined || next.ordinal.number === 1;
  };
  return headings.map((heading, index) => {
    const own = styleRank(heading);
    if (own !== null) return heading.depth * 100 + own;
    const highest = highestAtDepth.get(heading.depth) ?? 0;
    const under = partRanks[index];
    // A part ranks with the highest numbered headings beside it when they rank above its list (`2
    // …` lost its number over `2.1`), else just above its list.
    if (parts >= 2 && under !== null && under !== undefined) return heading.depth * 100 + partRank(heading, under);
    // Where the top parts lost their numbers (`政策网络概述` over `2.1`), an unnumbered heading outside
    // every list (`总结`, `参考文献`) ranks with them, not with the numbered sections inside them.
    const beside = partsAtDepth.get(heading.depth);
    if (beside !== undefined && outsideLists(index)) return heading.depth * 100 + beside;
    return heading.depth * 100 + highest;
  });
}

/** The document with every heading of its body (not the title) given its outline level. */
export function levelsPass(document: Document): Document {
  const title = titleHeadingOf(document);
  const headings = document.children.filter((block): block is Heading => block.type === 'heading' && block !== title);
  const rankOf = new Map<Heading, number>();
  ranks(headings).forEach((rank, index) => {
    rankOf.set(headings[index] as Heading, rank);
  });
  const open: number[] = [];
  // An attachment (`附件1`) starts an outline of its own below it: its title, then its sections.
  let base = 0;
  let titleDue = false;
  let changed = false;
  const children = document.children.map((block): BlockContent => {
    const rank = block.type === 'heading' ? rankOf.get(block) : undefined;
    if (block.type !== 'heading' || rank === undefined) return block;
    let level: number;
    if (block.ordinal?.style === 'attachment') {
      open.length = 0;
      base = 1;
      titleDue = true;
      level = 1;
    } else if (titleDue && !block.ordinal) {
      base = 2;
      titleDue = false;
      level = 2;
    } else {
      titleDue = false;
      while (open.length > 0 && (open[open.length - 1] as number) >= rank) open.pop();
      open.push(rank);
      level = base + open.length;
    }
    if (block.level === level) return block;
    changed = true;
    return { ...block, level };
  });
  return changed ? { ...document, children } : document;
}

/**
 * A heading's level in the outline: the one `structure()` decided, or its depth in a tree that
 * `structure()` has not seen. Every output reads levels through this.
 */
export function headingLevel(heading: Heading): number {
  return heading.level ?? heading.depth;
}
