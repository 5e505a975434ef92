export { type ConvertOptions, convertText, createConverter, type TextConverter } from './lib/converter.js';
export { DictionaryFileError, parseDictionary, parseProtectedTerms } from './lib/dictionary-file.js';
export { OVERRIDE_WORDS, type OverrideWord } from './lib/overrides.js';
export { VARIANTS, type Variant } from './lib/pipeline.js';
export { type QuoteStyle, toCornerQuotes, usesCornerQuotes } from './lib/quotes.js';
export { type Script, scriptOf } from './lib/script.js';
export {
  decideEdition,
  EDITION_LANG,
  type EditionDecision,
  type TraditionalOptions,
  toTraditional,
} from './lib/to-traditional.js';
export {
  CODE_MINIMUM,
  COMPUTING_DENSITY,
  COMPUTING_EVIDENCE,
  COMPUTING_MINIMUM,
  COMPUTING_WORDS,
  type ComputingWord,
  chooseVocabulary,
  EVERY_SUBJECT_WORDS,
  type Vocabulary,
  type VocabularyChoice,
  type VocabularyDecision,
} from './lib/vocabulary.js';
