export { type ConvertOptions, convertText, createConverter, type TextConverter } from './lib/converter.js';
export {
  DictionaryFileError,
  loadDictionary,
  loadProtectedTerms,
  parseDictionary,
  parseProtectedTerms,
} from './lib/dictionary-file.js';
export { OVERRIDE_WORDS, type OverrideWord } from './lib/overrides.js';
export { VARIANTS, type Variant } from './lib/pipeline.js';
export { type QuoteStyle, toCornerQuotes, usesCornerQuotes } from './lib/quotes.js';
export { EDITION_LANG, type TraditionalOptions, toTraditional } from './lib/to-traditional.js';
