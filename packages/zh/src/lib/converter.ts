/**
 * A converter for one edition: OpenCC (opencc-js's dictionaries) with the package's override
 * words, the user's dictionary and protected terms, and the edition's quotation marks.
 *
 * Priority, highest first:
 * 1. protected terms and the user's dictionary: every occurrence, found by leftmost-longest
 *    matching over the raw text, is kept (protected) or replaced (dictionary) verbatim, whatever
 *    OpenCC would do around it; on the same term, protection wins;
 * 2. what is already Traditional (`keepTraditional`, see `script.ts`) is kept as written;
 * 3. the package's override words ({@link OVERRIDE_WORDS}), competing with OpenCC's phrases;
 * 4. OpenCC, for `twp` with the vocabulary of the text's subject (see `vocabulary.ts`).
 * Quotation marks are converted in the text OpenCC converts, never inside protected terms or
 * dictionary replacements.
 */
import { Alignment, keepsCharacterCount, splitOutput } from './alignment.js';
import { OVERRIDE_WORDS } from './overrides.js';
import { OpenccPipeline, type OverrideTries, TrieCache, type Variant } from './pipeline.js';
import { type QuoteStyle, toCornerQuotes, usesCornerQuotes } from './quotes.js';
import { type Script, sourceScriptOf, traditionalStretches } from './script.js';
import { Trie } from './trie.js';
import { chooseVocabulary, type Vocabulary, type VocabularyChoice } from './vocabulary.js';

export interface ConvertOptions {
  /** `t` OpenCC standard, `tw` Taiwan characters, `twp` Taiwan characters and vocabulary, `hk` Hong Kong. */
  variant: Variant;
  /** Quotation marks; `auto` (default) gives 「」『』 for `tw`, `twp` and `hk`. */
  quotes?: QuoteStyle;
  /** `[简体, 繁體]` pairs that replace OpenCC's conversion wherever the Simplified text occurs. */
  dictionary?: readonly (readonly [string, string])[];
  /** Terms never converted. */
  protect?: readonly string[];
  /** Apply the package's corrections of OpenCC's known errors (default `true`). */
  overrides?: boolean;
  /**
   * `twp` only: `general` keeps 对象, 文件, 程序, 项目, 优化… in their general Taiwan forms, `it`
   * gives OpenCC's computing words (物件, 檔案, 程式, 專案, 最佳化). `auto` (default) decides from
   * the text (`convertText`) or the document (`toTraditional`); a converter built with
   * `createConverter` sees no text in advance and takes `auto` as `general`.
   */
  vocabulary?: VocabularyChoice;
  /** Keep what is already written in Traditional characters (default `true`; see `script.ts`). */
  keepTraditional?: boolean;
  /**
   * The script of a text with no character of one script only (台北): `traditional` keeps it.
   * Default: the script the text (`convertText`) or the document (`toTraditional`, from its
   * `meta.lang` when set) is written in, by the parser's rule; `simplified` for `createConverter`.
   */
  sourceScript?: Script;
}

/** Converts strings, and runs of strings that read as one text (a block's inline pieces). */
export interface TextConverter {
  /** `text` in the edition. */
  convert(text: string): string;
  /**
   * `pieces` converted as the single text they form, cut back into as many pieces: phrases across
   * piece edges convert as phrases (see `alignment.ts` for where the cuts fall).
   */
  convertPieces(pieces: readonly string[]): string[];
}

const tries = new TrieCache();
const pipelines = new Map<string, OpenccPipeline>();
const overrideTries = new Map<string, OverrideTries>();

// Built on first use and kept: loading the dictionaries takes a noticeable time (about 0.15 s
// for the first edition), and stage 1 is shared by all editions.
function pipelineFor(variant: Variant, vocabulary: Vocabulary): OpenccPipeline {
  const key = `${variant} ${vocabulary}`;
  let pipeline = pipelines.get(key);
  if (!pipeline) {
    pipeline = new OpenccPipeline(variant, tries, vocabulary);
    pipelines.set(key, pipeline);
  }
  return pipeline;
}

function overrideTrieFor(variant: Variant, vocabulary: Vocabulary): OverrideTries {
  const key = `${variant} ${vocabulary}`;
  let tries = overrideTries.get(key);
  if (!tries) {
    const pipeline = pipelineFor(variant, vocabulary);
    const words = new Trie();
    const cutting = new Trie();
    for (const word of OVERRIDE_WORDS) {
      if (!word.variants.includes(variant)) continue;
      const value = pipeline.fromStandardTraditional(word.traditional);
      words.add(word.simplified, value);
      if (word.cutsEarlierPhrase) cutting.add(word.simplified, value);
    }
    tries = { words, cutting: cutting.size > 0 ? cutting : undefined };
    overrideTries.set(key, tries);
  }
  return tries;
}

/** A converter for `options`; build one and reuse it for many strings. */
export function createConverter(options: ConvertOptions): TextConverter {
  return new EditionConverter(options);
}

/** `text` in the edition `options.variant`; `auto` vocabulary and the source script are decided on `text`. */
export function convertText(text: string, options: ConvertOptions): string {
  const vocabulary =
    options.variant === 'twp' && (options.vocabulary ?? 'auto') === 'auto'
      ? chooseVocabulary(text).vocabulary
      : options.vocabulary;
  return createConverter({
    ...options,
    vocabulary: vocabulary ?? 'general',
    sourceScript: options.sourceScript ?? sourceScriptOf(text),
  }).convert(text);
}

