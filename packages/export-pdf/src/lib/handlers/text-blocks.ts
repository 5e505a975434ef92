/**
 * Paragraphs, headings and report items: the blocks that are one run of text.
 */
import {
  type BlockContent,
  type DocumentElement,
  type Heading,
  headingLevel,
  type Item,
  markerText,
  type Paragraph,
  toText,
} from '@wenshu/parser';
import {
  ATTACHMENT_LABEL_EM,
  SEAL_PITCH_EM,
  SEAL_ROW_LINES,
  SEAL_SPACE_LINES,
  type SealedRow,
  SIGNATURE_RIGHT_EM,
  titleLines,
  withTitleBreaks,
} from '@wenshu/theme';
import type { Content } from '../pdf/definition.js';
import type { Context, State } from '../state.js';
import { headingStyle } from '../styles.js';
import { type Run, textRun } from '../text/runs.js';

export function paragraph(state: State, node: Paragraph, context: Context): Content[] {
  const runs = state.phrasing(node.children, context);
  if (node.element && context.block === state.styles.body)
    return frameElement(state, node, node.element, runs, context);
  return state.text(runs, context);
}

/**
 * A frame element of the body (paragraph.element), set as the DOCX styles of the same names set
 * it: lines under the title centred; the addressee and salutation flush left (GB/T 9704 7.3.3);
 * signatures and dates at the right (7.3.5.2: the right indents `State.closing` worked out
 * for the pair); 附件说明 a blank line under the body, two characters in, the names after the
 * first aligned under it (7.3.4); 附注 two characters in under the date (7.3.6); a boundary
 * between two articles centred under a rule.
 */
function frameElement(
  state: State,
  node: Paragraph,
  element: DocumentElement,
  runs: Run[],
  context: Context,
): Content[] {
  const body = state.styles.body;
  const block = { ...body, indentPt: 0 };
  const em = body.sizePt;
  switch (element) {
    case 'subtitle':
    case 'byline':
      return state.text(runs, { ...context, block: { ...block, align: 'center' } });
    case 'addressee':
    case 'salutation':
      return state.text(runs, { ...context, block });
    case 'signature':
    case 'date': {
      const row = state.closing.sealedRows.get(node);
      if (row) return sealedRow(state, node, row, context);
      if (state.closing.inSealedRow.has(node)) return [];
      const rightPt = (state.closing.rightEm.get(node) ?? SIGNATURE_RIGHT_EM) * em;
      // 署名 under the body (or the 附件说明) after a blank line (7.3.5.2); a sealed 公文's first after
      // the seal's room (7.3.5.1).
      // Several bodies signing stand one under the other with no blank line between (7.3.5.2).
      const lines = state.closing.sealSpace.has(node) ? SEAL_SPACE_LINES : state.closing.stacked.has(node) ? 0 : 1;
      const beforePt = element === 'signature' ? lines * body.pitchPt : 0;
      return state.text(runs, { ...context, block: { ...block, align: 'right', rightPt, beforePt } });
    }
    case 'attachments': {
      // `附件：` is three characters: the names after the first start where the first does.
      const hang = ATTACHMENT_LABEL_EM * em;
      const leftPt = body.indentPt + hang;
      const style = { ...block, align: 'left' as const, leftPt, indentPt: -hang, beforePt: body.pitchPt };
      return state.text(runs, { ...context, block: style });
    }
    case 'note':
      return state.text(runs, { ...context, block: { ...body, align: 'left' } });
    case 'boundary': {
      const rule: Content = {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: context.width, y2: 0, lineWidth: 0.5, lineColor: '#888888' }],
        margin: [0, body.pitchPt / 2, 0, 2],
      };
      return [rule, ...state.text(runs, { ...context, block: { ...block, align: 'center' } })];
    }
  }
}

/**
 * A row of names signing under their seals (7.3.5.1), each centred in a column a seal's pitch wide
 * whose centre stands where the theme puts it; the first row under the seal's room, each later one
 * a row of seals lower.
 */
