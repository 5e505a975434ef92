/**
 * Paragraphs, headings and report items: the blocks that are one run of text.
 */
import { type Heading, headingLevel, type Item, type Paragraph, toText } from '@wenshu/parser';
import type { Content } from '../pdf/definition.js';
import type { Context, State } from '../state.js';
import { headingStyle } from '../styles.js';
import { type Run, textRun } from '../text/runs.js';

export function paragraph(state: State, node: Paragraph, context: Context): Content[] {
  return state.text(state.phrasing(node.children, context), context);
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
  const runs: Run[] = state.phrasing(node.children, inline);
  if (node === state.titleHeading) return state.text(runs, { ...inline, block: state.styles.title });
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
  return state.text(runs, block, {
    id,
    outline: true,
    outlineText: plain,
    ...(parentId ? { outlineParentId: parentId } : {}),
  });
}

/**
 * A report item: marker and run-in title in the theme's run-in face (黑 in `report`, 仿宋 bold in
 * `gov`), then the body, in one paragraph. Without a title the marker is set like the body.
 */
export function item(state: State, node: Item, context: Context): Content[] {
  const runIn = { ...context.run, role: state.theme.runIn.font, bold: state.theme.runIn.bold };
  const head: Run[] = node.title
    ? [textRun(node.ordinal.marker, runIn, node.position), ...state.phrasing(node.title, { ...context, run: runIn })]
    : [textRun(node.ordinal.marker, context.run, node.position)];
  return state.text([...head, ...state.phrasing(node.children, context)], context);
}
