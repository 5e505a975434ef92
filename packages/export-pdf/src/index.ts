export type { PdfFontRole } from './lib/fonts/candidates.js';
export { FontFileError } from './lib/fonts/font-file-error.js';
export { type BundledWeight, type FontHost, memoryFontHost, noFontFiles, type SystemFace } from './lib/fonts/host.js';
export {
  type FontListing,
  type FontSource,
  type FontWarning,
  listFonts,
  type ResolvedFonts,
  type ResolveFontsOptions,
  type RoleFaces,
  resolveFonts,
} from './lib/fonts/resolve.js';
export type { PdfWarning, PdfWarningCode, ToPdfOptions } from './lib/options.js';
export { toPdf } from './lib/to-pdf.js';
