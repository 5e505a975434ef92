/**
 * What the page and the conversion worker say to each other. Everything is structured-cloneable;
 * file bytes travel as transferred `Uint8Array`s.
 */

export type Format = 'docx' | 'pdf' | 'xlsx';
export type Edition = 'cn' | 't' | 'tw' | 'twp' | 'hk';
export type FontRole = 'song' | 'hei' | 'kai' | 'fang' | 'title';

export interface Settings {
  theme: 'report' | 'gov';
  formats: Format[];
  editions: Edition[];
  toc: boolean;
  /** Half-width punctuation between Chinese characters made full-width (`undefined`: the theme's default). */
  punctuation?: boolean;
  sheetLang: 'zh' | 'en';
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
  /** One zip of the outputs, made here: deflating megabytes would hold up the page's thread. */
  | { type: 'zip'; id: number; entries: InputFile[]; date: number };

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
  | { type: 'checked'; id: number; file: string; text: string; outline: OutlineEntry[]; findings: Finding[] }
  | { type: 'progress'; id: number; file: string; stage: string; done: number; total: number }
  | { type: 'output'; id: number; file: string; name: string; bytes: Uint8Array; elapsedMs: number }
  | { type: 'file-done'; id: number; file: string; findings: Finding[] }
  | { type: 'failed'; id: number; file: string; message: string; input: boolean }
  | { type: 'done'; id: number; elapsedMs: number }
  | { type: 'zipped'; id: number; bytes: Uint8Array };
