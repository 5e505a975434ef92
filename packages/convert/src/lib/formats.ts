import type { FontHost } from '@wenshu/export-pdf/font-host';
import type { Document, ExportWarning } from '@wenshu/parser';
import type { PictureLoader } from '@wenshu/picture';
import type { FontRole, Theme } from '@wenshu/theme';

/** The output formats, by their file extensions. */
export const FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

/** What every exporter is given besides the document: one place maps a conversion's options onto each exporter's. */
export interface RenderContext {
  theme: Theme;
  toc: boolean;
  /** Reads local pictures (under the picture policy). */
  loadPicture: PictureLoader;
  sourceDateEpoch?: number | undefined;
  /** The input's file name, for the workbook's About sheet. */
  sourceFile: string;
  sheetLang: 'zh' | 'en';
  /** The version recorded in the workbook. */
  version?: string;
  /** Where the PDF's font files are read from (on Node, the file system by default). */
  fontHost?: FontHost;
  /** Font files for the PDF, by role (song, hei, kai, fang, title, mono). */
  fonts?: Partial<Record<FontRole | 'mono', string>>;
  /** `false`: no installed face, only the files given and the bundled ones. */
  systemFonts?: boolean;
  /** A Word document or template whose styles the DOCX takes. */
  referenceDocx?: Uint8Array;
  onWarning: (warning: ExportWarning) => void;
}

const epoch = (context: RenderContext) =>
  context.sourceDateEpoch !== undefined ? { sourceDateEpoch: context.sourceDateEpoch } : {};

/**
 * Renders `document` in `format`. Exporters are imported when first used, so a format's heavy
 * dependencies cost nothing when it is not asked for.
 */
export async function render(format: Format, document: Document, context: RenderContext): Promise<Uint8Array> {
  switch (format) {
    case 'docx': {
      const { toDocx } = await import('@wenshu/export-docx');
      return toDocx(document, {
        theme: context.theme,
        ...(context.referenceDocx === undefined ? {} : { referenceDocx: context.referenceDocx }),
        toc: context.toc,
        loadPicture: context.loadPicture,
        ...epoch(context),
        onWarning: context.onWarning,
      });
    }
    case 'pdf': {
      const { toPdf } = await import('@wenshu/export-pdf');
      return toPdf(document, {
        theme: context.theme,
        toc: context.toc,
        loadPicture: context.loadPicture,
        ...(context.fonts ? { fonts: context.fonts } : {}),
        ...(context.fontHost ? { fontHost: context.fontHost, systemFonts: false } : {}),
        ...(context.systemFonts === false ? { systemFonts: false } : {}),
        ...epoch(context),
        onWarning: context.onWarning,
      });
    }
    case 'xlsx': {
      const { toXlsx } = await import('@wenshu/export-xlsx');
      return toXlsx(document, {
        sheetLang: context.sheetLang,
        sourceFile: context.sourceFile,
        ...(context.version === undefined ? {} : { version: context.version }),
        ...epoch(context),
        onWarning: context.onWarning,
      });
    }
  }
}
