export type { DocxWarning, DocxWarningCode, ToDocxOptions } from './lib/options.js';
export { ReferenceDocxError } from './lib/reference.js';
export { STYLES } from './lib/styles.js';
export { toDocx } from './lib/to-docx.js';
