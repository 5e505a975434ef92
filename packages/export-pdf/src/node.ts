/**
 * `@wenshu/export-pdf` on Node (the `node` export condition, or `@wenshu/export-pdf/node`): the
 * core with the file system as its font host (files, the bundled Noto faces, installed faces), and
 * a `toPdf` that also takes `baseDir` and `allowOutside` and reads local pictures under the picture
 * policy of @wenshu/picture/node, as the command does.
 */
import type { Document } from '@wenshu/parser';
import { pictureLoader } from '@wenshu/picture/node';
import { nodeFontHost } from './lib/fonts/node-host.js';
import {
  listFonts as coreListFonts,
  resolveFonts as coreResolveFonts,
  type FontListing,
  type ResolvedFonts,
  type ResolveFontsOptions,
} from './lib/fonts/resolve.js';
import type { ToPdfOptions as CoreOptions } from './lib/options.js';
import { toPdf as coreToPdf } from './lib/to-pdf.js';

export * from './index.js';
export { bundledFile, nodeFontHost } from './lib/fonts/node-host.js';

/** The core's `resolveFonts`, faces read from the file system (and installed ones listed) unless another host is given. */
export function resolveFonts(options: ResolveFontsOptions = {}): ResolvedFonts {
  return coreResolveFonts({ host: nodeFontHost, ...options });
}

/** The core's `listFonts`, on the file system. */
export function listFonts(options: ResolveFontsOptions = {}): FontListing[] {
  return coreListFonts({ host: nodeFontHost, ...options });
}

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

/** The core's `toPdf`, fonts and local pictures (under the picture policy) read from the file system. */
export function toPdf(doc: Document, options: ToPdfOptions = {}): Promise<Uint8Array> {
  const { baseDir, allowOutside, ...core } = options;
  return coreToPdf(doc, {
    fontHost: nodeFontHost,
    ...core,
    loadPicture:
      core.loadPicture ?? pictureLoader({ baseDir: baseDir ?? process.cwd(), allowOutside: allowOutside ?? false }),
  });
}
