export * from './ast.js';
export { type Decoded, DecodeError, decode, type Encoding } from './decode.js';
export { isTraditionalChinese, markerText, titleHeadingOf, titleText } from './lib/document.js';
export { type DocumentFrame, documentFrame } from './lib/frame-keys.js';
export { type DecodedHtml, declaredCharset, decodeHtml, hasHtmlMarkup, looksLikeHtml } from './lib/html-charset.js';
export { markdownExtensions } from './lib/markdown.js';
export { SCRIPT_CHARACTERS, traditionalLanguageOf } from './lib/script.js';
export { AstVersionError, deserialize, serialize } from './lib/serialize.js';
export { type PlacedCell, type TableGrid, tableGrid } from './lib/table-grid.js';
export {
  columnExtents,
  distribute,
  partGrid,
  planTable,
  repeatedRows,
  type TableFallback,
  type TablePart,
  type TablePlan,
  type TablePlanOptions,
  tableFitMessage,
  tableName,
  withoutCoveredRows,
} from './lib/table-layout.js';
export { fitVerbatimSizePt, MIN_VERBATIM_SIZE_PT, textExtent, verbatimColumns } from './lib/text-extent.js';
export { toText } from './lib/to-text.js';
export { glueMask, unbreakableSpans } from './lib/tokens.js';
export { LINK_SCHEMES, linkRefusal, linkRefusalMessage } from './lib/urls.js';
export { EXIT, SKIP, type Visitor, visit } from './lib/visit.js';
export {
  type ExportWarning,
  type ExportWarningCode,
  exportWarning,
  type Warning,
  type WarningCode,
} from './lib/warnings.js';
export { hasNonXmlCharacter, toXmlCharacters } from './lib/xml-characters.js';
export { DEFAULT_MAX_DEPTH, type ParseOptions, parse, parseHtml } from './parse.js';
export {
  check,
  chineseNumber,
  type Fix,
  type FixKind,
  headingLevel,
  matchOrdinal,
  type Outline,
  type OutlineElement,
  type OutlineItem,
  type OutlineSection,
  outline,
  type StructureOptions,
  type Suspect,
  type SuspectKind,
  structure,
} from './passes/index.js';
export { type PlainTextOptions, parsePlainText } from './plain-text.js';
