import type { ExportWarning, ExportWarningCode } from '@wenshu/parser';
import type { PictureLoader } from '@wenshu/picture';
import type { FontRole, Theme } from '@wenshu/theme';
import type { FontHost } from './fonts/host.js';

/** What the exporter could not render as written; stable codes, for filtering (the DOCX exporter's, and two of its own). */
export type PdfWarningCode =
  | ExportWarningCode
  /** A character no available font has: drawn as an empty box. */
  | 'glyph-missing'
  /** A font role's face was not found, or not usable, and another stands in. */
  | 'font-fallback';

/** `{ code, message, line?, column? }`, the shape of every exporter's warnings. */
export type PdfWarning = ExportWarning<PdfWarningCode>;

export interface ToPdfOptions {
  /** Page, fonts and styles; `report` when absent. */
  theme?: Theme;
  /** A table of contents after the title, with page numbers. */
  toc?: boolean;
  /**
   * Font files by role (`path`, or `path.ttc#PostScriptName` for a face of a collection): they win
   * over the theme's files, installed fonts and the bundled ones. `mono` is the code face.
   */
  fonts?: Partial<Record<FontRole | 'mono', string>>;
  /**
   * Look at installed fonts for roles and for characters the role's face lacks (default `true`);
   * `false` uses only given files and the bundled Noto Serif / Sans SC (and TC, for Traditional
   * documents), so that output
   * does not depend on the machine.
   */
  systemFonts?: boolean;
  /**
   * Where font files are read from (the names in `fonts` and the theme), the bundled fallback faces
   * found and installed faces listed. On Node the file system (the package's Node entry); elsewhere
   * `memoryFontHost(bytes by name, bundled names)`. Without one, no face is available.
   */
  fontHost?: FontHost;
  /**
   * Seconds since 1970 (the `SOURCE_DATE_EPOCH` convention): the document's creation and
   * modification dates, and the output is byte-for-byte reproducible. When absent, the current time
   * (to the second), as in the DOCX and XLSX exporters.
   */
  sourceDateEpoch?: number;
  onWarning?: (warning: PdfWarning) => void;
  /**
   * Reads the pictures the document names (not `data:` URLs, which are decoded here). Without it,
   * local pictures are placeholders with an `image-missing` warning. On Node, `@wenshu/export-pdf`
   * takes `baseDir` and `allowOutside` instead (see `node.ts`).
   */
  loadPicture?: PictureLoader;
}
