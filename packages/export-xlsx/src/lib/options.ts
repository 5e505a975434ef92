import type { ExportWarning } from '@wenshu/parser';

/** What the exporter could not write as it was; stable codes, for filtering. */
export type XlsxWarningCode =
  /** A cell's text was longer than Excel's 32,767 characters and could not all be kept. */
  | 'cell-text-cut'
  /** A cell's text was longer than Excel's 32,767 characters: it continues in the cells to its right. */
  | 'cell-text-continued'
  /** A sheet had more columns or rows than Excel's 16,384 and 1,048,576: it continues on other sheets. */
  | 'sheet-continued'
  /** A table's cell spans overlapped or ran past the table. */
  | 'span-clipped';

/** `{ code, message, line?, column? }`, the shape of every exporter's warnings. */
export type XlsxWarning = ExportWarning<XlsxWarningCode>;

/** The language of sheet names, column names and the words the exporter writes itself. */
export type SheetLang = 'zh' | 'en';

export interface ToXlsxOptions {
  /** Sheet and column names in Chinese (`条目`, the default) or English (`Items`). */
  sheetLang?: SheetLang;
  /** The input file's name, shown in the about sheet. */
  sourceFile?: string;
  /**
   * Seconds since 1970 (the `SOURCE_DATE_EPOCH` convention). When set, it is the generation time in
   * the about sheet and the workbook's created/modified dates, and the output is byte-for-byte
   * reproducible. When absent, the current time is used.
   */
  sourceDateEpoch?: number;
  /** The wenshu version, shown in the about sheet. */
  version?: string;
  /** Called for whatever could not be exported as written (clipped spans, cut text). */
  onWarning?: (warning: XlsxWarning) => void;
}
