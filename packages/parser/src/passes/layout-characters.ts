/**
 * Pass `layoutCharacters`: full-width-space (U+3000) indents and zero-width characters are how the
 * source was laid out, not text. An indent is a run of U+3000 at the start of a line (or the end of
 * the paragraph); a U+3000 inside a line (`李　强`, a name padded to three characters) stays, and so
 * does one ending a line inside a paragraph (`国务院总理　⏎李　强`): it separates what the break joins.
 * Chinese prose that Markdown read as an indented code block (every line indented four spaces) is
 * paragraphs. A circled number that OCR wrote as TeX (`$\textcircled{1}$`) is the character `①`.
 */
import type { Document, PhrasingContent } from '../ast.js';
import { mergeTexts } from '../lib/phrasing.js';
import { mapBlockLists, mapPhrasing } from './blocks.js';
import { INDENT_CHARS, isWide } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { isIndentedProse, readIndentedProse } from './indented-prose.js';
import { excerpt, head, phrasingText, rewriteTexts } from './phrasing.js';

/** A run of spaces; one holding a wide space (U+3000, `&emsp;` U+2003, no-break space) may be an indent. */
const SPACES = new RegExp(`[${INDENT_CHARS}]+`, 'g');
const ZERO_WIDTH_RUN = /[\u200b-\u200d\u2060\ufeff]+/g;

/** Removes layout characters from one text leaf, given the characters around it. */
export function removeLayoutCharacters(value: string, before: string, after: string): string {
  const withoutZeroWidth = value.replace(ZERO_WIDTH_RUN, (run, index: number) => {
    const previous = value[index - 1] ?? before;
    const next = value[index + run.length] ?? after;
    // ZWJ and ZWNJ shape emoji sequences and some scripts: between two such characters they are text.
    return /^[\u200c\u200d]+$/.test(run) && joinsSymbols(previous, next) ? run : '';
  });
  return withoutZeroWidth.replace(SPACES, (run, index: number) => {
    if (/^[ \t]+$/.test(run)) return run;
    const previous = index === 0 ? before : withoutZeroWidth[index - 1];
    const nextIndex = index + run.length;
    const next = nextIndex >= withoutZeroWidth.length ? after : withoutZeroWidth[nextIndex];
    const atLineStart = previous === '' || previous === '\n';
    return atLineStart || next === '' ? '' : run;
  });
}

function joinsSymbols(previous: string | undefined, next: string | undefined): boolean {
  const visible = (char: string | undefined) => char !== undefined && char !== '' && /\S/u.test(char);
  return visible(previous) && visible(next) && !isWide(previous) && !isWide(next);
}

/** `\textcircled{1}`, `\textcircled { 3 }`: how OCR (MinerU) writes a circled number as TeX. */
const CIRCLED_TEX = /^\s*\\textcircled\s*\{\s*(\d{1,2})\s*\}\s*$/;

/** Formulas that are only a circled number (`$\textcircled{1}$`) as the character they stand for (`①`). */
function circledFromTex(nodes: readonly PhrasingContent[]): readonly PhrasingContent[] {
  let changed = false;
  const out = nodes.map((node): PhrasingContent => {
    if (node.type !== 'inlineMath') return node;
    const number = Number(CIRCLED_TEX.exec(node.value)?.[1] ?? 0);
    if (number < 1 || number > 20) return node;
    changed = true;
    const text: PhrasingContent = { type: 'text', value: String.fromCodePoint(0x2460 + number - 1) };
    if (node.position) text.position = node.position;
    return text;
  });
  return changed ? mergeTexts(out) : nodes;
}

export function layoutCharactersPass(document: Document): { document: Document; fixes: Fix[] } {
  const fixes: Fix[] = [];
  const prose = mapBlockLists(document, (blocks) => {
    const read = readIndentedProse(blocks);
    if (!read) return blocks;
    for (const block of blocks) {
      if (block.type !== 'code' || !isIndentedProse(block)) continue;
      fixes.push({
        kind: 'layout',
        line: startLine(block),
        before: head(block.value, 12),
        after: 'paragraphs, not code',
      });
    }
    return read;
  });
  const out = mapPhrasing(prose, (input, host) => {
    const nodes = circledFromTex(input);
    if (nodes !== input) {
      fixes.push({
        kind: 'layout',
        line: startLine(host.node),
        before: head(phrasingText(input), 16),
        after: head(phrasingText(nodes), 16),
      });
    }
    const rewritten = rewriteTexts(nodes, removeLayoutCharacters);
    if (rewritten !== nodes) {
      const before = phrasingText(nodes);
      const index = before.search(/[\u00a0\u2000-\u200a\u3000\u200b-\u200d\u2060\ufeff]/);
      const after = phrasingText(rewritten);
      fixes.push({
        kind: 'layout',
        line: startLine(host.node),
        before: excerpt(before, Math.max(index, 0), 8, 1),
        after: excerpt(after, Math.max(index - 1, 0), 8, 1),
      });
    }
    return rewritten === input ? input : rewritten;
  });
  return { document: out, fixes };
}
