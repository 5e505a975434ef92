/**
 * mdast (from micromark) → wenshu AST. One handler per mdast node type, as in mdast-util-to-hast.
 * References are resolved here (links, images, footnotes) and raw HTML is read with parse5
 * (`html.ts`). The tree arrives no deeper than `maxDepth` (`flattenTooDeep` ran first).
 */
import type * as M from 'mdast';
import type {} from 'mdast-util-frontmatter';
import type {} from 'mdast-util-gfm';
import type {} from 'mdast-util-math';
import { parse as parseYaml } from 'yaml';
import type {
  AlignType,
  BlockContent,
  Document,
  FootnoteDefinition,
  JsonValue,
  Meta,
  PhrasingContent,
  Position,
  TableCell,
  TableRow,
} from '../ast.js';
import { AST_VERSION } from '../ast.js';
import { blocksFromHtml, type HtmlContext, phrasingFromHtml } from './html.js';
import type { Segment } from './html-segments.js';
import { mergeTexts } from './phrasing.js';
import type { LineIndex } from './positions.js';
import { isSafeUrl, linkRefusal, linkRefusalMessage } from './urls.js';
import type { Warning } from './warnings.js';

export interface ConvertOptions {
  lines: LineIndex;
  warn: (warning: Warning) => void;
  maxDepth: number;
}

interface State extends ConvertOptions {
  definitions: Map<string, M.Definition>;
  footnoteDefinitions: Map<string, M.FootnoteDefinition>;
  /** Footnote identifiers in order of first reference; `footnoteNumbers` maps them to 1, 2, … */
  footnoteOrder: string[];
  footnoteNumbers: Map<string, number>;
  meta: Meta;
}

type BlockHandler<T> = (node: T, state: State, depth: number) => BlockContent[];
type PhrasingHandler<T> = (node: T, state: State, depth: number) => PhrasingContent[];

/** The node's position as a spread (`...at(node, state)`), or nothing when it has none. */
function at(node: M.Node, state: State): { position?: Position } {
  const position = state.lines.fromUnist(node.position);
  return position ? { position } : {};
}

function warn(state: State, code: Warning['code'], message: string, node: M.Node): void {
  state.warn({ code, message, ...at(node, state) });
}

/* ------------------------------------------------------------------------------------------------
 * Blocks
 * --------------------------------------------------------------------------------------------- */

type MdastBlock = M.RootContent;

const PAGE_BREAK = /^\s*\\(?:newpage|pagebreak)\s*$/;

const blockHandlers: { [K in MdastBlock['type']]?: BlockHandler<Extract<MdastBlock, { type: K }>> } = {
  paragraph: (node, state, depth) => {
    // Markdown has no page break; a paragraph that is only `\newpage` or `\pagebreak` is pandoc's.
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (only?.type === 'text' && PAGE_BREAK.test(only.value)) return [{ type: 'pageBreak', ...at(node, state) }];
    const children = phrasing(node.children, state, depth + 1);
    return children.length > 0 ? [{ type: 'paragraph', children, ...at(node, state) }] : [];
  },
  heading: (node, state, depth) => [
    { type: 'heading', depth: node.depth, children: phrasing(node.children, state, depth + 1), ...at(node, state) },
  ],
  thematicBreak: (node, state) => [{ type: 'thematicBreak', ...at(node, state) }],
  blockquote: (node, state, depth) => [
    { type: 'blockquote', children: blocks(node.children, state, depth + 1), ...at(node, state) },
  ],
  list: (node, state, depth) => [
    {
      type: 'list',
      ordered: node.ordered === true,
      start: node.ordered ? (node.start ?? 1) : null,
      spread: node.spread === true,
      children: node.children.map((item) => ({
        type: 'listItem' as const,
        checked: item.checked ?? null,
        spread: item.spread === true,
        children: blocks(item.children, state, depth + 2),
        ...at(item, state),
      })),
      ...at(node, state),
    },
  ],
  code: (node, state) => [
    { type: 'code', lang: node.lang ?? null, meta: node.meta ?? null, value: node.value, ...at(node, state) },
  ],
  math: (node, state) => [{ type: 'math', value: node.value, ...at(node, state) }],
  table: (node, state, depth) => [tableFrom(node, state, depth)],
  // Definitions are resolved into the links and footnote references that use them.
  definition: () => [],
  footnoteDefinition: () => [],
  yaml: (node, state) => frontMatter(node, state),
  // `html` is handled by `blocks` as part of a run of siblings; a lone one lands here.
  html: (node, state, depth) => blocksFromHtml([htmlSegment(node)], htmlContext(state, depth)),
};

function htmlSegment(node: M.Html): Segment {
  return { kind: 'html', value: node.value, ...offsets(node) };
}

function offsets(node: M.Node): { start: number; end: number } {
  return { start: node.position?.start.offset ?? -1, end: node.position?.end.offset ?? -1 };
}

