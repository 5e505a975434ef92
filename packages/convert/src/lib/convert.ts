/**
 * `convert`: one report → its outputs, each decision made here once for the command and for
 * library users alike: how the input is read, which passes run in a theme, how pictures are
 * vetted, how an edition is made and what it notes, and what each exporter is given.
 */
import type { FontHost } from '@wenshu/export-pdf/font-host';
import { type Document, type ExportWarning, exportWarning, type Fix, type StructureOptions } from '@wenshu/parser';
import { type PictureLoader, withoutLocalPictures } from '@wenshu/picture';
import { type FontRole, type PresetName, presetTheme, type Theme } from '@wenshu/theme';
import { type Edition, editionOf, editionSuffix, isEdition, type ZhOptions } from './editions.js';
import { InputError } from './errors.js';
import { type Format, isFormat, render } from './formats.js';
import { vetPictures } from './pictures.js';
import { decodeSource, type InputKind, loadReport, themedPasses } from './report.js';

/** One output: a format of an edition. */
export interface Target {
  format: Format;
  edition: Edition;
}

export interface ConvertOptions {
  /**
   * The input's name: in messages, as the workbook's source file, and its extension says how it is
   * read (`.txt` plain text, `.html`/`.htm` HTML; see `inputKind`). Default `report.md`.
   */
  fileName?: string;
  /** Read the input as this kind whatever its name (default: by `fileName`, see `inputKind`). */
  from?: InputKind;
  /** Formats to write (default `docx`). */
  to?: Format | readonly Format[];
  /** Editions: `cn` (as written), `t`, `tw`, `twp`, `hk` (default `cn`). Every format is written in every edition. */
  zh?: Edition | readonly Edition[];
  /** Exactly these outputs, in this order, instead of `to` × `zh`. */
  targets?: readonly Target[];
  /** A theme, or a preset's name (default `report`). */
  theme?: Theme | PresetName;
  /** How Traditional editions are made: user dictionary, protected terms, Taiwan vocabulary. */
  zhOptions?: ZhOptions;
  /** The report passes to switch from their defaults (`punctuation` follows the theme unless given). */
  passes?: StructureOptions;
  /** A table of contents in the DOCX and PDF. */
  toc?: boolean;
  /** The workbook's labels: Chinese (default) or English. */
  sheetLang?: 'zh' | 'en';
  /** Seconds since 1970: dates in the outputs, and the bytes reproducible. Default: now. */
  sourceDateEpoch?: number;
  /** Reads local pictures (Node: `pictureLoader` of @wenshu/picture/node); without it they are placeholders. */
  loadPicture?: PictureLoader;
  /**
   * Where the PDF's faces come from: on Node the file system (files, bundled and installed faces);
   * elsewhere `memoryFontHost` of @wenshu/export-pdf, with the faces' bytes. Given, installed faces are not looked at.
   */
  fontHost?: FontHost;
  /** Font files for the PDF by role (a path, or `file.ttc#PostScriptName`). */
  fonts?: Partial<Record<FontRole | 'mono', string>>;
  /**
   * Whether the PDF may take faces installed on the machine (default: yes). `false` sets it in the
   * files given and the bundled faces only, so that it comes out the same on every machine.
   */
  systemFonts?: boolean;
  /** A Word document or template whose styles the DOCX takes. */
  referenceDocx?: Uint8Array;
  /** The input's name in the workbook's About sheet (default: `fileName`'s last part). */
  sourceFile?: string;
  /** The version the workbook records. */
  version?: string;
  /** The stage being entered, in words ("rendering the PDF"). */
  onStage?: (stage: string) => void;
  /** Each warning as it arises (all are in the result too). */
  onWarning?: (warning: ExportWarning) => void;
  /** Each output as soon as it is rendered (before the next is begun). */
  onOutput?: (output: ConvertOutput) => void;
}

export interface ConvertOutput extends Target {
  /** `report.tw.docx`: `fileName` with the edition and format as its extension. */
  name: string;
  bytes: Uint8Array;
}

