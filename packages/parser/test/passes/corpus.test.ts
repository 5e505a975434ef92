/**
 * The whole report corpus: every file reads, and the passes lose no text. The CJK characters of the
 * repaired document are those of the input, in order, less the page markers the fixes record.
 * Markdown is compared with its faithful parse (image alt text and HTML comments are not shown
 * text, so they are not the passes' to keep); plain text with the file itself.
 */
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parse, toText } from '../../src/index.js';
import { check, outline, structure } from '../../src/passes/index.js';
import { parsePlainText } from '../../src/plain-text.js';
import { corpusPath, describeCorpus, readCorpus } from '../corpus.js';
import { cjkSequence } from './helpers.js';

/** The source without the marker texts the fixes say were removed (each at its first place after the last). */
function withoutMarkers(source: string, markers: string[]): string {
  let out = source;
  let from = 0;
  for (const marker of markers) {
    const index = out.indexOf(marker, from);
    expect(index, `marker ${marker} is in the source`).toBeGreaterThanOrEqual(0);
    out = out.slice(0, index) + out.slice(index + marker.length);
    from = index;
  }
  return out;
}

describeCorpus('report corpus', () => {
  const files = readdirSync(corpusPath('reports')).filter((name) => !name.endsWith('.docx'));

  it('has the files this suite expects', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  for (const name of [...files, '../seed/weifang-2023-departments.md']) {
    it(`${name}: structured without losing a CJK character`, () => {
      const source = readCorpus('reports', name);
      const plain = name.endsWith('.txt');
      const parsed = plain ? parsePlainText(source) : parse(source);
      const { document, fixes } = structure(parsed);
      const markers = fixes.filter((fix) => fix.kind === 'page-marker').map((fix) => fix.before);
      const reference = plain ? source : toText(parsed);
      expect(cjkSequence(toText(document))).toBe(cjkSequence(withoutMarkers(reference, markers)));
      // The outline and the check run on every file, and the result is plain JSON.
      const result = { outline: outline(document, fixes), check: check(document, fixes) };
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      expect(JSON.parse(JSON.stringify(document))).toEqual(document);
      // A structured document has nothing left to repair.
      expect(structure(document).fixes).toEqual([]);
    });
  }

  it('the seed as raw Markdown: only the two markers leave', () => {
    const source = readCorpus('seed', 'weifang-2023-departments.md');
    const { document, fixes } = structure(parse(source));
    const markers = fixes.filter((fix) => fix.kind === 'page-marker').map((fix) => fix.before);
    expect(markers).toEqual(['(上接7版)', '(下转9版)']);
    expect(cjkSequence(toText(document))).toBe(cjkSequence(withoutMarkers(source, markers)));
  });
});
