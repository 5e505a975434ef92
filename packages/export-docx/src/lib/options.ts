import type { ExportWarning, ExportWarningCode } from '@wenshu/parser';
import type { Theme } from '@wenshu/theme';

/** What the exporter could not render as written; stable codes, for filtering (the PDF exporter's too). */
export type DocxWarningCode = ExportWarningCode;

/** `{ code, message, line?, column? }`, the shape of every exporter's warnings. */
export type DocxWarning = ExportWarning<DocxWarningCode>;

export interface ToDocxOptions {
  /** Page, fonts and styles; `report` when absent. */
  theme?: Theme;
  /** A table of contents after the title, its entries and (estimated) page numbers filled in. */
  toc?: boolean;
  /**
   * A Word document or template (.docx/.dotx) whose styles and page setup to use instead of the
   * theme's, as pandoc's `--reference-doc`: styles are matched by name (`heading 1`, `Title`…), so
   * templates with localised style ids work. See the package README for the style names.
   */
  referenceDocx?: Uint8Array;
  /**
   * Seconds since 1970 (as the `SOURCE_DATE_EPOCH` convention): the document's created/modified
   * dates and the zip entries' times, and the output is byte-for-byte reproducible. When absent, the
   * current time (to the second), as in the PDF and XLSX exporters.
   */
  sourceDateEpoch?: number;
  onWarning?: (warning: DocxWarning) => void;
  /**
   * The folder local picture paths are relative to, and confined to (symbolic links followed): a
   * picture outside it is a placeholder and an `image-outside` warning, as in the PDF exporter.
   * The current folder when absent.
   */
  baseDir?: string;
  /** Read local pictures outside `baseDir` too (the command's `--allow-outside`). Default false. */
  allowOutside?: boolean;
}
