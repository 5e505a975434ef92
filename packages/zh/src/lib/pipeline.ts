/**
 * OpenCC's Simplified → Traditional conversion, re-run on opencc-js's own dictionaries so that it
 * can (a) report how its output lines up with its input and (b) let the package's override words
 * take part in segmentation. With no overrides its output equals opencc-js's `Converter` exactly
 * (tested on the whole corpus and OpenCC's test cases).
 *
 * opencc-js converts `cn → tw` like this: normalise CJK compatibility ideographs; cut the text into
 * segments by forward maximum matching on the phrase dictionary (a phrase is a segment, a run of
 * characters that start no phrase is a segment); then run every segment through each stage of the
 * conversion chain (stage 1: phrases and characters to OpenCC Traditional; stage 2: regional
 * phrases and character variants), each stage a maximum match that never crosses a segment edge.
 *
 * Two observations make one pass do segmentation and stage 1 together: the segmentation
 * dictionaries are exactly the multi-character part of stage 1 (the rest of stage 1 is the
 * one-character table), so the longest stage-1 match at a position is a phrase segment exactly
 * when it is longer than one character; and inside a run stage 1 converts character by character.
 * `s2t` has no segmentation step, but its single stage is a maximum match over the same phrases,
 * which gives the same output as segmenting first; segmenting it too lets override words compete
 * with OpenCC's phrases the same way in every edition.
 */
import { Alignment, composeAlignments, hasSurrogate, keepsCharacterCount } from './alignment.js';
import { type DictGroup, type DictLike, dictEntries, type OpenccConfig, openccConfig } from './opencc-data.js';
import { type Trie, trieFromDictGroup, unmatchedLength } from './trie.js';
import { COMPUTING_WORDS, type Vocabulary } from './vocabulary.js';

/** The Traditional editions: OpenCC standard, Taiwan characters, Taiwan phrases, Hong Kong. */
export type Variant = 't' | 'tw' | 'twp' | 'hk';

export const VARIANTS: readonly Variant[] = ['t', 'tw', 'twp', 'hk'];

/** Override words competing with OpenCC's phrases (see `overrides.ts`). */
export interface OverrideTries {
  /** Every override word of the edition. */
  words: Trie;
  /**
   * Those that also cut an OpenCC phrase starting before them when they reach past its end
   * (多采|用 → 多|採用); undefined when there are none.
   */
  cutting: Trie | undefined;
}

const CONFIG_OF: Record<Variant, string> = { t: 's2t', tw: 's2tw', twp: 's2twp', hk: 's2hk' };

export class OpenccPipeline {
  private readonly normalization: Trie | undefined;
  private readonly normalizationPattern: RegExp | undefined;
  private readonly firstStage: Trie;
  private readonly laterStages: readonly Trie[];
  /** The later stages without `twp`'s Taiwan phrases: the edition's character forms only. */
  private readonly variantStages: readonly Trie[];

  /**
   * `vocabulary` matters for `twp` only (the one edition with OpenCC's Taiwan phrase table):
   * `general` keeps the words of {@link COMPUTING_WORDS} as standard Traditional writes them.
   */
  constructor(variant: Variant, tries: TrieCache, vocabulary: Vocabulary = 'it') {
    const config = openccConfig(CONFIG_OF[variant]);
    const [first, ...later] = config.conversionChain;
    if (!first) throw new Error(`opencc-js configuration ${CONFIG_OF[variant]} has no conversion stage`);
    assertSegmentationIsStageOnePhrases(config, first);
    const normalization = config.normalizationChain?.[0];
    if (normalization) {
      this.normalization = tries.get(normalization);
      this.normalizationPattern = patternOfKeys(normalization);
    }
    this.firstStage = tries.get(first);
    // s2twp's second stage is TWPhrases followed by Taiwan's character variants (TWVariants),
    // one group; TWPhrases is the only table with words of a subject.
    const isTwp = variant === 'twp';
    this.variantStages = later.map((group, index) => tries.get(isTwp && index === 0 ? group.slice(1) : group));
    const keep =
      isTwp && vocabulary === 'general'
        ? COMPUTING_WORDS.map((w): [string, string] => [w.standard, this.convertVariants(w.standard)])
        : [];
    this.laterStages = later.map((group, index) => tries.get(group, index === 0 ? keep : []));
  }

