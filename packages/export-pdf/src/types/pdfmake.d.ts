/**
 * pdfmake 0.3 ships no type declarations. This is the part of its server-side API wenshu calls:
 * the default export is a singleton (`module.exports = new pdfmake()`); there is no `PdfPrinter`.
 * The document definition is typed in `lib/pdf/definition.ts`.
 */
declare module 'pdfmake' {
  /** A font file: a path or a virtual-file-system name, or `[file, PostScript name]` for a face of a collection. */
  export type PdfMakeFontFile = string | [string, string];

  export interface PdfMakeFontFamily {
    normal: PdfMakeFontFile;
    bold?: PdfMakeFontFile;
    italics?: PdfMakeFontFile;
    bolditalics?: PdfMakeFontFile;
  }

  export interface PdfMakeOutput {
    getBuffer(): Promise<Buffer>;
  }

  export interface PdfMakeVirtualFileSystem {
    existsSync(name: string): boolean;
    writeFileSync(name: string, content: Uint8Array): void;
    storage: Record<string, unknown>;
  }

  export interface PdfMake {
    virtualfs: PdfMakeVirtualFileSystem;
    setFonts(fonts: Record<string, PdfMakeFontFamily>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: object): PdfMakeOutput;
  }

  const pdfmake: PdfMake;
  export default pdfmake;
}
