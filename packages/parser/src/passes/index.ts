/**
 * The report-structure passes: what turns an OCR'd report into a structured one. Each is a pure
 * function `Document → { document, fixes }`, separately switchable, and none loses text (only page
 * markers and layout characters leave the body, and each removal is recorded as a fix).
 */
import type { Document } from '../ast.js';
import { traditionalLanguageOf } from '../lib/script.js';
import { toText } from '../lib/to-text.js';
import { brokenParagraphsPass } from './broken-paragraphs.js';
import { elementsPass } from './elements.js';
import type { Fix } from './fix.js';
import { headingsPass } from './headings.js';
import { layoutCharactersPass } from './layout-characters.js';
import { levelsPass } from './levels.js';
import { lineBreaksPass } from './line-breaks.js';
import { ordinalsPass } from './ordinals.js';
import { pageMarkersPass } from './page-markers.js';
import { punctuationPass } from './punctuation.js';
import { runInTitlesPass } from './run-in-titles.js';
import { tableCaptionsPass } from './table-captions.js';
import { titlePass } from './title.js';

export { check, type Suspect, type SuspectKind } from './check.js';
export type { Fix, FixKind } from './fix.js';
export { headingLevel } from './levels.js';
export { chineseNumber, type MatchOptions, matchOrdinal, type OrdinalMatch } from './ordinal-marker.js';
export { type Outline, type OutlineElement, type OutlineItem, type OutlineSection, outline } from './outline.js';

/** Which passes run; every one is on unless set to `false`, except `punctuation`, which is off unless `true`. */
export interface StructureOptions {
  /** Read short lines that head what follows as headings: a bold line alone, a short plain line between paragraphs. */
  headings?: boolean;
  /** Read ordinals: annotate headings, make items of numbered paragraphs and headings of short numbered lines. */
  ordinals?: boolean;
  /** Split an item's first sentence or bold lead off as its run-in title (needs `ordinals`). */
  runInTitles?: boolean;
  /** Move page-jump markers `(上接7版)` / `(下转9版)` to `meta.continuedFrom` / `meta.continuedTo`. */
  pageMarkers?: boolean;
  /** Join paragraphs split by a column or page break. */
  brokenParagraphs?: boolean;
  /** Remove soft line breaks next to CJK characters (a space between Latin words). */
  cjkLineBreaks?: boolean;
  /** Remove U+3000 indents and zero-width characters. */
  layoutCharacters?: boolean;
  /** Half-width `,;:?!()` in Chinese text → `，；：？！（）`. Off by default: it changes what the author typed. */
  punctuation?: boolean;
  /** Take `meta.title` from the heading that reads as the title when front matter gave none. */
  title?: boolean;
  /** Read the frame around the body: subtitles, bylines, salutation, addressee, signatures and dates. */
  elements?: boolean;
  /** Make a short paragraph right above a table that names it (`表1 …`) the table's caption. */
  tableCaptions?: boolean;
}

type Pass = (document: Document) => { document: Document; fixes: Fix[] };

/**
 * The passes in the order they run, and why in this order: paragraphs are joined while indents
 * and markers can still say "a new paragraph starts here"; markers go before ordinals so that a
 * marker paragraph is never read as a numbered one; layout characters and line breaks go before
 * ordinals so that `　　一、` and a wrapped heading line read as they look; a table's caption is
 * taken before the headings pass could read the short line as a heading; punctuation runs last
 * but for the title so that it never rewrites an item's marker; the frame elements are read last,
 * under the title the title pass found.
 */
const PASSES: { option: keyof StructureOptions; pass: Pass; byDefault: boolean }[] = [
  { option: 'brokenParagraphs', pass: brokenParagraphsPass, byDefault: true },
  { option: 'pageMarkers', pass: pageMarkersPass, byDefault: true },
  { option: 'layoutCharacters', pass: layoutCharactersPass, byDefault: true },
  { option: 'cjkLineBreaks', pass: lineBreaksPass, byDefault: true },
  { option: 'tableCaptions', pass: tableCaptionsPass, byDefault: true },
  { option: 'ordinals', pass: ordinalsPass, byDefault: true },
  { option: 'headings', pass: headingsPass, byDefault: true },
  { option: 'runInTitles', pass: runInTitlesPass, byDefault: true },
  { option: 'punctuation', pass: punctuationPass, byDefault: false },
  { option: 'title', pass: titlePass, byDefault: true },
  { option: 'elements', pass: elementsPass, byDefault: true },
];

/**
 * Runs the report passes over a parsed document (Markdown from `parse`, plain text from
 * `parsePlainText`), then decides every heading's outline level (`levels`, always) and the
 * language of a document written in Traditional characters (always; see `withLanguage`). Returns a
 * new document (the input is not modified) and every fix, in pass order.
 */
export function structure(document: Document, options: StructureOptions = {}): { document: Document; fixes: Fix[] } {
  let current = document;
  const fixes: Fix[] = [];
  for (const { option, pass, byDefault } of PASSES) {
    if (!(options[option] ?? byDefault)) continue;
    const result = pass(current);
    current = result.document;
    for (const fix of result.fixes) fixes.push(fix);
  }
  return { document: withLanguage(levelsPass(current)), fixes };
}

/**
 * `meta.lang` zh-TW (or zh-HK) for a document written in Traditional characters, when its front
 * matter gave no language: the exporters then tag it, set it in Traditional faces and label it in
 * Traditional characters, as they do a Traditional edition. A Simplified document keeps no tag.
 */
function withLanguage(document: Document): Document {
  if (document.meta.lang !== undefined) return document;
  const lang = traditionalLanguageOf(`${document.meta.title ?? ''}\n${toText(document)}`);
  return lang ? { ...document, meta: { ...document.meta, lang } } : document;
}
