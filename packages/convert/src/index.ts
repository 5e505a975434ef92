export {
  type ConvertOptions,
  type ConvertOutput,
  type ConvertResult,
  convert,
  outputName,
  type Target,
  targetsOf,
} from './lib/convert.js';
export {
  EDITIONS,
  type Edition,
  type EditionResult,
  editionOf,
  editionSuffix,
  isEdition,
  ZH_VOCABULARIES,
  type ZhOptions,
  type ZhVocabulary,
} from './lib/editions.js';
export { InputError } from './lib/errors.js';
export { type FontHost, memoryFontHost } from './lib/fonts.js';
export { FORMATS, type Format, isFormat, type RenderContext, render } from './lib/formats.js';
export { type VettedDocument, vetPictures } from './lib/pictures.js';
export {
  decodeSource,
  type InputKind,
  inputKind,
  type LoadOptions,
  loadReport,
  type Report,
  type SourceText,
  themedPasses,
} from './lib/report.js';