  /**
   * Text already in Traditional characters in this edition's forms (爲 → 為, 裏 → 裡 in Taiwan;
   * 衞 for Hong Kong): the regional variant stages only, no phrases.
   */
  convertVariants(text: string): string {
    let result = text;
    for (const stage of this.variantStages) result = convertWithTrie(stage, result);
    return result;
  }

  /** `text` in this edition; `overrides` (may be empty) compete with OpenCC's phrases. */
  convert(text: string, overrides: OverrideTries | undefined): string {
    return this.convertNormalized(this.normalize(text), overrides, undefined);
  }

  /** Like {@link OpenccPipeline.convert}, with how the output lines up with `text`. */
  convertAligned(text: string, overrides: OverrideTries | undefined): Alignment {
    const normalized = this.normalize(text);
    const alignment = new Alignment();
    this.convertNormalized(normalized, overrides, alignment);
    if (normalized === text) return alignment;
    return composeAlignments(text, alignWithTrie(this.normalization as Trie, text, false), alignment);
  }

  /**
   * A phrase's stage-1 output (OpenCC standard Traditional) through this edition's later stages,
   * as a segment of its own: what an override word becomes.
   */
  fromStandardTraditional(traditional: string): string {
    return this.applyLaterStages(traditional);
  }

  private normalize(text: string): string {
    if (!this.normalization || !this.normalizationPattern?.test(text)) return text;
    return convertWithTrie(this.normalization, text);
  }

  /** Converts `source`; with `alignment`, adds the chunks to it instead (and returns ''). */
  private convertNormalized(
    source: string,
    overrides: OverrideTries | undefined,
    alignment: Alignment | undefined,
  ): string {
    const first = this.firstStage;
    const length = source.length;
    // Output is collected in arrays and joined once: appending character by character would
    // build strings of millions of pieces on a long document.
    const output: string[] = [];
    // Stage-1 output of the current run, up to `copyFrom`; straight into `output` when no later
    // stage needs the run as a whole.
    const run: string[] = this.laterStages.length === 0 && !alignment ? output : [];
    let runStart = 0; // start of the current run of characters that start no phrase
    let copyFrom = 0; // source from here on is unchanged by stage 1 and not yet in `run`
    let i = 0;
    let cutAt = 0; // a cutting override word starts here: phrases before it must end by it
    while (i < length) {
      const overrideEnd = overrides ? overrides.words.match(source, i, length) : -1;
      const end = first.match(source, i, i < cutAt ? cutAt : length);
      const isPhrase = end > 0 && isLongerThanOneCharacter(source, i, end);
      const overrideWins = overrideEnd > 0 && (!isPhrase || overrideEnd >= end);
      if (!overrideWins && isPhrase && overrides?.cutting) {
        const cut = cuttingStart(overrides.cutting, source, i, end);
        if (cut > 0) {
          cutAt = cut;
          continue; // again at i, with phrases ending by the override word
        }
      }
      if (overrideWins) {
        // An override word at least as long as OpenCC's phrase here is a segment of its own.
        this.finishRun(source, runStart, i, run, copyFrom, output, alignment);
        const value = (overrides as OverrideTries).words.matchedValue;
        if (alignment) alignment.push(overrideEnd - i, value, keepsCharacterCount(source, i, overrideEnd, value));
        else output.push(value);
        i = runStart = copyFrom = overrideEnd;
      } else if (isPhrase) {
        this.finishRun(source, runStart, i, run, copyFrom, output, alignment);
        const value = this.applyLaterStages(first.matchedValue);
        if (alignment) alignment.push(end - i, value, keepsCharacterCount(source, i, end, value));
        else output.push(value);
        i = runStart = copyFrom = end;
      } else if (end > 0) {
        const value = first.matchedValue;
        if (value.length !== end - i || !source.startsWith(value, i)) {
          if (copyFrom < i) run.push(source.slice(copyFrom, i));
          run.push(value);
          copyFrom = end;
        }
        i = end;
      } else {
        i += unmatchedLength(source, i);
      }
    }
    this.finishRun(source, runStart, length, run, copyFrom, output, alignment);
    return output.join('');
  }

