/**
 * `toPdf`: a wenshu document → the bytes of a print-ready PDF. Faces are resolved per role and
 * every character is checked against its face; pictures are read; the handler table renders the
 * tree into a pdfmake document definition whose body text is already broken into lines; pdfmake
 * (pdfkit underneath) lays out pages, embeds subsets of the faces and writes the file.
 */
import {
  type Document,
  documentFrame,
  exportWarning,
  isTraditionalChinese,
  type JsonValue,
  titleHeadingOf,
} from '@wenshu/parser';
import { withoutLocalPictures } from '@wenshu/picture';
import { presetTheme, titleLines } from '@wenshu/theme';
import pdfmake from 'pdfmake';
import { documentHead, documentTail, TAIL_ID, unnumberedPages } from './document-frame.js';
import type { PdfFontRole } from './fonts/candidates.js';
import { Coverage } from './fonts/coverage.js';
import { FontRegistry } from './fonts/registry.js';
import { resolveFonts } from './fonts/resolve.js';
import { handlers } from './handlers/index.js';
import { captionBreakBefore, orientPages } from './handlers/table.js';
import { loadImages } from './images.js';
import type { ToPdfOptions } from './options.js';
import { footerFor, geometry } from './page.js';
import type { Content, DocumentDefinition, Info } from './pdf/definition.js';
import { type Context, State } from './state.js';
import { buildStyles, headingStyle } from './styles.js';
import { type Run, textRun } from './text/runs.js';
import { looseInlines } from './text/set.js';
import { Shaper } from './text/shape.js';
import { ENTRY_SLACK_PT, leader, NUMBER_COLUMN_EM, shapedWidth } from './toc-leaders.js';

/** A front-matter field as Info text: strings as they are, lists joined. */
function infoText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const items = value.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number');
    return items.length > 0 ? items.join(', ') : undefined;
  }
  return undefined;
}

function info(doc: Document, epoch: number): Info {
  const front = doc.meta.frontMatter ?? {};
  const date = new Date(epoch * 1000);
  const title = doc.meta.title;
  const author = infoText(front.author) ?? infoText(front.authors);
  const subject = infoText(front.subject) ?? infoText(front.description);
  const keywords = infoText(front.keywords) ?? infoText(front.tags);
  return {
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(subject ? { subject } : {}),
    ...(keywords ? { keywords } : {}),
    creator: 'wenshu',
    producer: 'wenshu',
    creationDate: date,
    modDate: date,
  };
}

/** The table of contents: headings of levels 1–3 and their page numbers (pdfmake's `pageReference`). */
function tableOfContents(state: State, lang: string, context: Context): Content[] {
  const style = state.styles.toc;
  const entries = state.headings.filter((entry) => entry.level <= 3);
  const label = isTraditionalChinese(lang) ? '目錄' : '目录';
  const title = state.text([textRun(label, {})], {
    ...context,
    block: { ...headingStyle(state.styles, 1), align: 'center', indentPt: 0 },
  });
  if (entries.length === 0) return [...title, { stack: [], pageBreak: 'after' }];
  const face = state.shaper.face(style.role, false);
  const numberPt = NUMBER_COLUMN_EM * style.sizePt;
  // The baseline of a TOC line: its text sits centred in the pitch (pdfmake's lineHeight).
  const baselinePt =
    (style.pitchPt - face.lineHeightPt(style.sizePt)) / 2 + (face.ascent / face.unitsPerEm) * style.sizePt;
  // One line of columns an entry, each as wide as worked out here (a table's auto columns squeezed
  // the entries once a leader took its room): the entry, the leader, the page number.
  const lines: Content[] = entries.map((entry) => {
    const shaped = state.shaper.shape([textRun(entry.text, {})], {
      role: style.role,
      bold: false,
      sizePt: style.sizePt,
    });
    const indentPt = (entry.level - 1) * style.sizePt * 2;
    const text = {
      text: looseInlines(shaped, style.pitchPt, state.faces),
      linkToDestination: entry.id,
      margin: [indentPt, 0, 0, 0] as [number, number, number, number],
    };
    const number = {
      text: '',
      pageReference: entry.id,
      alignment: 'right' as const,
      font: state.faces.id(face),
      fontSize: style.sizePt,
      lineHeight: style.pitchPt / face.lineHeightPt(style.sizePt),
    };
    const entryPt = indentPt + shapedWidth(shaped) + ENTRY_SLACK_PT;
    const dots = leader(context.width, entryPt, numberPt, baselinePt);
    return dots
      ? {
          columns: [
            { width: entryPt, stack: [text] },
            { width: '*', stack: [dots] },
            { width: numberPt, stack: [number] },
          ],
        }
      : {
          columns: [
            { width: '*', stack: [text] },
            { width: numberPt, stack: [number] },
          ],
        };
  });
  return [...title, { stack: lines, pageBreak: 'after' }];
}

/**
 * Renders `doc` as a PDF. Same document, options, installed fonts and `sourceDateEpoch` → the same
 * bytes. Warnings (fallback faces, characters no face has, pictures that cannot be shown) go to
 * `onWarning` with their source line.
 */
