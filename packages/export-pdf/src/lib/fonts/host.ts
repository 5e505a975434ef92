/**
 * Where faces come from: the exporter's only contact with font files. On Node (`node-host.ts`, the
 * default of the package's Node entry) files are read from disk, the bundled Noto faces found
 * through the module system and installed faces listed by fontconfig. Anywhere else, the caller
 * hands in the bytes (`memoryFontHost`): a web page's fetched Noto files, or fonts its user picked.
 */

/** One face of an installed font file. */
export interface SystemFace {
  file: string;
  postscriptName: string;
  /** Family names, first the one fontconfig lists first. */
  families: string[];
}

export type BundledWeight = 'light' | 'regular' | 'bold';

/** Which bundled set: Noto Serif/Sans SC (`sc`, every document's last fallback) or TC (`tc`, Traditional editions first). */
export type BundledScript = 'sc' | 'tc';

/**
 * A bundled face's key among `memoryFontHost`'s names: `serif-regular` is Noto Serif SC Regular,
 * `serif-regular-tc` Noto Serif TC Regular.
 */
export type BundledKey = `${'serif' | 'sans'}-${BundledWeight}` | `${'serif' | 'sans'}-${BundledWeight}-tc`;

export interface FontHost {
  /** A font file's bytes, fresh for each call (the exporter rewrites a face's header in place). Throws when it cannot. */
  readFile(file: string): Uint8Array;
  /**
   * The file of a fallback face (Noto Serif SC for `serif`, Noto Sans SC for `sans`; their TC
   * faces when `script` is `tc`), or `undefined` when there is none.
   */
  bundledFile(family: 'serif' | 'sans', weight: BundledWeight, script?: BundledScript): string | undefined;
  /** Installed faces of files whose names pass `wantedFile`. */
  systemFaces(wantedFile: (name: string) => boolean): SystemFace[];
  /** Installed faces that have `codePoint`, when the host can tell; `undefined` when it cannot. */
  systemFacesWith(codePoint: number): SystemFace[] | undefined;
}

/**
 * Fonts given as bytes by name: `fonts: { fang: 'fangsong.ttf' }` names one of `files`. `bundled`
 * names the fallback faces among them (`{ 'serif-regular': 'NotoSerifSC-Regular.ttf', … }`, and
 * `'serif-regular-tc': 'NotoSerifTC-Regular.ttf'` for Traditional documents); without them, every
 * role needs a file of its own, and without the TC ones Traditional documents take the SC ones.
 */
export function memoryFontHost(
  files: Readonly<Record<string, Uint8Array>>,
  bundled: Partial<Record<BundledKey, string>> = {},
): FontHost {
  return {
    readFile(file) {
      const bytes = files[file];
      if (!bytes) throw new Error('no such font among the files given');
      return bytes.slice();
    },
    bundledFile: (family, weight, script = 'sc') =>
      bundled[script === 'tc' ? (`${family}-${weight}-tc` as const) : (`${family}-${weight}` as const)],
    systemFaces: () => [],
    systemFacesWith: () => [],
  };
}

/** The host of the core when none is given: no font file at all (a PDF then needs a host). */
export const noFontFiles: FontHost = memoryFontHost({});