function blocks(children: MdastBlock[], state: State, depth: number): BlockContent[] {
  if (children.some((child) => child.type === 'html')) {
    // Raw HTML can open in one block and close in another: parse the run of siblings together.
    const segments: Segment[] = [];
    for (const child of children) {
      if (child.type === 'html') segments.push(htmlSegment(child));
      else for (const node of block(child, state, depth)) segments.push({ kind: 'node', node });
    }
    return blocksFromHtml(segments, htmlContext(state, depth));
  }
  const out: BlockContent[] = [];
  for (const child of children) out.push(...block(child, state, depth));
  return out;
}

function block(node: MdastBlock, state: State, depth: number): BlockContent[] {
  const handler = blockHandlers[node.type] as BlockHandler<MdastBlock> | undefined;
  if (!handler) {
    // A phrasing node at block level cannot come from micromark; keep its text if it ever does.
    return [{ type: 'paragraph', children: phrasing([node as M.PhrasingContent], state, depth + 1) }];
  }
  return handler(node, state, depth);
}

function tableFrom(node: M.Table, state: State, depth: number): BlockContent {
  const align: AlignType[] = (node.align ?? []).map((value) => value ?? null);
  const width = node.children[0]?.children.length ?? 0;
  const cell = (rowIndex: number, column: number, children: PhrasingContent[]): TableCell => {
    const cellAlign = align[column];
    return {
      type: 'tableCell',
      header: rowIndex === 0,
      rowSpan: 1,
      colSpan: 1,
      ...(cellAlign ? { align: cellAlign } : {}),
      children,
    };
  };
  const rows: TableRow[] = node.children.map((row, rowIndex) => {
    if (row.children.length > width && width > 0) {
      // GFM drops the excess cells; OCR'd tables often have them, and they hold text, so we keep them.
      warn(
        state,
        'table-cells',
        `table row has ${row.children.length} cells, the header ${width}: extra cells kept`,
        row,
      );
    }
    const cells = row.children.map((source, column) => ({
      ...cell(rowIndex, column, phrasing(source.children, state, depth + 3)),
      ...at(source, state),
    }));
    // Short rows are padded so that every row covers the grid.
    for (let column = cells.length; column < width; column++) cells.push(cell(rowIndex, column, []));
    return { type: 'tableRow', children: cells, ...at(row, state) };
  });
  return { type: 'table', align, headerRows: rows.length > 0 ? 1 : 0, children: rows, ...at(node, state) };
}

function frontMatter(node: M.Yaml, state: State): BlockContent[] {
  try {
    const value: unknown = parseYaml(node.value, { schema: 'core' });
    // `---\n---` is empty front matter, not an error.
    if (value === null || value === undefined) return [];
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error('front matter is not a mapping');
    const json = JSON.parse(JSON.stringify(value)) as { [key: string]: JsonValue };
    state.meta.frontMatter = json;
    if (typeof json.title === 'string') state.meta.title = json.title;
    if (typeof json.lang === 'string') state.meta.lang = json.lang;
    return [];
  } catch (error) {
    // Keep what the author wrote: invalid front matter stays visible as a code block.
    const reason = (error as Error).message.split('\n')[0];
    warn(state, 'front-matter', `front matter is not valid YAML (${reason}): kept as a code block`, node);
    return [{ type: 'code', lang: 'yaml', meta: null, value: node.value, ...at(node, state) }];
  }
}

/* ------------------------------------------------------------------------------------------------
 * Phrasing
 * --------------------------------------------------------------------------------------------- */

type MdastPhrasing = M.PhrasingContent;

const phrasingHandlers: { [K in MdastPhrasing['type']]: PhrasingHandler<Extract<MdastPhrasing, { type: K }>> } = {
  text: (node, state) => [{ type: 'text', value: node.value, ...at(node, state) }],
  emphasis: (node, state, depth) => [
    { type: 'emphasis', children: phrasing(node.children, state, depth + 1), ...at(node, state) },
  ],
  strong: (node, state, depth) => [
    { type: 'strong', children: phrasing(node.children, state, depth + 1), ...at(node, state) },
  ],
  delete: (node, state, depth) => [
    { type: 'delete', children: phrasing(node.children, state, depth + 1), ...at(node, state) },
  ],
  inlineCode: (node, state) => [{ type: 'inlineCode', value: node.value, ...at(node, state) }],
  inlineMath: (node, state) => [{ type: 'inlineMath', value: node.value, ...at(node, state) }],
  break: (node, state) => [{ type: 'break', ...at(node, state) }],
  link: (node, state, depth) => linkTo(node.url, node.title ?? null, node, state, depth),
  linkReference: (node, state, depth) => {
    const definition = state.definitions.get(node.identifier);
    if (!definition) return phrasing(node.children, state, depth + 1);
    return linkTo(definition.url, definition.title ?? null, node, state, depth);
  },
  image: (node, state) => imageOf(node.url, node.title ?? null, node.alt ?? '', node, state),
  imageReference: (node, state) => {
    const definition = state.definitions.get(node.identifier);
    if (!definition) return [{ type: 'text', value: node.alt ?? '', ...at(node, state) }];
    return imageOf(definition.url, definition.title ?? null, node.alt ?? '', node, state);
  },
  footnoteReference: (node, state) => {
    if (!state.footnoteDefinitions.has(node.identifier)) {
      return [{ type: 'text', value: `[^${node.label ?? node.identifier}]`, ...at(node, state) }];
    }
    let number = state.footnoteNumbers.get(node.identifier);
    if (number === undefined) {
      number = state.footnoteOrder.push(node.identifier);
      state.footnoteNumbers.set(node.identifier, number);
    }
    return [{ type: 'footnoteReference', identifier: node.identifier, number, ...at(node, state) }];
  },
  // Raw inline HTML is handled by `phrasing` with its siblings; a lone one lands here.
  html: (node, state, depth) => phrasingFromHtml([htmlSegment(node)], htmlContext(state, depth)),
};