  /**
   * Ends the run `source[start, end)`: its stage-1 output (`run`, then the source from
   * `copyFrom`) goes through the later stages onto `output` (or `alignment`). Empties `run`.
   */
  private finishRun(
    source: string,
    start: number,
    end: number,
    run: string[],
    copyFrom: number,
    output: string[],
    alignment: Alignment | undefined,
  ): void {
    if (start === end) return;
    if (run === output) {
      if (copyFrom < end) output.push(source.slice(copyFrom, end));
      return;
    }
    let stageOne: string;
    if (run.length === 0) {
      stageOne = source.slice(start, end);
    } else {
      if (copyFrom < end) run.push(source.slice(copyFrom, end));
      stageOne = run.join('');
      run.length = 0;
    }
    if (alignment) this.alignRun(source, start, end, stageOne, alignment);
    else output.push(this.applyLaterStages(stageOne));
  }

  /** Adds to `alignment` how the run `source[start, end)` converts, given its stage-1 output. */
  private alignRun(source: string, start: number, end: number, stageOne: string, alignment: Alignment): void {
    const [onlyStage, ...more] = this.laterStages;
    // Stage 1 maps a run character by character (one-character keys and values only), so with
    // no surrogate pairs it maps offset k to offset k, and a single later stage's alignment over
    // its output is already one over the run.
    if (more.length === 0 && stageOne.length === end - start && !hasSurrogate(source, start, end)) {
      if (onlyStage) alignWithTrie(onlyStage, stageOne, true, alignment);
      else alignment.push(end - start, stageOne, true);
      return;
    }
    const run = source.slice(start, end);
    let runAlignment = alignCharacters(run, stageOne);
    for (const stage of this.laterStages) {
      runAlignment = composeAlignments(run, runAlignment, alignWithTrie(stage, runAlignment.output(), true));
    }
    alignment.append(runAlignment, source, start);
  }

  private applyLaterStages(text: string): string {
    let result = text;
    for (const stage of this.laterStages) result = convertWithTrie(stage, result);
    return result;
  }
}

/** Builds each dictionary group's trie once, shared by all editions (stage 1 is common to all). */
export class TrieCache {
  private readonly tries = new Map<string, Trie>();
  private readonly dictIds = new Map<DictLike, number>();

  /**
   * The trie of `group`; `replace` gives some of its keys other values (their own forms, so the
   * words stay as they are and, being matched, still stop a shorter key inside them).
   */
  get(group: DictGroup, replace: readonly (readonly [string, string])[] = []): Trie {
    const key = group.map((dict) => this.dictId(dict)).join(',') + (replace.length > 0 ? `|${replace.join(';')}` : '');
    let trie = this.tries.get(key);
    if (!trie) {
      trie = trieFromDictGroup(group);
      for (const [word, value] of replace) trie.add(word, value);
      this.tries.set(key, trie);
    }
    return trie;
  }

  private dictId(dict: DictLike): number {
    let id = this.dictIds.get(dict);
    if (id === undefined) {
      id = this.dictIds.size;
      this.dictIds.set(dict, id);
    }
    return id;
  }
}

/** Maximum-match conversion of the whole of `text`, as opencc-js's `Trie.convert`. */
export function convertWithTrie(trie: Trie, text: string): string {
  let parts: string[] | undefined; // undefined while nothing has changed
  let copyFrom = 0;
  let i = 0;
  while (i < text.length) {
    const end = trie.match(text, i, text.length);
    if (end > 0) {
      const value = trie.matchedValue;
      if (value.length !== end - i || !text.startsWith(value, i)) {
        parts ??= [];
        parts.push(text.slice(copyFrom, i), value);
        copyFrom = end;
      }
      i = end;
    } else {
      i += unmatchedLength(text, i);
    }
  }
  if (!parts) return text;
  parts.push(text.slice(copyFrom));
  return parts.join('');
}

