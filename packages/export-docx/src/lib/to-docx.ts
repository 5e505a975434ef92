/**
 * `toDocx`: a wenshu document → the bytes of a Word document. Pictures are read first; then the
 * handler table renders the tree into docx's objects with named styles from the theme (or a
 * reference document); docx compiles them into the package's parts, and package.ts finishes them
 * and zips them reproducibly.
 */

import { type Document, documentFrame, isTraditionalChinese, titleHeadingOf } from '@wenshu/parser';
import { withoutLocalPictures } from '@wenshu/picture';
import { presetTheme, themeForLanguage, titleLines } from '@wenshu/theme';
import { Document as DocxDocument, type FileChild, PageBreak, Paragraph, Table, TableOfContents, TextRun } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { writeBodyInSlices } from './body-slices.js';
import { documentHead, documentTail } from './document-frame.js';
import { handlers } from './handlers/index.js';
import { loadImages } from './images.js';
import { landscapeTextWidth, splitSections } from './landscape.js';
import { measureWidth } from './measure.js';
import { ListNumbering } from './numbering.js';
import type { ToDocxOptions } from './options.js';
import { compileParts, finishPackage } from './package.js';
import { readReferenceDocx } from './reference.js';
import { footers, sectionProperties, sectionTextWidth } from './section.js';
import { type Context, State } from './state.js';
import { bodyEmTwips, buildStyles, STYLES, type StyleRole } from './styles.js';

/** "Contents" in the document's script. */
function contentsLabel(lang: string): string {
  return isTraditionalChinese(lang) ? '目錄' : '目录';
}

/** Style roles whose ids docx writes itself, and which a reference document may name differently. */
const DOCX_FIXED_ROLES: StyleRole[] = ['toc1', 'toc2', 'toc3', 'toc4', 'footnoteReference'];

/**
 * Renders `doc` as a .docx. Same document, options and `sourceDateEpoch` → the same bytes.
 * Throws `ReferenceDocxError` when `referenceDocx` is not a Word document.
 */
export async function toDocx(doc: Document, options: ToDocxOptions = {}): Promise<Uint8Array> {
  // A Traditional edition (meta.lang zh-TW/zh-HK/zh-Hant) names the faces its readers have.
  const theme = themeForLanguage(options.theme ?? presetTheme('report'), doc.meta.lang);
  const lang = doc.meta.lang ?? theme.lang;
  const reference = options.referenceDocx ? readReferenceDocx(options.referenceDocx) : undefined;
  const plan = buildStyles(theme, lang, reference?.styles);
  const { ids } = plan;
  const section = sectionProperties(theme, reference?.page);
  const pageHeight = Number(section.page?.size?.height ?? 16838);
  const numbering = new ListNumbering(bodyEmTwips(theme));
  const titleHeading = titleHeadingOf(doc);

  const state = new State({
    theme,
    ids,
    handlers,
    images: await loadImages(doc, options.loadPicture ?? withoutLocalPictures),
    footnotes: new Set(doc.footnotes.map((note) => note.number)),
    sealed: documentFrame(doc)?.sealed === true,
    numbering,
    textWidthTwips: sectionTextWidth(section),
    landscapeTextWidthTwips: landscapeTextWidth(section),
    textHeightTwips:
      pageHeight - Number(section.page?.margin?.top ?? 1440) - Number(section.page?.margin?.bottom ?? 1440),
    titleHeading,
    pictureWord: isTraditionalChinese(lang) ? '圖片' : '图片',
    onWarning: options.onWarning ?? (() => {}),
  });
  const context: Context = { paragraphStyle: ids.normal, run: {}, listDepth: 0, inNote: false };

  const body: FileChild[] = [];
  const frame = documentFrame(doc);
  if (frame) body.push(...documentHead(frame, theme, ids, state.textWidthTwips));
  let blocks = doc.children;
  if (titleHeading && blocks[0] === titleHeading) {
    body.push(...state.one(titleHeading, context));
    blocks = blocks.slice(1);
  } else if (doc.meta.title && !titleHeading) {
    const lines = titleLines(theme, doc.meta.title);
    const children = lines.map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}) }));
    body.push(new Paragraph({ style: ids.title, children }));
  }
  if (options.toc) {
    body.push(
      new Paragraph({ style: ids.tocHeading, text: contentsLabel(lang) }),
      new TableOfContents(contentsLabel(lang), { hyperlink: true, headingStyleRange: '1-3' }),
      new Paragraph({ children: [new PageBreak()] }),
    );
  }
  // A loop, not a spread: a flat document's blocks (200,000 paragraphs) overflow a call's arguments.
  for (const block of state.blocks(blocks, context)) body.push(block);
  if (frame) body.push(...documentTail(frame, ids, state.textWidthTwips));
  // A document, like a table cell, ends with a paragraph (ECMA-376 Part 1 §17.4.66, tc; Word
  // repairs a body whose last block is a table by adding one).
  if (body.at(-1) instanceof Table) body.push(new Paragraph({ style: ids.normal }));

  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const note of doc.footnotes) {
    const children = state.one(note, context).filter((block): block is Paragraph => block instanceof Paragraph);
    footnotes[String(note.number)] = {
      children: children.length > 0 ? children : [new Paragraph({ style: ids.footnoteText })],
    };
  }

  const pageNumbers = footers(theme, ids);
  const docx = new DocxDocument({
    creator: 'wenshu',
    lastModifiedBy: 'wenshu',
    ...(doc.meta.title ? { title: doc.meta.title } : {}),
    styles: plan.styles,
    numbering: numbering.options(),
    footnotes,
    evenAndOddHeaderAndFooters: pageNumbers.evenAndOdd,
    ...(options.toc ? { pageNumbers: estimatePageNumbersWith({ measureWidth, guess: true }) } : {}),
    ...(reference?.theme ? { theme: reference.theme } : {}),
    sections: splitSections(body, section, pageNumbers.footers),
  });
  // The document holds the blocks now; written a slice at a time, each slice's can go (body-slices.ts).
  body.length = 0;
  if (!options.toc) writeBodyInSlices(docx);

  const renames = new Map<string, string>();
  for (const role of DOCX_FIXED_ROLES) if (ids[role] !== STYLES[role].id) renames.set(STYLES[role].id, ids[role]);
  return finishPackage(compileParts(docx), {
    // Now, to the second, unless a source date is given: the same rule in all three exporters.
    date: (options.sourceDateEpoch ?? Math.floor(Date.now() / 1000)) * 1000,
    lang,
    theme,
    ...(plan.tableStyle ? { tableStyle: plan.tableStyle } : {}),
    offGrid: plan.offGrid,
    widowControl: ids.normal,
    ...(reference ? { reference: { styles: reference.styles, written: plan.written, renames } } : {}),
  });
}
