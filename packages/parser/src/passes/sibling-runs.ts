/**
 * Sibling runs: the numbered blocks of one list, `（一）` `（二）` `（三）` …, which the passes decide
 * about together. Whether a short numbered line is a heading or an entry of a list, and whether a
 * list's items have run-in titles, is a decision about the list, not about one line of it.
 */
import type { Ordinal, OrdinalStyle } from '../ast.js';

/** The order of numbering styles: a smaller rank holds the larger ones (编 › 章 › 节; 一、 › （一） › 1.). */
export const STYLE_RANK: { [S in OrdinalStyle]: number } = {
  part: 1,
  subpart: 2,
  chapter: 3,
  section: 4,
  subsection: 4.5,
  article: 5,
  'formal-comma': 10,
  'stem-paren': 10.5,
  attachment: 0,
  'chinese-comma': 11,
  'chinese-space': 11,
  'chinese-paren': 12,
  'arabic-dot': 13,
  'arabic-paren': 14,
  circled: 15,
  // Section numbers of papers and standards hold the lists inside them: `3 方法` › `3.1` › `1.` › `（1）`.
  decimal: 12,
};

/** The rank of an ordinal: its style's, and for `1.2.3` a tenth more per number (deeper, still above `1.`). */
export function ordinalRank(ordinal: Ordinal): number {
  return ordinal.style === 'decimal' ? STYLE_RANK.decimal + ordinal.level / 10 : STYLE_RANK[ordinal.style];
}

/**
 * Groups the numbered blocks of a list of blocks into runs of siblings. `ordinals[i]` is block i's
 * ordinal, `null` for an unnumbered block; `breaks[i]` says block i closes every open run (a heading
 * without a number). A block joins the open run of its style when it numbers on from it (`（二）`
 * after `（一）`), else starts a new one; a block of a higher rank closes the runs below it (a new
 * `一、` ends the `（一）` list of the section before). Returns the runs as lists of block indices.
 */
export function siblingRuns(ordinals: readonly (Ordinal | null)[], breaks: readonly boolean[] = []): number[][] {
  const runs: number[][] = [];
  const open = new Map<number, { run: number[]; last: Ordinal }>();
  ordinals.forEach((ordinal, index) => {
    if (breaks[index]) open.clear();
    if (!ordinal) return;
    const rank = ordinalRank(ordinal);
    for (const other of [...open.keys()]) if (other > rank) open.delete(other);
    const current = open.get(rank);
    if (current && current.last.style === ordinal.style && ordinal.number === current.last.number + 1) {
      current.run.push(index);
      current.last = ordinal;
      return;
    }
    // 之一 continues its article's run: 第一百二十条, 第一百二十条之一, 第一百二十一条.
    if (current && ordinal.sub !== undefined && ordinal.number === current.last.number) {
      current.run.push(index);
      current.last = ordinal;
      return;
    }
    const run = [index];
    runs.push(run);
    open.set(rank, { run, last: ordinal });
  });
  return runs;
}

/**
 * The blocks that are clauses of an article: numbered blocks of another style after a `第X条`
 * (`（一）…`, `一、…`), up to the next heading or chapter. A clause is law, like its article: never a heading,
 * never given a run-in title.
 */
export function articleClauses(ordinals: readonly (Ordinal | null)[], breaks: readonly boolean[]): Set<number> {
  const clauses = new Set<number>();
  let inArticle = false;
  ordinals.forEach((ordinal, index) => {
    if (breaks[index]) inArticle = false;
    if (!ordinal) return;
    if (ordinal.style === 'article') inArticle = true;
    else if (ordinalRank(ordinal) < STYLE_RANK.article) inArticle = false;
    else if (inArticle) clauses.add(index);
  });
  return clauses;
}

/**
 * The last number an item of a bracketed numbering holds: its own, or, when its text runs on into its
 * next siblings' numbers (`(1)收集资料。…；(2）建立模型；…`), the last of them. Such a paragraph holds
 * the steps of a procedure printed as one: its first sentence is the first step, not a title over it,
 * and the list numbers on from the last step it holds.
 */
export function lastHeldNumber(ordinal: Ordinal, text: string): number {
  let number = ordinal.number;
  if (ordinal.style !== 'arabic-paren' || !/[）)]/.test(text)) return number;
  for (const match of text.matchAll(BRACKETED_NUMBER)) {
    if (Number(match[1]) === number + 1) number++;
  }
  return number;
}

/** A bracketed Arabic number in running text: `(2）`, `（ 3 ）`. */
const BRACKETED_NUMBER = /[（(]\s*(\d{1,3})\s*[）)]/g;
