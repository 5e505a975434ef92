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
  /** Called with a message for whatever could not be exported as written (clipped spans, cut text). */
  onWarning?: (message: string) => void;
}
