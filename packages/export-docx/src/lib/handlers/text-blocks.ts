/**
 * Paragraphs, headings and report items: the blocks that are one Word paragraph of phrasing.
 */

import {
  type BlockContent,
  type Heading,
  headingLevel,
  type Item,
  markerText,
  type Paragraph as ParagraphNode,
  type PhrasingContent,
  toText,
} from '@wenshu/parser';
import {
  lineHeightPt,
  ptToTwip,
  SEAL_ROW_LINES,
  SEAL_SPACE_LINES,
  type SealedRow,
  titleLines,
  withTitleBreaks,
} from '@wenshu/theme';
import { AlignmentType, Paragraph, type ParagraphChild, TabStopType, TextRun } from 'docx';
import type { Block, Context, State } from '../state.js';
import { HEADING_ROLES } from '../styles.js';

/** A paragraph that holds only pictures (and line breaks) is a figure: centred, not indented. */
function isFigure(children: readonly PhrasingContent[]): boolean {
  let pictures = 0;
  for (const child of children) {
    if (child.type === 'image') pictures++;
    else if (child.type === 'break') continue;
    else if (child.type === 'text' && child.value.trim() === '') continue;
    else return false;
  }
  return pictures > 0;
}

/** A list item's checkbox, for task items: ☑ done, ☐ to do. */
function checkbox(context: Context): ParagraphChild[] {
  const checked = context.list?.checked;
  return checked === true || checked === false ? [new TextRun({ text: checked ? '☑ ' : '☐ ' })] : [];
}

/**
 * A paragraph in the style of where it is (body, quote, footnote, table cell). The first
 * paragraph of a list item carries the item's number (and checkbox).
 */
export function paragraph(state: State, node: ParagraphNode, context: Context): Block[] {
  const children = state.phrasing(node.children, context);
  if (context.list) {
    const { ref, level } = context.list;
    return [
      new Paragraph({
        style: state.ids.listParagraph,
        numbering: { reference: ref.reference, instance: ref.instance, level },
        children: [...checkbox(context), ...children],
      }),
    ];
  }
  const body = !context.inNote && context.paragraphStyle === state.ids.normal;
  // A frame element (a signature, a date, a boundary) has a style of its own in the body.
  if (body && node.element) {
    const row = state.closing.sealedRows.get(node);
    if (row) return [sealedRow(state, node, row, context)];
    if (state.closing.inSealedRow.has(node)) return [];
    // A signature over its date: the pair's right indents (GB/T 9704 7.3.5.2) on the paragraph, over the style's.
    const rightEm = state.closing.rightEm.get(node);
    const indent = rightEm === undefined ? {} : { indent: { right: ptToTwip(rightEm * state.theme.body.sizePt) } };
    const keep = state.keepWithNext.has(node) ? { keepNext: true } : {};
    // A sealed 公文's first signature: the seal's room above it (7.3.5.1), over the style's one blank line.
    const body = state.theme.body;
    // Several bodies signing stand one under the other, no blank line between (7.3.5.2).
    const seal = state.closing.sealSpace.has(node)
      ? { spacing: { before: ptToTwip(SEAL_SPACE_LINES * lineHeightPt(body.sizePt, body.lineSpacing)) } }
      : state.closing.stacked.has(node)
        ? { spacing: { before: 0 } }
        : {};
    return [new Paragraph({ style: state.ids[node.element], children, ...indent, ...keep, ...seal })];
  }
  const figure = body && isFigure(node.children);
  const keep = state.keepWithNext.has(node) ? { keepNext: true } : {};
  return [new Paragraph({ style: figure ? state.ids.figure : context.paragraphStyle, children, ...keep })];
}

/**
 * A row of names signing under their seals (7.3.5.1): one paragraph, each name after a centre tab
 * stop where the theme puts its centre; the first row under the seal's room, each later one a row
 * of seals lower. The PDF sets the same centres.
 */
function sealedRow(state: State, node: ParagraphNode, row: SealedRow<BlockContent>, context: Context): Paragraph {
  const body = state.theme.body;
  const lines = state.closing.sealSpace.has(node) ? SEAL_SPACE_LINES : SEAL_ROW_LINES - 1;
  const children: ParagraphChild[] = [];
  for (const name of row.names)
    children.push(new TextRun({ text: '\t' }), ...state.phrasing((name as ParagraphNode).children, context));
  return new Paragraph({
    style: state.ids.signature,
    alignment: AlignmentType.LEFT,
    indent: { left: 0, right: 0 },
    tabStops: row.centresEm.map((centre) => ({
      type: TabStopType.CENTER,
      position: state.textWidthTwips - ptToTwip(centre * body.sizePt),
    })),
    spacing: { before: ptToTwip(lines * lineHeightPt(body.sizePt, body.lineSpacing)) },
    children,
  });
}

/** The style level of a heading: its outline level, decided by the parser's `structure()`, 1 to 6. */
function styleLevel(node: Heading): number {
  return Math.min(6, Math.max(1, headingLevel(node)));
}

/**
 * A heading, in the Heading style of its level; the heading whose text is the document's title is
 * the Title. An ordinal marker the text does not start with (when a pass moved it out) is put back.
 */
export function heading(state: State, node: Heading, context: Context): Block[] {
  const inline = { ...context, run: {} };
  if (node === state.titleHeading) {
    // Broken where the PDF breaks it (GB/T 9704 7.3.1: whole words, a trapezoid or a diamond).
    const lines = titleLines(state.theme, toText(node));
    const children = state.phrasing(withTitleBreaks(node.children, lines), inline);
    return [new Paragraph({ style: state.ids.title, children })];
  }
  const children = state.phrasing(node.children, inline);
  const marker = node.ordinal?.marker;
  if (marker && !toText(node).trimStart().startsWith(marker)) children.unshift(new TextRun(marker));
  const level = styleLevel(node);
  if (node.attached) {
    // A document attached to a 公文: its label or its title (broken as the document's title is), in
    // the attachment styles, on a new page where it starts when the theme asks (GB/T 9704 7.3.8).
    const title = node.attached.role === 'title';
    const lined = title
      ? state.phrasing(withTitleBreaks(node.children, titleLines(state.theme, toText(node))), inline)
      : children;
    return [
      new Paragraph({
        style: title ? state.ids.attachmentTitle : state.ids.attachmentLabel,
        outlineLevel: Math.min(level, 9) - 1,
        ...(node.attached.start && state.theme.attachment.newPage ? { pageBreakBefore: true } : {}),
        children: lined,
      }),
    ];
  }
  const role = HEADING_ROLES[level - 1] ?? 'heading6';
  return [new Paragraph({ style: state.ids[role], children })];
}

/**
 * A report item: marker and run-in title in the Run-in Title character style, then the body, all
 * in one body paragraph. Without a title, the marker is set like the body.
 */
export function item(state: State, node: Item, context: Context): Block[] {
  const runIn = { ...context, run: { ...context.run, style: state.ids.runInTitle } };
  const head: ParagraphChild[] = node.title
    ? [
        new TextRun({ text: markerText(node.ordinal), style: state.ids.runInTitle }),
        ...state.phrasing(node.title, runIn),
      ]
    : [new TextRun({ text: markerText(node.ordinal), ...context.run })];
  return [
    new Paragraph({
      style: context.paragraphStyle,
      children: [...head, ...state.phrasing(node.children, context)],
      ...(state.keepWithNext.has(node) ? { keepNext: true } : {}),
    }),
  ];
}
