/**
 * Container and literal blocks: the document, block quotes, lists, code, breaks
 * and footnote definitions.
 */

import type {
  Blockquote,
  Code,
  Document,
  FootnoteDefinition,
  List,
  ListItem,
  PageBreak as PageBreakNode,
  ThematicBreak,
} from '@wenshu/parser';
import { fitVerbatimSizePt } from '@wenshu/parser';
import { PageBreak, Paragraph, type ParagraphChild, TextRun } from 'docx';
import type { Block, Context, State } from '../state.js';
import { LIST_CONTINUE_ROLES } from '../styles.js';

export function document(state: State, node: Document, context: Context): Block[] {
  return state.blocks(node.children, context);
}

/** A block quote: its paragraphs in the Quote style. */
export function blockquote(state: State, node: Blockquote, context: Context): Block[] {
  return state.blocks(node.children, { ...context, paragraphStyle: state.ids.quote });
}

/** Source lines as runs separated by line breaks, tabs as four spaces; `sizePt` when not the style's. */
function lines(value: string, sizePt?: number): ParagraphChild[] {
  const size = sizePt === undefined ? {} : { size: sizePt * 2, sizeComplexScript: sizePt * 2 };
  const out: ParagraphChild[] = [];
  value.split('\n').forEach((line, index) => {
    if (index > 0) out.push(new TextRun({ break: 1 }));
    if (line !== '') out.push(new TextRun({ text: line.replace(/\t/g, '    '), ...size }));
  });
  return out;
}

/**
 * A column of a monospaced Latin face in Word (Courier New, Consolas: 0.6 em); Han characters, two
 * columns, take 1.2 em by this count where they take 1 em: the estimate leans wide.
 */
const MONO_EM_PER_COLUMN = 0.6;

/** A code block: one Source Code paragraph, lines kept. */
export function code(state: State, node: Code, _context: Context): Block[] {
  // A block wider than the page (a table laid out with spaces) is set smaller to keep its columns, as the PDF does.
  const styleSizePt = state.theme.code.sizePt;
  const sizePt = fitVerbatimSizePt(node.value, state.textWidthTwips / 20, styleSizePt, MONO_EM_PER_COLUMN);
  return [
    new Paragraph({
      style: state.ids.sourceCode,
      children: lines(node.value, sizePt === styleSizePt ? undefined : sizePt),
    }),
  ];
}

export function thematicBreak(state: State, _node: ThematicBreak, _context: Context): Block[] {
  return [new Paragraph({ style: state.ids.thematicBreak })];
}

/** A page break, as Word writes Ctrl+Enter: a paragraph holding the break. */
export function pageBreak(_state: State, _node: PageBreakNode, context: Context): Block[] {
  if (context.inNote) return [];
  return [new Paragraph({ children: [new PageBreak()] })];
}

/** A list: each item at the list's level, numbered by a numbering instance of its own. */
export function list(state: State, node: List, context: Context): Block[] {
  const ref = state.numbering.list(node.ordered, node.start);
  const level = Math.min(context.listDepth, 8);
  const out: Block[] = [];
  for (const child of node.children) {
    out.push(...state.one(child, { ...context, list: { ref, level } }));
  }
  return out;
}

/**
 * A list item: its first paragraph carries the number (and ☐/☑ for a task item); the blocks after
 * it are List Continue paragraphs at the item's indent; nested lists go one level deeper.
 */
export function listItem(state: State, node: ListItem, context: Context): Block[] {
  const list = context.list;
  const level = list?.level ?? 0;
  const inner: Context = {
    ...context,
    listDepth: level + 1,
    paragraphStyle: state.ids[LIST_CONTINUE_ROLES[Math.min(level, LIST_CONTINUE_ROLES.length - 1)] ?? 'listContinue1'],
  };
  delete inner.list;
  const out: Block[] = [];
  const [first, ...rest] = node.children;
  if (list) {
    const numbered: Context = { ...context, list: { ...list, checked: node.checked } };
    if (first?.type === 'paragraph') out.push(...state.one(first, numbered));
    else {
      out.push(...state.one({ type: 'paragraph', children: [] }, numbered));
      if (first) out.push(...state.one(first, inner));
    }
  } else if (first) out.push(...state.one(first, inner));
  for (const child of rest) out.push(...state.one(child, inner));
  return out;
}

/** A footnote's content, in the footnote text style (Word notes hold paragraphs only). */
export function footnoteDefinition(state: State, node: FootnoteDefinition, context: Context): Block[] {
  return state.blocks(node.children, { ...context, paragraphStyle: state.ids.footnoteText, inNote: true });
}
