/**
 * What the page and the conversion worker say to each other. Everything is structured-cloneable;
 * input bytes travel as `Uint8Array`s, outputs come back as `Blob`s (handles: nothing is copied on the page's thread).
 */

export type Format = 'docx' | 'pdf' | 'xlsx';
export type Edition = 'cn' | 't' | 'tw' | 'twp' | 'hk';
export type FontRole = 'song' | 'hei' | 'kai' | 'fang' | 'title';

/** The report passes' switches, as `convert` takes them (the command's `--no-<pass>` flags). */
export type Passes = NonNullable<import('@wenshu/convert').ConvertOptions['passes']>;
export type PassName = keyof Passes;

/** The passes the page offers, each on by default (the command's `--no-…` flags); `punctuation` has its own setting. */
export const PASS_NAMES = [
  'headings',
  'ordinals',
  'runInTitles',
  'pageMarkers',
  'brokenParagraphs',
  'cjkLineBreaks',
  'layoutCharacters',
  'elements',
  'tableCaptions',
] as const satisfies readonly PassName[];

/**
 * A theme file as the command reads it (`--theme FILE`): the preset it `extends` and the fields
 * that differ from it, in the theme's own keys.
 */
export type ThemeFile = { extends: 'report' | 'gov' } & Record<string, unknown>;

export interface Settings {
  theme: 'report' | 'gov';
  /** The theme editor's result, when it differs from the preset `theme`: used in its place. */
  themeFile?: ThemeFile;
  formats: Format[];
  editions: Edition[];
  toc: boolean;
  /** Half-width punctuation between Chinese characters made full-width (`undefined`: the theme's default). */
  punctuation?: boolean;
  sheetLang: 'zh' | 'en';
  /** Passes switched off (only those: the others run as by default). */
  passes: Partial<Record<(typeof PASS_NAMES)[number], false>>;
  /** Traditional editions: the Taiwan vocabulary (`--zh-vocabulary`), and the texts of `--zh-dict` and `--zh-protect` files. */
  zh: { vocabulary: 'auto' | 'general' | 'it'; dictionary: string; protect: string };
}

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** A font file the user picked for a role. */
export interface UserFont {
  role: FontRole;
  name: string;
  bytes: Uint8Array;
  /** The face's PostScript name, for a font collection (`.ttc`): the face to take from it. */
  postscriptName?: string;
}

/** A collection (`.ttc`/`.otc`) begins with `ttcf`: its face is then chosen by PostScript name. */
export function isCollection(bytes: Uint8Array): boolean {
  return bytes[0] === 0x74 && bytes[1] === 0x74 && bytes[2] === 0x63 && bytes[3] === 0x66;
}

/**
 * A user font's file name as the PDF exporter takes it, which knows a font file by its extension:
 * an installed font's name ("Noto Sans CJK SC") gets the one its bytes say (`ttcf`, `OTTO`, else TrueType).
 */
export function fontFileName(font: UserFont): string {
  const name = `user-${font.role}-${font.name.replaceAll('#', '_')}`;
  if (/\.(ttf|otf|ttc|otc)$/i.test(name)) return name;
  const otf = font.bytes[0] === 0x4f && font.bytes[1] === 0x54 && font.bytes[2] === 0x54 && font.bytes[3] === 0x4f;
  return `${name}${isCollection(font.bytes) ? '.ttc' : otf ? '.otf' : '.ttf'}`;
}

export type Request =
  /** Read and repair only: the outline and the check, as the text is edited. */
  | { type: 'check'; id: number; file: InputFile; settings: Settings }
  | {
      type: 'convert';
      id: number;
      files: InputFile[];
      settings: Settings;
      userFonts: UserFont[];
      /** Seconds since 1970, for reproducible outputs (tests); default now. */
      sourceDateEpoch?: number;
    }
  /** A preset's values (for the theme editor), and the problems of a theme file built on it. */
  | { type: 'theme'; id: number; base: 'report' | 'gov'; file?: ThemeFile };

/**
 * At most this many outline entries and findings go to the page per file (the rest are counted):
 * cloning tens of thousands of them (a report ×100), and laying out more than a list box shows in
 * many screens, would hold up the page's thread.
 */
export const LIST_LIMIT = 1000;

/** A heading or an item of the outline, with the source line it starts on. */
export interface OutlineEntry {
  kind: 'title' | 'heading' | 'item';
  level: number;
  text: string;
  line: number;
}

/** A repair or a warning, with its source line (0: none). */
export interface Finding {
  kind: string;
  message: string;
  line: number;
}

export type Reply =
  | {
      type: 'checked';
      id: number;
      file: string;
      text: string;
      outline: OutlineEntry[];
      findings: Finding[];
      /** Entries beyond `LIST_LIMIT`, counted but not sent. */
      omitted: { outline: number; findings: number };
    }
  | { type: 'progress'; id: number; file: string; stage: string; done: number; total: number }
  /** An output, as a Blob of its media type (a handle: cloning it copies nothing). */
  | { type: 'output'; id: number; file: string; name: string; blob: Blob; elapsedMs: number }
  | { type: 'file-done'; id: number; file: string; findings: Finding[]; omittedFindings: number }
  | { type: 'failed'; id: number; file: string; message: string; input: boolean }
  | { type: 'done'; id: number; elapsedMs: number }
  /** One zip of a conversion's outputs, after its `done` (made in the worker, which has them). */
  | { type: 'zipped'; id: number; blob: Blob }
  | {
      type: 'theme';
      id: number;
      /** The preset, as the theme package has it (sizes in points). */
      preset: Record<string, unknown>;
      /** The Chinese size names a size may be given as, with their points. */
      sizeNames: Record<string, number>;
      /** The file's problems, by dotted path (`page.margin.topMm`), in the theme package's words. */
      issues: { path: string; message: string }[];
    };
