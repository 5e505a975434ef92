/**
 * The PDF's font host, re-exported so that a page can give the faces' bytes without importing the
 * exporter: from its light `font-host` entry, so that loading this package loads no PDF code.
 */
export { type FontHost, memoryFontHost } from '@wenshu/export-pdf/font-host';
