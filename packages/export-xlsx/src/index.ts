export { extractFigures } from './lib/figures/extract.js';
export type { Figure, FigureKind } from './lib/figures/types.js';
export type { SheetLang, ToXlsxOptions, XlsxWarning, XlsxWarningCode } from './lib/options.js';
export { toXlsx } from './lib/to-xlsx.js';
