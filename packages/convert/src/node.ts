/**
 * `@wenshu/convert` on Node (the `node` export condition, or `@wenshu/convert/node`): the core's
 * `convert`, with what only Node can do — a theme given as a file, local pictures read from the
 * input's folder under the picture policy, a reference document given as a path — and
 * `convertFile`, which reads the report itself.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pictureLoader } from '@wenshu/picture/node';
import { loadTheme, type Theme } from '@wenshu/theme';
import { type ConvertResult, type ConvertOptions as CoreOptions, convert as coreConvert } from './lib/convert.js';

export * from './index.js';

export interface ConvertOptions extends Omit<CoreOptions, 'theme' | 'referenceDocx'> {
  /** A theme, a preset's name (`report`, `gov`) or a theme file. */
  theme?: Theme | string;
  /**
   * The folder local pictures are read from and confined to (symbolic links followed); the
   * current folder when absent. Not used when `loadPicture` is given.
   */
  baseDir?: string;
  /** Read local pictures outside `baseDir` too (the command's `--allow-outside`). */
  allowOutside?: boolean;
  /** A Word document or template whose styles the DOCX takes: its bytes or its path. */
  referenceDocx?: Uint8Array | string;
}

/** The core's `convert`, with themes, pictures and the reference document read from the file system. */
export async function convert(input: Uint8Array | string, options: ConvertOptions = {}): Promise<ConvertResult> {
  const { baseDir, allowOutside, theme, referenceDocx, ...core } = options;
  return coreConvert(input, {
    ...core,
    ...(theme === undefined ? {} : { theme: typeof theme === 'string' ? loadTheme(theme) : theme }),
    ...(referenceDocx === undefined
      ? {}
      : {
          referenceDocx:
            typeof referenceDocx === 'string' ? new Uint8Array(await readFile(referenceDocx)) : referenceDocx,
        }),
    loadPicture:
      core.loadPicture ?? pictureLoader({ baseDir: resolve(baseDir ?? '.'), allowOutside: allowOutside ?? false }),
  });
}

/** Reads the report at `path` and converts it; its pictures are read from its folder. */
export async function convertFile(path: string, options: ConvertOptions = {}): Promise<ConvertResult> {
  return convert(new Uint8Array(await readFile(path)), {
    fileName: path,
    baseDir: dirname(resolve(path)),
    ...options,
  });
}