class EditionConverter implements TextConverter {
  private readonly pipeline: OpenccPipeline;
  private readonly overrides: OverrideTries | undefined;
  private readonly userTerms: Trie | undefined;
  private readonly cornerQuotes: boolean;
  private readonly keepTraditional: boolean;
  private readonly sourceScript: Script;

  constructor(options: ConvertOptions) {
    const vocabulary = options.vocabulary === 'it' ? 'it' : 'general';
    this.pipeline = pipelineFor(options.variant, vocabulary);
    this.overrides = options.overrides === false ? undefined : overrideTrieFor(options.variant, vocabulary);
    this.userTerms = userTermsTrie(options.dictionary ?? [], options.protect ?? []);
    this.cornerQuotes = usesCornerQuotes(options.variant, options.quotes);
    this.keepTraditional = options.keepTraditional !== false;
    this.sourceScript = options.sourceScript ?? 'simplified';
  }

  convert(text: string): string {
    const userTerms = this.userTerms;
    if (!userTerms) return this.convertSource(text);
    let output = '';
    let gapStart = 0;
    let i = 0;
    while (i < text.length) {
      const end = userTerms.match(text, i, text.length);
      if (end > 0) {
        output += this.convertSource(text.slice(gapStart, i)) + userTerms.matchedValue;
        i = gapStart = end;
      } else {
        i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
      }
    }
    return output + this.convertSource(text.slice(gapStart));
  }

  convertPieces(pieces: readonly string[]): string[] {
    if (pieces.length === 1) return [this.convert(pieces[0] as string)];
    const text = pieces.join('');
    const cuts: number[] = [];
    let offset = 0;
    for (let i = 0; i < pieces.length - 1; i++) {
      offset += (pieces[i] as string).length;
      cuts.push(offset);
    }
    return splitOutput(text, this.align(text), cuts);
  }

  private align(text: string): Alignment {
    const userTerms = this.userTerms;
    if (!userTerms) return this.alignSource(text);
    const alignment = new Alignment();
    let gapStart = 0;
    let i = 0;
    while (i < text.length) {
      const end = userTerms.match(text, i, text.length);
      if (end > 0) {
        if (i > gapStart) alignment.append(this.alignSource(text.slice(gapStart, i)), text, gapStart);
        const value = userTerms.matchedValue;
        alignment.push(end - i, value, keepsCharacterCount(text, i, end, value));
        i = gapStart = end;
      } else {
        i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
      }
    }
    if (text.length > gapStart) alignment.append(this.alignSource(text.slice(gapStart)), text, gapStart);
    return alignment;
  }

  /**
   * Text between user terms: what is already Traditional keeps its words (only the edition's
   * character variants apply), the rest is converted.
   */
  private convertSource(text: string): string {
    const kept = this.keepTraditional ? traditionalStretches(text, this.sourceScript) : [];
    if (kept.length === 0) return this.convertOpencc(text);
    let output = '';
    let from = 0;
    for (const [start, end] of kept) {
      output += this.convertOpencc(text.slice(from, start)) + this.pipeline.convertVariants(text.slice(start, end));
      from = end;
    }
    return output + this.convertOpencc(text.slice(from));
  }

  private alignSource(text: string): Alignment {
    const kept = this.keepTraditional ? traditionalStretches(text, this.sourceScript) : [];
    if (kept.length === 0) return this.alignOpencc(text);
    const alignment = new Alignment();
    let from = 0;
    for (const [start, end] of kept) {
      if (start > from) alignment.append(this.alignOpencc(text.slice(from, start)), text, from);
      const kept = this.pipeline.convertVariants(text.slice(start, end));
      alignment.push(end - start, kept, keepsCharacterCount(text, start, end, kept));
      from = end;
    }
    if (text.length > from) alignment.append(this.alignOpencc(text.slice(from)), text, from);
    return alignment;
  }

  private convertOpencc(text: string): string {
    if (text === '') return '';
    const converted = this.pipeline.convert(text, this.overrides);
    return this.cornerQuotes ? toCornerQuotes(converted) : converted;
  }

  private alignOpencc(text: string): Alignment {
    const alignment = this.pipeline.convertAligned(text, this.overrides);
    if (!this.cornerQuotes) return alignment;
    // The quote mapping keeps lengths, so the converted chunks are re-cut where they were.
    const quoted = toCornerQuotes(alignment.output());
    let offset = 0;
    alignment.outputs.forEach((output, index) => {
      alignment.outputs[index] = quoted.slice(offset, offset + output.length);
      offset += output.length;
    });
    return alignment;
  }
}

/** Protected terms (kept as they are) and dictionary entries in one trie; undefined when none. */
function userTermsTrie(
  dictionary: readonly (readonly [string, string])[],
  protect: readonly string[],
): Trie | undefined {
  if (dictionary.length === 0 && protect.length === 0) return undefined;
  const trie = new Trie();
  for (const [simplified, traditional] of dictionary) {
    if (simplified === '') throw new TypeError(`dictionary entry with an empty Simplified term (→ "${traditional}")`);
    trie.add(simplified, traditional);
  }
  // Added last so that a term both protected and in the dictionary stays as it is.
  for (const term of protect) {
    if (term === '') throw new TypeError('empty protected term');
    trie.add(term, term);
  }
  return trie;
}
