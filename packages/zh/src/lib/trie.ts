import { type DictGroup, type DictLike, dictEntries } from './opencc-data.js';

class TrieNode {
  children: Map<number, TrieNode> | undefined = undefined;
  value: string | undefined = undefined;
}

/**
 * A prefix tree over code points for forward maximum matching, with the same semantics as
 * opencc-js's `Trie` (longest key wins; a later `add` of the same key replaces the earlier one).
 * It is our own so that matching can stop at a limit without slicing strings and report the
 * match without allocating: the conversion loop calls it once per character.
 */
export class Trie {
  // The first level, consulted at every position of every text, is an array indexed by code
  // unit for characters up to U+FFFF (a map lookup there was a fifth of the conversion time);
  // characters beyond have a map. Deeper levels are maps.
  private readonly firstLevel: (TrieNode | undefined)[] = new Array(0x10000);
  private readonly firstLevelAstral = new Map<number, TrieNode>();
  /** Value of the entry found by the last successful {@link Trie.match}; scratch state. */
  matchedValue = '';
  /** Number of keys. */
  size = 0;

  add(key: string, value: string): void {
    const first = key.codePointAt(0);
    if (first === undefined) throw new TypeError('a dictionary key cannot be empty');
    let node = first <= 0xffff ? this.firstLevel[first] : this.firstLevelAstral.get(first);
    if (!node) {
      node = new TrieNode();
      if (first <= 0xffff) this.firstLevel[first] = node;
      else this.firstLevelAstral.set(first, node);
    }
    for (let i = first > 0xffff ? 2 : 1; i < key.length; ) {
      const codePoint = key.codePointAt(i) as number;
      i += codePoint > 0xffff ? 2 : 1;
      node.children ??= new Map();
      let next = node.children.get(codePoint);
      if (!next) {
        next = new TrieNode();
        node.children.set(codePoint, next);
      }
      node = next;
    }
    if (node.value === undefined) this.size++;
    node.value = value;
  }

  /**
   * The end (exclusive, in code units) of the longest key that starts at `start` and ends by
   * `limit`, or -1 when none does. The key's value is left in {@link Trie.matchedValue}.
   */
  match(text: string, start: number, limit: number): number {
    if (start >= limit) return -1;
    let codePoint = text.charCodeAt(start);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff) codePoint = text.codePointAt(start) as number;
    let node = codePoint <= 0xffff ? this.firstLevel[codePoint] : this.firstLevelAstral.get(codePoint);
    if (node === undefined) return -1;
    let i = start + (codePoint > 0xffff ? 2 : 1);
    let end = -1;
    if (node.value !== undefined) {
      end = i;
      this.matchedValue = node.value;
    }
    while (i < limit && node.children !== undefined) {
      const next = text.codePointAt(i) as number;
      node = node.children.get(next);
      if (node === undefined) break;
      i += next > 0xffff ? 2 : 1;
      if (node.value !== undefined) {
        end = i;
        this.matchedValue = node.value;
      }
    }
    return end;
  }
}

/** A trie of `dicts` where, as in opencc-js's dictionary groups, the first dictionary wins. */
export function trieFromDictGroup(dicts: DictGroup): Trie {
  const trie = new Trie();
  for (let i = dicts.length - 1; i >= 0; i--) addDict(trie, dicts[i] as DictLike);
  return trie;
}

function addDict(trie: Trie, dict: DictLike): void {
  for (const [from, to] of dictEntries(dict)) trie.add(from, to);
}

/** Code units taken by an unmatched character at `i`, as opencc-js counts them (see below). */
export function unmatchedLength(text: string, i: number): number {
  const end = ideographicDescriptionEnd(text, i);
  return end > i ? end - i : codePointLength(text, i);
}

function codePointLength(text: string, i: number): number {
  return (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
}

// An ideographic description sequence (⿰氵马: a character described by its parts) is one unit
// for opencc-js: it never converts inside one. Mirrored exactly so our output equals opencc-js's.
function descriptionArity(codePoint: number): number {
  if (codePoint >= 0x2ff0 && codePoint <= 0x2ff1) return 2;
  if (codePoint >= 0x2ff2 && codePoint <= 0x2ff3) return 3;
  if (codePoint >= 0x2ff4 && codePoint <= 0x2fff) return 2;
  return 0;
}

function ideographicDescriptionEnd(text: string, i: number): number {
  const arity = descriptionArity(text.codePointAt(i) as number);
  if (arity === 0) return 0;
  let end = i + codePointLength(text, i);
  for (let n = 0; n < arity; n++) {
    if (end >= text.length) return 0;
    const childEnd = ideographicDescriptionEnd(text, end);
    end = childEnd || end + codePointLength(text, end);
  }
  return end;
}
