export { themeForLanguage } from './lib/editions.js';
export { bodyArea, lineHeightPt } from './lib/geometry.js';
export {
  deepMerge,
  extendTheme,
  parseTheme,
  presetTheme,
  ThemeError,
  type ThemeIssue,
  themeFromText,
  themeNamed,
} from './lib/load.js';
export { gov, isPresetName, type PresetName, presets, report } from './lib/presets.js';
export { themeSchema } from './lib/schema.js';
export {
  ATTACHMENT_LABEL_EM,
  addClosingLayout,
  type ClosingLayout,
  closingSignatures,
  emptyClosingLayout,
  frameRightIndents,
  SEAL_PITCH_EM,
  SEAL_ROW_LINES,
  SEAL_SPACE_LINES,
  SEALED_DATE_RIGHT_EM,
  type SealedRow,
  SIGNATURE_RIGHT_EM,
  sealedSignatureRows,
  signatureIndents,
  textEm,
} from './lib/signature.js';
export { breakTitle, type TitleNode, titleCells, titleLines, withTitleBreaks } from './lib/title.js';
export * from './lib/types.js';
export * from './lib/units.js';
