/**
 * Glyph coverage. pdfkit draws a character its font lacks as the font's empty glyph, silently; so
 * before anything is laid out every character is checked against its face, and one the face lacks
 * is drawn with the first face that has it: the other roles' faces, the bundled faces, then any
 * installed face (fontconfig says which have it; without fontconfig, the installed candidates are
 * opened and asked). A character no face has is reported.
 */

import { isCandidateFile, PDF_FONT_ROLES } from './candidates.js';
import { type Face, tryOpenFace } from './face.js';
import type { FontHost } from './host.js';
import { bundledFace, type ResolvedFonts } from './resolve.js';

/**
 * Characters that draw nothing: joiners, variation selectors, soft hyphen, byte order mark. Left
 * out of the drawn text when the face has no glyph for them, and never reported.
 */
export function isDefaultIgnorable(codePoint: number): boolean {
  return (
    codePoint === 0xad ||
    codePoint === 0x34f ||
    codePoint === 0x61c ||
    (codePoint >= 0x115f && codePoint <= 0x1160) ||
    (codePoint >= 0x17b4 && codePoint <= 0x17b5) ||
    (codePoint >= 0x180b && codePoint <= 0x180f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    codePoint === 0x3164 ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff ||
    codePoint === 0xffa0 ||
    (codePoint >= 0xfff0 && codePoint <= 0xfff8) ||
    (codePoint >= 0x1bca0 && codePoint <= 0x1bca3) ||
    (codePoint >= 0x1d173 && codePoint <= 0x1d17a) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe0fff)
  );
}

/** `U+20BB7 𠮷`. */
export function describeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const shown =
    codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) ? '' : ` ${String.fromCodePoint(codePoint)}`;
  return `U+${hex}${shown}`;
}

export class Coverage {
  readonly #chain: Face[];
  readonly #systemFonts: boolean;
  readonly #host: FontHost;
  readonly #found = new Map<number, Face | null>();
  #scanned: Face[] | undefined;

  constructor(fonts: ResolvedFonts) {
    const chain: Face[] = [];
    const add = (face: Face | undefined) => {
      if (face && !chain.includes(face)) chain.push(face);
    };
    for (const role of PDF_FONT_ROLES) add(fonts.roles[role].regular);
    for (const role of PDF_FONT_ROLES) add(fonts.roles[role].bold);
    // The bundled faces, when the host has them: for a Traditional document the TC ones first, then
    // the SC ones, which have the Simplified characters the TC faces lack. A Simplified document never
    // asks for the TC ones (the web page then never fetches them).
    const scripts = fonts.script === 'tc' ? (['tc', 'sc'] as const) : (['sc'] as const);
    for (const script of scripts) {
      for (const family of ['serif', 'sans'] as const) {
        if (fonts.host.bundledFile(family, 'regular', script) !== undefined) {
          add(bundledFace(fonts.host, family, 'regular', script));
        }
      }
    }
    this.#chain = chain;
    this.#host = fonts.host;
    this.#systemFonts = fonts.systemFonts;
  }

  /** The face that draws `codePoint` when `primary` lacks it; `undefined` when no face has it. */
  fallback(codePoint: number, primary: Face): Face | undefined {
    if (primary.has(codePoint)) return primary;
    let face = this.#found.get(codePoint);
    if (face === undefined) {
      face = this.#chain.find((f) => f.has(codePoint)) ?? this.#installed(codePoint) ?? null;
      this.#found.set(codePoint, face);
    }
    return face ?? undefined;
  }

  #installed(codePoint: number): Face | undefined {
    if (!this.#systemFonts) return undefined;
    const listed = this.#host.systemFacesWith(codePoint);
    if (listed) {
      // Regular faces before bold, italic, light… ones: a stray symbol should not stand out.
      const plain = (name: string) =>
        /Bold|Italic|Oblique|Light|Thin|Black|Heavy|Medium|Condensed|Mono/.test(name) ? 1 : 0;
      const ordered = [...listed].sort((a, b) => plain(a.postscriptName) - plain(b.postscriptName));
      for (const entry of ordered) {
        const face = tryOpenFace(this.#host, entry.file, entry.postscriptName);
        if (face?.has(codePoint)) return face;
      }
      return undefined;
    }
    this.#scanned ??= this.#host
      .systemFaces(isCandidateFile)
      .flatMap((entry) => tryOpenFace(this.#host, entry.file, entry.postscriptName) ?? []);
    return this.#scanned.find((face) => face.has(codePoint));
  }
}
