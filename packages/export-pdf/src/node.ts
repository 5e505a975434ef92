/**
 * `@wenshu/export-pdf` on Node (the `node` export condition, or `@wenshu/export-pdf/node`): the
 * core, whose `toPdf` also takes `baseDir` and `allowOutside` and reads local pictures under the
 * picture policy of @wenshu/picture/node, as the command does.
 */
import type { Document } from '@wenshu/parser';
import { pictureLoader } from '@wenshu/picture/node';
import type { ToPdfOptions as CoreOptions } from './lib/options.js';
import { toPdf as coreToPdf } from './lib/to-pdf.js';

export * from './index.js';

export interface ToPdfOptions extends CoreOptions {
  /**
   * The folder local picture paths are relative to, and confined to (symbolic links followed): a
   * picture outside it is a placeholder and a warning, as in the DOCX exporter. The current folder
   * when absent. Not used when `loadPicture` is given.
   */
  baseDir?: string;
  /** Read local pictures outside `baseDir` too (the command's `--allow-outside`). Default false. */
  allowOutside?: boolean;
}

/** The core's `toPdf`, local pictures read from the file system under the picture policy. */
export function toPdf(doc: Document, options: ToPdfOptions = {}): Promise<Uint8Array> {
  const { baseDir, allowOutside, ...core } = options;
  return coreToPdf(doc, {
    ...core,
    loadPicture:
      core.loadPicture ?? pictureLoader({ baseDir: baseDir ?? process.cwd(), allowOutside: allowOutside ?? false }),
  });
}
