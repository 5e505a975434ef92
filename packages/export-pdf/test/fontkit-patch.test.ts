/**
 * wenshu patches fontkit's CommonJS build (patches/fontkit@2.0.4.patch), the one pdfkit subsets
 * fonts with: CFF indexes of byte strings are written directly, and the subroutines each kept
 * glyph calls are found by scanning its charstring instead of drawing it. These tests hold the
 * patched code to what fontkit did before, on the CID-keyed Noto CJK faces reports are set in.
 * (That the subsets still draw is checked where it shows: the PDF tests render and read back
 * pages set in these faces.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { installedFace } from './helpers.js';

// The build pdfkit uses (`require`), not the ES module build.
const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

interface CffGlyphInternals {
  path: { commands: unknown[] };
  _usedGsubrs: Record<string, boolean>;
  _usedSubrs: Record<string, boolean>;
}

function openFace(postscriptName: string): { bytes: Buffer; font: Fontkit.Font } {
  const { file } = installedFace(postscriptName);
  const bytes = readFileSync(file);
  const opened = fontkit.create(bytes);
  const font = 'fonts' in opened ? opened.fonts.find((f) => f.postscriptName === postscriptName) : opened;
  if (!font) throw new Error(`${file} has no face ${postscriptName}`);
  return { bytes, font };
}

const glyph = (font: Fontkit.Font, id: number) => font.getGlyph(id) as unknown as CffGlyphInternals;

/** Every `step`th glyph id, and the ids of a line of Han text and punctuation. */
function sample(font: Fontkit.Font, step: number): number[] {
  const ids = new Set<number>();
  for (let id = 1; id < font.numGlyphs; id += step) ids.add(id);
  for (const char of '潍坊市二〇二三年部门工作总结，“一、（一）”。PM2.5 m³')
    ids.add(font.glyphForCodePoint(char.codePointAt(0) ?? 0).id);
  return [...ids].sort((a, b) => a - b);
}

describe('fontkit patch: CFF subsetting', () => {
  for (const postscriptName of ['NotoSerifCJKsc-Regular', 'NotoSansCJKsc-Bold']) {
    it(`finds the same subroutines as drawing each glyph does (${postscriptName})`, () => {
      const scanned = openFace(postscriptName).font;
      const ids = sample(scanned, 13);
      const subset = scanned.createSubset();
      for (const id of ids) subset.includeGlyph(scanned.getGlyph(id));
      subset.encode(); // scans every included glyph

      const drawn = openFace(postscriptName).font;
      let calls = 0;
      for (const id of ids) {
        const reference = glyph(drawn, id);
        void reference.path; // drawing the glyph records the subroutines it calls, as fontkit did
        const found = glyph(scanned, id);
        expect(Object.keys(found._usedGsubrs).sort(), `glyph ${id}: global subroutines`).toEqual(
          Object.keys(reference._usedGsubrs).sort(),
        );
        expect(Object.keys(found._usedSubrs).sort(), `glyph ${id}: local subroutines`).toEqual(
          Object.keys(reference._usedSubrs).sort(),
        );
        calls += Object.keys(found._usedGsubrs).length + Object.keys(found._usedSubrs).length;
      }
      // Noto CJK glyphs are built of subroutines: a scan that found none would be broken.
      expect(calls).toBeGreaterThan(ids.length);
    });
  }
});