function sealedRow(state: State, node: Paragraph, row: SealedRow<BlockContent>, context: Context): Content[] {
  const body = state.styles.body;
  const em = body.sizePt;
  const pitch = SEAL_PITCH_EM * em;
  const lines = state.closing.sealSpace.has(node) ? SEAL_SPACE_LINES : SEAL_ROW_LINES - 1;
  const block = { ...body, indentPt: 0, align: 'center' as const, beforePt: 0 };
  const names = row.names.map((name) => ({
    width: pitch,
    stack: state.text(state.phrasing((name as Paragraph).children, context), { ...context, width: pitch, block }),
  }));
  const rightPt = Math.max(0, (row.centresEm[row.centresEm.length - 1] ?? 0) * em - pitch / 2);
  return [
    {
      columns: [{ width: '*', stack: [] }, ...names, { width: rightPt, stack: [] }],
      columnGap: 0,
      margin: [0, lines * body.pitchPt, 0, 0],
    },
  ];
}

/** The style level of a heading: its outline level, decided by the parser's `structure()`, 1 to 6. */
function styleLevel(node: Heading): number {
  return Math.min(6, Math.max(1, headingLevel(node)));
}

/**
 * A heading in the style of its level, with a bookmark under the previous heading of a higher
 * level. The heading whose text is the document's title is set as the title and has no bookmark
 * (the title is the document's, in its Info). An ordinal marker the text does not start with
 * (when a pass moved it out) is put back.
 */
export function heading(state: State, node: Heading, context: Context): Content[] {
  const inline = { ...context, run: {} };
  if (node === state.titleHeading) {
    // Broken where the DOCX breaks it (GB/T 9704 7.3.1: whole words, a trapezoid or a diamond).
    const lines = titleLines(state.theme, toText(node));
    const runs = state.phrasing(withTitleBreaks(node.children, lines), inline);
    return state.text(runs, { ...inline, block: state.styles.title });
  }
  const runs: Run[] = state.phrasing(node.children, inline);
  const marker = node.ordinal?.marker;
  let plain = toText(node).replace(/\s+/g, ' ').trim();
  if (marker && !plain.startsWith(marker)) {
    runs.unshift(textRun(marker, {}, node.position));
    plain = `${marker}${plain}`;
  }
  const level = styleLevel(node);
  const block = { ...inline, block: headingStyle(state.styles, level) };
  if (plain === '') return state.text(runs, block);
  const { id, parentId } = state.addHeading(level, plain);
  const bookmark = { id, outline: true, outlineText: plain, ...(parentId ? { outlineParentId: parentId } : {}) };
  if (node.attached) return attachedHeading(state, node, runs, inline, bookmark);
  return state.text(runs, block, bookmark);
}

/**
 * The label (`附件1`) or title of a document attached to a 公文, in the theme's attachment styles (the
 * title broken into lines as the document's title is), and the attached document on a new page
 * when the theme asks (GB/T 9704 7.3.8). Its bookmark keeps the heading's outline level.
 */
function attachedHeading(
  state: State,
  node: Heading,
  runs: Run[],
  inline: Context,
  bookmark: Parameters<State['text']>[2],
): Content[] {
  const attached = node.attached as NonNullable<Heading['attached']>;
  const title = attached.role === 'title';
  const style = title ? state.styles.attachmentTitle : state.styles.attachmentLabel;
  const lined = title
    ? state.phrasing(withTitleBreaks(node.children, titleLines(state.theme, toText(node))), inline)
    : runs;
  const content = state.text(lined, { ...inline, block: style }, bookmark);
  const first = content[0];
  if (attached.start && state.theme.attachment.newPage && first && typeof first === 'object' && !Array.isArray(first)) {
    content[0] = { ...first, pageBreak: 'before' };
  }
  return content;
}

/**
 * A report item: marker and run-in title in the theme's run-in face (黑 in `report`, 仿宋 bold in
 * `gov`), then the body, in one paragraph. Without a title the marker is set like the body.
 */
export function item(state: State, node: Item, context: Context): Content[] {
  const runIn = { ...context.run, role: state.theme.runIn.font, bold: state.theme.runIn.bold };
  const head: Run[] = node.title
    ? [
        textRun(markerText(node.ordinal), runIn, node.position),
        ...state.phrasing(node.title, { ...context, run: runIn }),
      ]
    : [textRun(markerText(node.ordinal), context.run, node.position)];
  return state.text([...head, ...state.phrasing(node.children, context)], context);
}
