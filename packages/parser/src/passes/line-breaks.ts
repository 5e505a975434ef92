/**
 * Pass `cjkLineBreaks`: a soft line break (a `\n` inside a text node; hard breaks are `break`
 * nodes and stay) is where the source wrapped its lines. Chinese is written without spaces, so next
 * to a CJK character the break is nothing; between two Latin words it is a space (what a browser
 * shows, and what CSS Text 3 §4.1.2 "segment break transformation" asks for East Asian text).
 */
import type { Document } from '../ast.js';
import { mapPhrasing } from './blocks.js';
import { isWide, trimEndWhere } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { excerpt, rewriteTexts } from './phrasing.js';

/** A run of spaces and breaks: one holding a break is a soft break with the spaces around it. */
const SOFT_BREAK = /[ \t\n]+/g;

/** Resolves the soft breaks of one text leaf, given the characters around it. */
export function resolveSoftBreaks(value: string, before: string, after: string): string {
  return value.replace(SOFT_BREAK, (run, index: number) => {
    if (!run.includes('\n')) return run;
    const previous = index === 0 ? before : value[index - 1];
    const nextIndex = index + run.length;
    const next = nextIndex >= value.length ? after : value[nextIndex];
    if (previous === '' || next === '' || previous === '\n' || next === '\n') return '';
    return isWide(previous) || isWide(next) ? '' : ' ';
  });
}

export function lineBreaksPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const out = mapPhrasing(document, (nodes, host) => {
    const rewritten = rewriteTexts(nodes, (value, before, after, leaf) => {
      const resolved = resolveSoftBreaks(value, before, after);
      if (resolved !== value) {
        // The first break ends the first line of the text node.
        const index = value.indexOf('\n');
        fixes.push({
          kind: 'line-break',
          line: leaf.position?.start.line ?? startLine(host.node),
          before: excerpt(value, index, 8, 1),
          after: excerpt(resolved, indexBeforeBreak(value, index), 8),
        });
      }
      return resolved;
    });
    return rewritten;
  });
  return { document: out, fixes };
}

/** Where the first break was, in the resolved text: the text before it is unchanged up to its spaces. */
function indexBeforeBreak(value: string, index: number): number {
  return trimEndWhere(value.slice(0, index), (char) => char === ' ' || char === '\t').length;
}