export interface ConvertResult {
  /** The repaired document as written (the `cn` edition), and the repairs made. */
  document: Document;
  fixes: Fix[];
  outputs: ConvertOutput[];
  /** The parser's, the picture policy's, the editions' and the exporters' warnings, in that order, one shape. */
  warnings: ExportWarning[];
}

const list = <T>(value: T | readonly T[] | undefined, fallback: T): readonly T[] =>
  value === undefined ? [fallback] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

/** The outputs asked for: `targets`, or every edition in every format (editions first). */
export function targetsOf(options: Pick<ConvertOptions, 'to' | 'zh' | 'targets'>): Target[] {
  const targets: readonly Target[] =
    options.targets ??
    list<Edition>(options.zh, 'cn').flatMap((edition) =>
      list<Format>(options.to, 'docx').map((format) => ({ format, edition })),
    );
  // Checked at run time too: a JavaScript caller's `to: 'doc'` is a clear error, not a crash later.
  for (const { format, edition } of targets) {
    if (!isFormat(format)) throw new TypeError(`unknown format ${format} (known: docx, pdf, xlsx)`);
    if (!isEdition(edition)) throw new TypeError(`unknown edition ${edition} (known: cn, t, tw, twp, hk)`);
  }
  return [...targets];
}

/** `report.md` → `report.tw.docx`. */
export function outputName(fileName: string, target: Target): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base || 'report';
  return `${stem}${editionSuffix(target.edition)}.${target.format}`;
}

/**
 * Reads, repairs and exports one report to each of its outputs. Throws `InputError` (naming the
 * input) for input that is not a report: not text, empty, nested too deeply.
 */
export async function convert(input: Uint8Array | string, options: ConvertOptions = {}): Promise<ConvertResult> {
  const { onStage } = options;
  const file = options.fileName ?? 'report.md';
  const targets = targetsOf(options);
  const theme =
    typeof options.theme === 'string' ? presetTheme(options.theme) : (options.theme ?? presetTheme('report'));
  const loadPicture = options.loadPicture ?? withoutLocalPictures;
  const warnings: ExportWarning[] = [];
  const warn = (warning: ExportWarning) => {
    warnings.push(warning);
    options.onWarning?.(warning);
  };

  onStage?.('parsing and repairing the report');
  const report = loadReport(decodeSource(file, input, options.from), {
    passes: themedPasses(options.passes ?? {}, theme),
  });
  for (const warning of report.warnings) warn(exportWarning(warning.code, warning.message, warning.position));

  onStage?.('checking its pictures');
  const vetted = await vetPictures(report.document, loadPicture);
  for (const warning of vetted.warnings) warn(warning);

  const outputs: ConvertOutput[] = [];
  // Each edition is made once, whatever the number of formats it is written in.
  const editions = new Map<Edition, Document>();
  for (const target of targets) {
    let document = editions.get(target.edition);
    if (!document) {
      if (target.edition !== 'cn') onStage?.(`making the ${target.edition} edition`);
      const edition = await editionOf(vetted.document, target.edition, options.zhOptions);
      for (const message of edition.notes) warn({ code: 'zh-edition', message });
      document = edition.document;
      editions.set(target.edition, document);
    }
    onStage?.(`rendering the ${target.format.toUpperCase()}`);
    const bytes = await render(target.format, document, {
      theme,
      toc: options.toc ?? false,
      loadPicture,
      sourceDateEpoch: options.sourceDateEpoch,
      sourceFile:
        options.sourceFile ?? (file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1) || file),
      sheetLang: options.sheetLang ?? 'zh',
      ...(options.version === undefined ? {} : { version: options.version }),
      ...(options.fonts ? { fonts: options.fonts } : {}),
      ...(options.fontHost ? { fontHost: options.fontHost } : {}),
      ...(options.systemFonts === false ? { systemFonts: false } : {}),
      ...(options.referenceDocx ? { referenceDocx: options.referenceDocx } : {}),
      onWarning: warn,
    });
    const output = { ...target, name: outputName(file, target), bytes };
    outputs.push(output);
    options.onOutput?.(output);
  }
  return { document: report.document, fixes: report.fixes, outputs, warnings };
}

export { InputError };
