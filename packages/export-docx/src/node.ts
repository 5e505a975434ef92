/**
 * `@wenshu/export-docx` on Node (the `node` export condition, or `@wenshu/export-docx/node`): the
 * core, whose `toDocx` also takes `baseDir` and `allowOutside` and reads local pictures under the
 * picture policy of @wenshu/picture/node, as the command does.
 */
import type { Document } from '@wenshu/parser';
import { pictureLoader } from '@wenshu/picture/node';
import type { ToDocxOptions as CoreOptions } from './lib/options.js';
import { toDocx as coreToDocx } from './lib/to-docx.js';

export * from './index.js';

export interface ToDocxOptions extends CoreOptions {
  /**
   * The folder local picture paths are relative to, and confined to (symbolic links followed): a
   * picture outside it is a placeholder and an `image-outside` warning, as in the PDF exporter.
   * The current folder when absent. Not used when `loadPicture` is given.
   */
  baseDir?: string;
  /** Read local pictures outside `baseDir` too (the command's `--allow-outside`). Default false. */
  allowOutside?: boolean;
}

/** The core's `toDocx`, local pictures read from the file system under the picture policy. */
export function toDocx(doc: Document, options: ToDocxOptions = {}): Promise<Uint8Array> {
  const { baseDir, allowOutside, ...core } = options;
  return coreToDocx(doc, {
    ...core,
    loadPicture:
      core.loadPicture ?? pictureLoader({ baseDir: baseDir ?? process.cwd(), allowOutside: allowOutside ?? false }),
  });
}
