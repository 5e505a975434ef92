/**
 * Phrasing helpers for the passes: read a run of inline nodes as one string, cut it at a character
 * offset (cloning the formatting wrappers on both sides), and rewrite its text leaves with the
 * characters around them in view. None of them mutates its input.
 */
import type { PhrasingContent, Position, Text } from '../ast.js';
import { toText } from '../lib/to-text.js';
import { firstCharacter, lastCharacter, trimEndWhere } from './characters.js';

/** The text a reader sees in a run of phrasing (the same string `toText` gives its parent). */
export function phrasingText(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) text += toText(node);
  return text;
}

/**
 * The position of `value[from, to)` of a text node. Exact when the node's source is its value (one
 * line, no escapes). In a node of several lines (soft line breaks), a slice of its first line is
 * placed from the node's start and a slice of its last line from its end: a reader of Markdown drops
 * the indentation of the lines between, so their columns are not known, and a slice of them or one
 * that spans lines has no position.
 */
function slicePosition(node: Text, from: number, to: number): Position | undefined {
  const position = node.position;
  if (!position) return undefined;
  const { start, end } = position;
  const value = node.value;
  if (start.line === end.line) {
    if (end.offset - start.offset !== value.length) return undefined;
    return {
      start: { line: start.line, column: start.column + from, offset: start.offset + from },
      end: { line: start.line, column: start.column + to, offset: start.offset + to },
    };
  }
  const firstEnd = value.indexOf('\n');
  const lastStart = value.lastIndexOf('\n') + 1;
  if (to <= firstEnd) {
    return {
      start: { line: start.line, column: start.column + from, offset: start.offset + from },
      end: { line: start.line, column: start.column + to, offset: start.offset + to },
    };
  }
  if (from >= lastStart) {
    const back = (at: number) => value.length - at;
    return {
      start: { line: end.line, column: end.column - back(from), offset: end.offset - back(from) },
      end: { line: end.line, column: end.column - back(to), offset: end.offset - back(to) },
    };
  }
  return undefined;
}

/** A text node holding `value[from, to)`, with its position when that can be known. */
export function sliceText(node: Text, from: number, to: number = node.value.length): Text {
  const sliced: Text = { type: 'text', value: node.value.slice(from, to) };
  const position = slicePosition(node, from, to);
  if (position) sliced.position = position;
  return sliced;
}

/**
 * Cuts phrasing at `offset` (in UTF-16 units of {@link phrasingText}). Wrappers that straddle the
 * cut are cloned on both sides, so `**1.标题。**正文` cut after `1.` gives `**1.**` and `**标题。**正文`.
 * Atomic nodes (code, math, footnote references) are never cut: one straddling the cut goes left.
 */
export function splitPhrasing(
  nodes: readonly PhrasingContent[],
  offset: number,
): [PhrasingContent[], PhrasingContent[]] {
  const left: PhrasingContent[] = [];
  const right: PhrasingContent[] = [];
  let rest = offset;
  for (const node of nodes) {
    if (rest <= 0) {
      right.push(node);
      continue;
    }
    const length = toText(node).length;
    if (length <= rest) {
      left.push(node);
      rest -= length;
    } else if (node.type === 'text') {
      left.push(sliceText(node, 0, rest));
      right.push(sliceText(node, rest));
      rest = 0;
    } else if ('children' in node) {
      const [inner, outer] = splitPhrasing(node.children, rest);
      // The halves of a cut wrapper no longer span the wrapper's source: they carry no position.
      const { position: _, ...wrapper } = node;
      if (inner.length > 0) left.push({ ...wrapper, children: inner } as PhrasingContent);
      if (outer.length > 0) right.push({ ...wrapper, children: outer } as PhrasingContent);
      rest = 0;
    } else {
      left.push(node);
      rest = 0;
    }
  }
  return [left, right];
}

