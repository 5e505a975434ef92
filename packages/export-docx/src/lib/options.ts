import type { Position } from '@wenshu/parser';
import type { Theme } from '@wenshu/theme';

/** What the exporter could not render as written; stable codes, for filtering. */
export type DocxWarningCode =
  | 'image-missing'
  | 'image-remote'
  | 'image-unsupported'
  | 'image-damaged'
  | 'link-refused'
  | 'footnote-missing'
  /** A table did not fit the text width as it was: its font was made smaller, its page turned, or it was split. */
  | 'table-fit';

export interface DocxWarning {
  code: DocxWarningCode;
  message: string;
  /** Where the node came from in the source, when known. */
  position?: Position;
}

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
   * dates and the zip entries' times. Default 2000-01-01T00:00:00Z, so output is reproducible.
   */
  sourceDateEpoch?: number;
  onWarning?: (warning: DocxWarning) => void;
  /** The directory local image paths are relative to; the current directory when absent. */
  baseDir?: string;
}
