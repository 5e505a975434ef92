/**
 * Container and special blocks: the document, block quotes, lists, code and math, rules, page
 * breaks, and the notes (footnotes are set as endnotes, see `to-pdf.ts`).
 */
import type {
  Blockquote,
  Code,
  Document,
  FootnoteDefinition,
  List,
  ListItem,
  PageBreak,
  ThematicBreak,
} from '@wenshu/parser';
import { fitVerbatimSizePt } from '@wenshu/parser';
import { pitchOf } from '../page.js';
import type { Content } from '../pdf/definition.js';
import type { Context, State } from '../state.js';
import { type Run, textRun } from '../text/runs.js';
import { extents } from '../text/set.js';

export function document(state: State, node: Document, context: Context): Content[] {
  return state.blocks(node.children, context);
}

/** Quotes: the theme's quote style (楷), indented two characters of the body. */
/**
 * The narrowest a nested block is set: deeper quotes and lists stop indenting (the parser allows 64
 * levels; at two characters a level the text would run out of width long before).
 */
function narrowest(state: State): number {
  return 8 * state.styles.body.sizePt;
}

export function blockquote(state: State, node: Blockquote, context: Context): Content[] {
  const step = 2 * state.styles.body.sizePt;
  const indent = context.width - step >= narrowest(state) ? step : 0;
  const quote = state.styles.quote;
  const inner: Context = {
    ...context,
    width: context.width - indent,
    block: context.listDepth > 0 ? { ...quote, indentPt: 0 } : quote,
  };
  return [{ stack: state.blocks(node.children, inner), margin: [indent, 0, 0, 0] }];
}

const BULLETS = ['•', '◦', '▪'];

function marker(node: List, index: number, depth: number, checked: boolean | null): string {
  const box = checked === true ? '☑' : checked === false ? '☐' : '';
  const number = node.ordered ? `${(node.start ?? 1) + index}.` : (BULLETS[depth % BULLETS.length] as string);
  return box ? `${number} ${box}` : number;
}

/**
 * A list: each item a row of two columns, its marker and its blocks. The marker column is two
 * characters wide, or wider for long numbers, so that the text of all items lines up.
 */
export function list(state: State, node: List, context: Context): Content[] {
  const style = { ...context.block, indentPt: 0 };
  const markers = node.children.map((item, i) => marker(node, i, context.listDepth, item.checked));
  let widest = 0;
  for (const text of markers) {
    const shaped = state.shaper.shape([textRun(text, {})], { role: style.role, bold: false, sizePt: style.sizePt });
    widest = Math.max(widest, extents(shaped, 0).max);
  }
  const markerWidth = Math.max(2 * style.sizePt, widest + style.sizePt / 2);
  const markerStyle = { ...style, indentPt: 0, align: 'left' as const, beforePt: 0, afterPt: 0, spacingPt: 0 };
  const gap = node.spread ? style.pitchPt / 3 : 0;
  // Too deep to indent again: each marker on a line of its own above its item. (Columns nested
  // more than ten deep also overflow pdfmake's page-change listeners, PageElementWriter.)
  const flat = context.listDepth >= 8 || context.width - markerWidth < narrowest(state);
  const contentWidth = flat ? context.width : context.width - markerWidth;
  return node.children.map((item, i): Content => {
    const inner: Context = { ...context, width: contentWidth, block: style, listDepth: context.listDepth + 1 };
    const content = state.one(item, inner);
    const label = state.text([textRun(markers[i] as string, {}, item.position)], {
      ...context,
      width: flat ? context.width : markerWidth,
      block: markerStyle,
    });
    const margin: [number, number, number, number] = [0, 0, 0, i < node.children.length - 1 ? gap : 0];
    if (flat) return { stack: [...label, ...content], margin };
    return {
      columns: [
        { width: markerWidth, stack: label },
        { width: contentWidth, stack: content.length > 0 ? content : [{ text: '' }] },
      ],
      columnGap: 0,
      margin,
    };
  });
}

export function listItem(state: State, node: ListItem, context: Context): Content[] {
  return state.blocks(node.children, context);
}

/** Lines of verbatim text (code, TeX) as runs with hard breaks; tabs to the next multiple of four. */
export function verbatimRuns(value: string, position: Code['position']): Run[] {
  const lines = value.replace(/\n$/, '').split('\n');
  const runs: Run[] = [];
  lines.forEach((line, i) => {
    if (i > 0) runs.push({ kind: 'break' });
    let expanded = '';
    for (const char of line) expanded += char === '\t' ? ' '.repeat(4 - (expanded.length % 4)) : char;
    if (expanded !== '') runs.push(textRun(expanded, { role: 'mono', verbatim: true }, position));
  });
  return runs;
}

const CODE_PADDING = 4;

/** A column of the monospaced CJK faces (Noto Sans Mono CJK): half an em, a Han character two. */
const MONO_EM_PER_COLUMN = 0.5;

/**
 * A code block: the code face on a light grey ground, spaces kept; a block wider than the page (a
 * table laid out with spaces) set smaller to keep its columns, down to a floor; longer lines wrap.
 */
export function code(state: State, node: Code, context: Context): Content[] {
  const width = context.width - 2 * CODE_PADDING;
  const style = state.styles.code;
  const sizePt = fitVerbatimSizePt(node.value, width, style.sizePt, MONO_EM_PER_COLUMN);
  const block = sizePt === style.sizePt ? style : { ...style, sizePt, pitchPt: pitchOf(sizePt, { multiple: 1 }) };
  const inner: Context = { ...context, width, block, run: {} };
  const content = state.text(verbatimRuns(node.value, node.position), inner, {}, true);
  return [
    {
      table: { widths: [width], body: [[{ stack: content, fillColor: '#f4f4f4' }]] },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: () => CODE_PADDING,
        paddingRight: () => CODE_PADDING,
        paddingTop: () => CODE_PADDING,
        paddingBottom: () => CODE_PADDING,
      },
      margin: [0, 3, 0, 3],
    },
  ];
}

export function thematicBreak(state: State, _node: ThematicBreak, context: Context): Content[] {
  const space = state.styles.body.pitchPt / 2;
  return [
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: context.width, y2: 0, lineWidth: 0.5, lineColor: '#888888' }],
      margin: [0, space, 0, space],
    },
  ];
}

export function pageBreak(_state: State, _node: PageBreak, _context: Context): Content[] {
  return [{ stack: [], pageBreak: 'before' }];
}

/** A note at the end: `[n]` and its blocks in the note style, the target of its references. */
export function footnoteDefinition(state: State, node: FootnoteDefinition, context: Context): Content[] {
  const inner: Context = { ...context, block: state.styles.note, run: {} };
  const label = textRun(`[${node.number}] `, {}, node.position);
  const [first, ...rest] = node.children;
  const blocks =
    first?.type === 'paragraph'
      ? [...state.text([label, ...state.phrasing(first.children, inner)], inner), ...state.blocks(rest, inner)]
      : [...state.text([label], inner), ...state.blocks(node.children, inner)];
  const id = state.footnoteTarget(node);
  return [id ? { stack: blocks, id } : { stack: blocks }];
}
