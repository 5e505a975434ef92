import type { ExportWarning, ExportWarningCode } from '@wenshu/parser';
import type { PictureLoader } from '@wenshu/picture';
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
   * Reads the pictures the document names (not `data:` URLs, which are decoded here). Without it,
   * local pictures are placeholders with an `image-missing` warning. On Node, `@wenshu/export-docx`
   * takes `baseDir` and `allowOutside` instead (see `node.ts`).
   */
  loadPicture?: PictureLoader;
}