/** Leading characters matching `pattern` (anchored, e.g. `/^\s+/`) removed from phrasing. */
export function trimPhrasingStart(nodes: readonly PhrasingContent[], pattern: RegExp): PhrasingContent[] {
  const match = pattern.exec(phrasingText(nodes));
  if (!match || match[0].length === 0) return [...nodes];
  return dropEmpty(splitPhrasing(nodes, match[0].length)[1]);
}

/** Trailing characters that `trimmed` accepts removed from phrasing. */
export function trimPhrasingEnd(
  nodes: readonly PhrasingContent[],
  trimmed: (char: string) => boolean,
): PhrasingContent[] {
  const text = phrasingText(nodes);
  const kept = trimEndWhere(text, trimmed).length;
  if (kept === text.length) return [...nodes];
  return dropEmpty(splitPhrasing(nodes, kept)[0]);
}

/** Removes empty text nodes and wrappers left empty by a cut (a link stays: its target is content). */
export function dropEmpty(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.value !== '') out.push(node);
    } else if ('children' in node && node.type !== 'link') {
      const children = dropEmpty(node.children);
      const same = children.length === node.children.length && children.every((child, i) => child === node.children[i]);
      if (children.length > 0) out.push(same ? node : ({ ...node, children } as PhrasingContent));
    } else {
      out.push(node);
    }
  }
  return out;
}

/**
 * Rewrites every text leaf with `rewrite(value, before, after)`, where `before` and `after` are the
 * characters of the whole run just outside the leaf (`''` at the ends), so a rule about "between two
 * CJK characters" sees across `**强调**,` boundaries. Code and math are left alone. Returns the
 * input array itself when no leaf changed.
 */
export function rewriteTexts(
  nodes: readonly PhrasingContent[],
  rewrite: (value: string, before: string, after: string, node: Text) => string,
): readonly PhrasingContent[] {
  const full = phrasingText(nodes);
  let offset = 0;
  const walk = (list: readonly PhrasingContent[]): readonly PhrasingContent[] => {
    let changed = false;
    const out = list.map((node): PhrasingContent => {
      if (node.type === 'text') {
        const start = offset;
        offset += node.value.length;
        const before = lastCharacter(full.slice(Math.max(0, start - 2), start));
        const value = rewrite(node.value, before, firstCharacter(full.slice(offset, offset + 2)), node);
        if (value === node.value) return node;
        changed = true;
        // The source span no longer matches the value character for character; it still says where it came from.
        return { ...node, value };
      }
      if ('children' in node) {
        const children = walk(node.children);
        if (children === node.children) return node;
        changed = true;
        return { ...node, children: children as PhrasingContent[] } as PhrasingContent;
      }
      offset += toText(node).length;
      return node;
    });
    return changed ? out : list;
  };
  const result = walk(nodes);
  return result === nodes ? nodes : dropEmpty(result);
}

/** Up to `radius` characters either side of `index`, with `…` where the text goes on. */
export function excerpt(text: string, index: number, radius = 12, length = 0): string {
  let start = Math.max(0, index - radius);
  let end = Math.min(text.length, index + length + radius);
  // Never cut a surrogate pair (ideographs outside the BMP) in half.
  if (/[\udc00-\udfff]/.test(text[start] ?? '')) start--;
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end++;
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** The first `length` characters of a text, with `…` when there is more. */
export function head(text: string, length = 24): string {
  // Counts characters (code points) only as far as needed: the text may be a whole long paragraph.
  let count = 0;
  for (let i = 0; i < text.length; count++) {
    if (count === length) return `${text.slice(0, i)}…`;
    i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  }
  return text;
}

/** The last `length` characters of a text, with `…` when there is more. */
export function tail(text: string, length = 24): string {
  // As head(), from the end: a low surrogate and the high one before it are one character.
  let count = 0;
  for (let i = text.length; i > 0; count++) {
    if (count === length) return `…${text.slice(i)}`;
    const low = text.charCodeAt(i - 1);
    const high = i >= 2 ? text.charCodeAt(i - 2) : 0;
    i -= low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
  }
  return text;
}