/**
 * {@link convertWithTrie}, as an alignment: a chunk per match or unmatched character, or, with
 * `merge`, with neighbours that keep their length merged. An alignment that another is composed
 * onto must not be merged: the composition can only cut between its chunks. Adds to `alignment`
 * when given.
 */
function alignWithTrie(trie: Trie, text: string, merge: boolean, alignment = new Alignment()): Alignment {
  let i = 0;
  while (i < text.length) {
    const end = trie.match(text, i, text.length);
    if (end > 0) {
      const value = trie.matchedValue;
      alignment.push(end - i, value, merge && keepsCharacterCount(text, i, end, value));
      i = end;
    } else {
      const next = i + unmatchedLength(text, i);
      alignment.push(next - i, text.slice(i, next), merge);
      i = next;
    }
  }
  return alignment;
}

/** Two texts with the same number of characters, paired character by character (unmerged). */
function alignCharacters(source: string, output: string): Alignment {
  const alignment = new Alignment();
  let i = 0;
  let j = 0;
  while (i < source.length && j < output.length) {
    const sourceNext = i + ((source.codePointAt(i) as number) > 0xffff ? 2 : 1);
    const outputNext = j + ((output.codePointAt(j) as number) > 0xffff ? 2 : 1);
    alignment.push(sourceNext - i, output.slice(j, outputNext), false);
    i = sourceNext;
    j = outputNext;
  }
  if (i < source.length || j < output.length) {
    // Not expected with opencc-js 1.4.2's tables; keep the alignment whole rather than wrong.
    alignment.push(source.length - i, output.slice(j), false);
  }
  return alignment;
}

/**
 * Where, inside the phrase `source[start, end)`, a cutting override word starts that reaches past
 * the phrase's end; 0 when none does.
 */
function cuttingStart(cutting: Trie, source: string, start: number, end: number): number {
  for (let j = start + 1; j < end; j++) {
    if (cutting.match(source, j, source.length) > end) return j;
  }
  return 0;
}

function isLongerThanOneCharacter(text: string, start: number, end: number): boolean {
  const span = end - start;
  return span > 2 || (span === 2 && (text.codePointAt(start) as number) <= 0xffff);
}

/**
 * A pattern that finds where a key of `group` may start: a character class of the keys' first
 * code units, as ranges (the normalisation table's 1,002 keys are a few blocks of code units).
 */
function patternOfKeys(group: DictGroup): RegExp {
  const units = new Set<number>();
  for (const dict of group) for (const [from] of dictEntries(dict)) units.add(from.charCodeAt(0));
  const sorted = [...units].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    const low = `\\u${(sorted[i] as number).toString(16).padStart(4, '0')}`;
    ranges.push(j > i ? `${low}-\\u${(sorted[j] as number).toString(16).padStart(4, '0')}` : low);
    i = j + 1;
  }
  return new RegExp(`[${ranges.join('')}]`);
}

// The single pass above relies on opencc-js's segmentation dictionaries being the leading
// (phrase) dictionaries of stage 1; fail loudly if a future opencc-js arranges them otherwise.
function assertSegmentationIsStageOnePhrases(config: OpenccConfig, first: DictGroup): void {
  if (config.segmentation === undefined) return;
  // opencc-js reads `segmentation` as a group when it is an array of strings, else as one dictionary.
  const { segmentation } = config;
  const group: readonly unknown[] =
    Array.isArray(segmentation) && segmentation.every((dict) => typeof dict === 'string')
      ? segmentation
      : [segmentation];
  if (!group.every((dict, index) => first[index] === dict)) {
    throw new Error('opencc-js segmentation dictionaries are not the phrases of its first stage');
  }
}