function linkTo(url: string, title: string | null, node: M.Parent, state: State, depth: number): PhrasingContent[] {
  const children = phrasing(node.children as MdastPhrasing[], state, depth + 1);
  const refusal = linkRefusal(url);
  if (refusal !== undefined) {
    warn(state, 'unsafe-url', linkRefusalMessage(url, refusal), node);
    return children;
  }
  return [{ type: 'link', url, title, children, ...at(node, state) }];
}

function imageOf(url: string, title: string | null, alt: string, node: M.Node, state: State): PhrasingContent[] {
  if (!isSafeUrl(url, 'image')) {
    warn(state, 'unsafe-url', `image with an unsafe URL dropped: ${url.slice(0, 60)}`, node);
    return alt ? [{ type: 'text', value: alt, ...at(node, state) }] : [];
  }
  return [{ type: 'image', url, title, alt, ...at(node, state) }];
}

function phrasing(children: MdastPhrasing[], state: State, depth: number): PhrasingContent[] {
  if (children.some((child) => child.type === 'html')) {
    const segments: Segment[] = [];
    for (const child of children) {
      if (child.type === 'html') segments.push(htmlSegment(child));
      else if (child.type === 'text') segments.push({ kind: 'text', value: child.value, ...offsets(child) });
      else for (const node of phrasingNode(child, state, depth)) segments.push({ kind: 'node', node });
    }
    return phrasingFromHtml(segments, htmlContext(state, depth));
  }
  const out: PhrasingContent[] = [];
  for (const child of children) out.push(...phrasingNode(child, state, depth));
  return mergeTexts(out);
}

function phrasingNode(node: MdastPhrasing, state: State, depth: number): PhrasingContent[] {
  const handler = phrasingHandlers[node.type] as PhrasingHandler<MdastPhrasing>;
  return handler(node, state, depth);
}

function htmlContext(state: State, depth: number): HtmlContext {
  return { lines: state.lines, warn: state.warn, depth, maxDepth: state.maxDepth };
}

/* ------------------------------------------------------------------------------------------------
 * Root
 * --------------------------------------------------------------------------------------------- */

function collectDefinitions(root: M.Root, state: State): void {
  const stack: M.Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as M.Nodes;
    if (node.type === 'definition') {
      // The first definition of a label wins (CommonMark 4.7).
      if (!state.definitions.has(node.identifier)) state.definitions.set(node.identifier, node);
    } else if (node.type === 'footnoteDefinition') {
      if (!state.footnoteDefinitions.has(node.identifier)) state.footnoteDefinitions.set(node.identifier, node);
    }
    if ('children' in node) {
      // In reverse, so that the first definition in document order is met first.
      const children = node.children as M.Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as M.Nodes);
    }
  }
}

/** Converts a whole mdast tree. */
export function documentFromMdast(root: M.Root, options: ConvertOptions): Document {
  const state: State = {
    ...options,
    definitions: new Map(),
    footnoteDefinitions: new Map(),
    footnoteOrder: [],
    footnoteNumbers: new Map(),
    meta: {},
  };
  collectDefinitions(root, state);
  const children = blocks(root.children, state, 0);
  const footnotes: FootnoteDefinition[] = [];
  // Footnotes may reference further footnotes: the order list grows while we walk it, and a
  // reference to a footnote already numbered (a cycle) adds nothing, so the walk ends.
  for (let index = 0; index < state.footnoteOrder.length; index++) {
    const identifier = state.footnoteOrder[index] as string;
    const definition = state.footnoteDefinitions.get(identifier) as M.FootnoteDefinition;
    footnotes.push({
      type: 'footnoteDefinition',
      identifier,
      label: definition.label ?? identifier,
      number: index + 1,
      children: blocks(definition.children, state, 1),
      ...at(definition, state),
    });
  }
  for (const [identifier, definition] of state.footnoteDefinitions) {
    if (!state.footnoteNumbers.has(identifier)) {
      const label = definition.label ?? identifier;
      warn(state, 'footnote-unused', `footnote [^${label}] is never referenced: dropped`, definition);
    }
  }
  return { type: 'document', version: AST_VERSION, meta: state.meta, children, footnotes, ...at(root, state) };
}
