import type { Format as FormatName } from '@wenshu/convert';

export interface Format {
  /** File extension and `--to` name. */
  name: FormatName;
  /**
   * How long this format takes next to the others, for sharing one report's formats among worker
   * threads: the seed report's time in a fresh thread, module loading included, in units of about
   * 0.3 s on the benchmark machine (DOCX 0.4 s, XLSX 0.6 s, PDF 1.5 s).
   */
  weight: number;
}

/**
 * The output formats the command schedules. What each is rendered with is the library's
 * (`render` of @wenshu/convert); a format the library adds and this table lacks does not compile.
 * Only the type is imported: `wenshu --help` loads no converter.
 */
const WEIGHTS: Record<FormatName, number> = { docx: 1, pdf: 5, xlsx: 2 };

export const formats: Record<string, Format> = Object.fromEntries(
  Object.entries(WEIGHTS).map(([name, weight]) => [name, { name: name as FormatName, weight }]),
);

export const formatNames = Object.keys(formats);
