import { readFile } from 'node:fs/promises';
import type { Document, ExportWarning } from '@wenshu/parser';
import type { Theme } from '@wenshu/theme';

export type { ExportWarning };

/** What every exporter is given besides the document. */
export interface ExportContext {
  theme: Theme;
  toc: boolean;
  /** Folder of the input, for relative image paths. */
  baseDir: string;
  /** `--allow-outside`: pictures outside `baseDir` may be read (the exporters refuse them otherwise). */
  allowOutside: boolean;
  sourceDateEpoch: number | undefined;
  /** The input's file name, for the workbook's About sheet. */
  sourceFile: string;
  sheetLang: 'zh' | 'en';
  /** wenshu's version, recorded in the workbook. */
  version: string;
  /** `--font ROLE=FILE`: font files for the PDF, by role (song, hei, kai, fang, title, mono). */
  fonts: Record<string, string>;
  /** `--reference-docx FILE`: read once per thread, for every DOCX of the run. */
  referenceDocx?: string;
  /** A warning and where in the source it is, when the exporter knows: the same shape from all three. */
  onWarning: (warning: ExportWarning) => void;
}

export interface Format {
  /** File extension and `--to` name. */
  name: string;
  /**
   * How long this format takes next to the others, for sharing one report's formats among worker
   * threads: the seed report's time in a fresh thread, module loading included, in units of about
   * 0.3 s on the benchmark machine (DOCX 0.4 s, XLSX 0.6 s, PDF 1.5 s).
   */
  weight: number;
  render(document: Document, context: ExportContext): Promise<Uint8Array>;
}

const references = new Map<string, Promise<Uint8Array>>();

/** A reference document's bytes, read once per thread however many reports use it. */
function referenceBytes(path: string): Promise<Uint8Array> {
  let bytes = references.get(path);
  if (!bytes) {
    bytes = readFile(path).then((buffer) => new Uint8Array(buffer));
    references.set(path, bytes);
  }
  return bytes;
}

/**
 * The output formats. Exporters are imported when first used, so `wenshu ast` does not load
 * docx, and a format's heavy dependencies cost nothing when it is not asked for.
 */
export const formats: Record<string, Format> = {
  docx: {
    name: 'docx',
    weight: 1,
    async render(document, context) {
      const { toDocx } = await import('@wenshu/export-docx');
      return toDocx(document, {
        theme: context.theme,
        ...(context.referenceDocx === undefined ? {} : { referenceDocx: await referenceBytes(context.referenceDocx) }),
        toc: context.toc,
        baseDir: context.baseDir,
        allowOutside: context.allowOutside,
        ...(context.sourceDateEpoch !== undefined ? { sourceDateEpoch: context.sourceDateEpoch } : {}),
        onWarning: context.onWarning,
      });
    },
  },
  pdf: {
    name: 'pdf',
    weight: 5,
    async render(document, context) {
      const { toPdf } = await import('@wenshu/export-pdf');
      return toPdf(document, {
        theme: context.theme,
        toc: context.toc,
        baseDir: context.baseDir,
        allowOutside: context.allowOutside,
        fonts: context.fonts,
        ...(context.sourceDateEpoch !== undefined ? { sourceDateEpoch: context.sourceDateEpoch } : {}),
        onWarning: context.onWarning,
      });
    },
  },
  xlsx: {
    name: 'xlsx',
    weight: 2,
    async render(document, context) {
      const { toXlsx } = await import('@wenshu/export-xlsx');
      return toXlsx(document, {
        sheetLang: context.sheetLang,
        sourceFile: context.sourceFile,
        version: context.version,
        ...(context.sourceDateEpoch !== undefined ? { sourceDateEpoch: context.sourceDateEpoch } : {}),
        onWarning: context.onWarning,
      });
    },
  },
};

export const formatNames = Object.keys(formats);