export async function toPdf(doc: Document, options: ToPdfOptions = {}): Promise<Uint8Array> {
  const theme = options.theme ?? presetTheme('report');
  const lang = doc.meta.lang ?? theme.lang;
  const onWarning = options.onWarning ?? (() => {});
  const fonts = resolveFonts({
    ...(options.fonts ? { fonts: options.fonts } : {}),
    theme,
    lang,
    systemFonts: options.systemFonts ?? true,
    ...(options.fontHost ? { host: options.fontHost } : {}),
  });
  const images = await loadImages(doc, options.loadPicture ?? withoutLocalPictures);
  const page = geometry(theme);
  const styles = buildStyles(theme);
  const faces = new FontRegistry();
  const usedRoles = new Set<PdfFontRole>();
  let state: State | undefined;
  const shaper = new Shaper(
    fonts,
    new Coverage(fonts),
    (codePoint, position) => state?.missingGlyph(codePoint, position),
    (role) => usedRoles.add(role),
  );
  state = new State({
    theme,
    styles,
    page,
    handlers,
    shaper,
    faces,
    images,
    footnotes: doc.footnotes,
    titleHeading: titleHeadingOf(doc),
    pictureWord: isTraditionalChinese(lang) ? '圖片' : '图片',
    sealed: documentFrame(doc)?.sealed === true,
    warn: (code, message, position) => onWarning(exportWarning(code, message, position)),
  });
  const context: Context = { width: page.bodyWidthPt, block: styles.body, run: {}, listDepth: 0 };

  const frame = documentFrame(doc);
  const head: Content[] = frame ? documentHead(state, frame, context) : [];
  let blocks = doc.children;
  if (state.titleHeading && blocks[0] === state.titleHeading) {
    head.push(...state.one(state.titleHeading, context));
    blocks = blocks.slice(1);
  } else if (doc.meta.title && !state.titleHeading) {
    const runs = titleLines(theme, doc.meta.title).flatMap((line, index): Run[] =>
      index > 0 ? [{ kind: 'break' }, textRun(line, {})] : [textRun(line, {})],
    );
    head.push(...state.text(runs, { ...context, block: styles.title }));
  }
  const body = state.blocks(blocks, context);
  if (doc.footnotes.length > 0) {
    const label = isTraditionalChinese(lang) ? '註釋' : '注释';
    const { id, parentId } = state.addHeading(1, label);
    body.push(
      ...state.text(
        [textRun(label, {})],
        { ...context, block: { ...headingStyle(styles, 1), indentPt: 0 } },
        {
          id,
          outline: true,
          outlineText: label,
          ...(parentId ? { outlineParentId: parentId } : {}),
        },
      ),
    );
    for (const note of doc.footnotes) body.push(...state.one(note, context));
  }
  const tail = frame ? documentTail(state, frame, context) : [];
  body.push(...tail);
  // No number on an empty page before the 版记 nor on the 版记's page (7.5), as the final layout places them.
  const footer = (currentPage: number): Content =>
    tail.length > 0 && unnumberedPages(tail, page.margins[1]).has(currentPage) ? { text: '' } : numbered(currentPage);
  const toc = options.toc ? tableOfContents(state, lang, context) : [];

  // Page numbers: set once for every digit so that their faces are registered before pdfmake is.
  const numberStyle = styles.pageNumber;
  const pageNumber = (text: string, align: 'left' | 'center' | 'right'): Content =>
    (state as State).text([textRun(text, {})], { ...context, block: { ...numberStyle, align } })[0] ?? { text };
  pageNumber('— 0123456789 —', 'center');
  const numberFace = shaper.face(numberStyle.role, numberStyle.bold);
  const dashDrop =
    ((numberFace.ascent - numberFace.glyphBox(0x2014).maxY) / numberFace.unitsPerEm) * numberStyle.sizePt;
  const numbered = footerFor(theme, page, pageNumber, dashDrop);

  for (const warning of fonts.warnings)
    if (usedRoles.has(warning.role)) onWarning({ code: 'font-fallback', message: warning.message });

  const pages = orientPages([...head, ...toc, ...body]);
  const captionBreak = captionBreakBefore(state);
  const definition: DocumentDefinition = {
    pageSize: { width: page.widthPt, height: page.heightPt },
    ...(pages.landscapeFirst ? { pageOrientation: 'landscape' as const } : {}),
    pageMargins: page.margins,
    version: '1.7',
    language: lang,
    info: info(doc, options.sourceDateEpoch ?? Math.floor(Date.now() / 1000)),
    defaultStyle: {
      font: faces.id(shaper.face(styles.body.role, false)),
      fontSize: styles.body.sizePt,
      lineHeight: 1,
    },
    content: pages.content,
    footer,
    // The 版记 on an even page (GB/T 9704 7.4: the last page of the 公文), and a tall table's caption
    // off the foot of a page: a second layout only when the document has either.
    ...(tail.length > 0 || captionBreak
      ? {
          pageBreakBefore: (node) =>
            (tail.length > 0 && node.id === TAIL_ID && node.startPosition.pageNumber % 2 === 1) ||
            (captionBreak?.(node) ?? false),
        }
      : {}),
  };

  pdfmake.setFonts(faces.families());
  pdfmake.setUrlAccessPolicy(() => false);
  // Faces and pictures reach pdfkit as bytes (the virtual file system, data URLs): no file is read.
  // (pdfmake's browser build reads no local file, and has no such setter.)
  if (typeof pdfmake.setLocalAccessPolicy === 'function') pdfmake.setLocalAccessPolicy(() => false);
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
