/**
 * mdast (from micromark) → wenshu AST. One handler per mdast node type, as in mdast-util-to-hast.
 * References are resolved here (links, images, footnotes), raw HTML is read with parse5
 * (`html.ts`), and nesting deeper than `maxDepth` is flattened to text so that no later stage
 * (including `JSON.stringify`) can run out of stack.
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
  TableCell,
  TableRow,
} from '../ast.js';
import { AST_VERSION } from '../ast.js';
import { blocksFromHtml, phrasingFromHtml, type Segment } from './html.js';
import { mergeTexts } from './phrasing.js';
import { copyPosition, type LineIndex } from './positions.js';
import { isSafeUrl } from './urls.js';
import type { Warning } from './warnings.js';

export interface ConvertOptions {
  lines: LineIndex;
  warn: (warning: Warning) => void;
  maxDepth: number;
}

interface State extends ConvertOptions {
  definitions: Map<string, M.Definition>;
  footnoteDefinitions: Map<string, M.FootnoteDefinition>;
  /** Footnote identifiers in order of first reference. */
  footnoteOrder: string[];
  meta: Meta;
}

type BlockHandler<T> = (node: T, state: State, depth: number) => BlockContent[];
type PhrasingHandler<T> = (node: T, state: State, depth: number) => PhrasingContent[];

function at(node: M.Node): { position?: NonNullable<ReturnType<typeof copyPosition>> } {
  const position = copyPosition(node.position);
  return position ? { position } : {};
}

/* ------------------------------------------------------------------------------------------------
 * Blocks
 * --------------------------------------------------------------------------------------------- */

type MdastBlock = M.RootContent;

const blockHandlers: { [K in MdastBlock['type']]?: BlockHandler<Extract<MdastBlock, { type: K }>> } = {
  paragraph: (node, state, depth) => {
    const children = phrasing(node.children, state, depth + 1);
    return children.length > 0 ? [{ type: 'paragraph', children, ...at(node) }] : [];
  },
  heading: (node, state, depth) => [
    { type: 'heading', depth: node.depth, children: phrasing(node.children, state, depth + 1), ...at(node) },
  ],
  thematicBreak: (node) => [{ type: 'thematicBreak', ...at(node) }],
  blockquote: (node, state, depth) => [
    { type: 'blockquote', children: blocks(node.children, state, depth + 1), ...at(node) },
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
        ...at(item),
      })),
      ...at(node),
    },
  ],
  code: (node) => [{ type: 'code', lang: node.lang ?? null, meta: node.meta ?? null, value: node.value, ...at(node) }],
  math: (node) => [{ type: 'math', value: node.value, ...at(node) }],
  table: (node, state, depth) => [tableFrom(node, state, depth)],
  // Definitions are resolved into the links and footnote references that use them.
  definition: () => [],
  footnoteDefinition: () => [],
  yaml: (node, state) => frontMatter(node, state),
  // `html` is handled by `blocks` as part of a run of siblings; a lone one lands here.
  html: (node, state, depth) =>
    blocksFromHtml(
      [{ kind: 'html', value: node.value, offset: node.position?.start.offset ?? 0 }],
      htmlContext(state, depth),
    ),
};

function blocks(children: MdastBlock[], state: State, depth: number): BlockContent[] {
  if (children.some((child) => child.type === 'html')) {
    // Raw HTML can open in one block and close in another: parse the run of siblings together.
    const segments: Segment[] = [];
    for (const child of children) {
      if (child.type === 'html') {
        segments.push({ kind: 'html', value: child.value, offset: child.position?.start.offset ?? 0 });
      } else {
        for (const node of block(child, state, depth)) segments.push({ kind: 'node', node });
      }
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
  const rows: TableRow[] = node.children.map((row, rowIndex) => {
    if (row.children.length > width && width > 0) {
      // GFM drops the excess cells; OCR'd tables often have them, and they hold text, so we keep them.
      const position = copyPosition(row.position);
      state.warn({
        code: 'table-cells',
        message: `table row has ${row.children.length} cells, the header ${width}: extra cells kept`,
        ...(position ? { position } : {}),
      });
    }
    const cells: TableCell[] = row.children.map((cell, column) => {
      const cellAlign = align[column];
      return {
        type: 'tableCell',
        header: rowIndex === 0,
        rowSpan: 1,
        colSpan: 1,
        ...(cellAlign ? { align: cellAlign } : {}),
        children: phrasing(cell.children, state, depth + 3),
        ...at(cell),
      };
    });
    // Short rows are padded so that every row covers the grid.
    for (let column = cells.length; column < width; column++) {
      const cellAlign = align[column];
      cells.push({
        type: 'tableCell',
        header: rowIndex === 0,
        rowSpan: 1,
        colSpan: 1,
        ...(cellAlign ? { align: cellAlign } : {}),
        children: [],
      });
    }
    return { type: 'tableRow', children: cells, ...at(row) };
  });
  return { type: 'table', align, headerRows: rows.length > 0 ? 1 : 0, children: rows, ...at(node) };
}

function frontMatter(node: M.Yaml, state: State): BlockContent[] {
  try {
    const value: unknown = parseYaml(node.value, { schema: 'core' });
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const json = JSON.parse(JSON.stringify(value)) as { [key: string]: JsonValue };
      state.meta.frontMatter = json;
      if (typeof json.title === 'string') state.meta.title = json.title;
      if (typeof json.lang === 'string') state.meta.lang = json.lang;
      return [];
    }
    throw new Error('front matter is not a mapping');
  } catch (error) {
    // Keep what the author wrote: invalid front matter stays visible as a code block.
    const position = copyPosition(node.position);
    state.warn({
      code: 'front-matter',
      message: `front matter is not valid YAML (${(error as Error).message.split('\n')[0]}): kept as a code block`,
      ...(position ? { position } : {}),
    });
    return [{ type: 'code', lang: 'yaml', meta: null, value: node.value, ...at(node) }];
  }
}

/* ------------------------------------------------------------------------------------------------
 * Phrasing
 * --------------------------------------------------------------------------------------------- */

type MdastPhrasing = M.PhrasingContent;

const phrasingHandlers: { [K in MdastPhrasing['type']]: PhrasingHandler<Extract<MdastPhrasing, { type: K }>> } = {
  text: (node) => [{ type: 'text', value: node.value, ...at(node) }],
  emphasis: (node, state, depth) => [
    { type: 'emphasis', children: phrasing(node.children, state, depth + 1), ...at(node) },
  ],
  strong: (node, state, depth) => [
    { type: 'strong', children: phrasing(node.children, state, depth + 1), ...at(node) },
  ],
  delete: (node, state, depth) => [
    { type: 'delete', children: phrasing(node.children, state, depth + 1), ...at(node) },
  ],
  inlineCode: (node) => [{ type: 'inlineCode', value: node.value, ...at(node) }],
  inlineMath: (node) => [{ type: 'inlineMath', value: node.value, ...at(node) }],
  break: (node) => [{ type: 'break', ...at(node) }],
  link: (node, state, depth) => linkTo(node.url, node.title ?? null, node, state, depth),
  linkReference: (node, state, depth) => {
    const definition = state.definitions.get(node.identifier);
    if (!definition) return phrasing(node.children, state, depth + 1);
    return linkTo(definition.url, definition.title ?? null, node, state, depth);
  },
  image: (node, state) => imageOf(node.url, node.title ?? null, node.alt ?? '', node, state),
  imageReference: (node, state) => {
    const definition = state.definitions.get(node.identifier);
    if (!definition) return [{ type: 'text', value: node.alt ?? '', ...at(node) }];
    return imageOf(definition.url, definition.title ?? null, node.alt ?? '', node, state);
  },
  footnoteReference: (node, state) => {
    if (!state.footnoteDefinitions.has(node.identifier)) {
      return [{ type: 'text', value: `[^${node.label ?? node.identifier}]`, ...at(node) }];
    }
    let index = state.footnoteOrder.indexOf(node.identifier);
    if (index === -1) index = state.footnoteOrder.push(node.identifier) - 1;
    return [{ type: 'footnoteReference', identifier: node.identifier, number: index + 1, ...at(node) }];
  },
  // Raw inline HTML is handled by `phrasing` with its siblings; a lone one lands here.
  html: (node, state, depth) =>
    phrasingFromHtml(
      [{ kind: 'html', value: node.value, offset: node.position?.start.offset ?? 0 }],
      htmlContext(state, depth),
    ),
};

function linkTo(url: string, title: string | null, node: M.Parent, state: State, depth: number): PhrasingContent[] {
  const children = phrasing(node.children as MdastPhrasing[], state, depth + 1);
  if (!isSafeUrl(url, 'link')) {
    const position = copyPosition(node.position);
    state.warn({
      code: 'unsafe-url',
      message: `link to an unsafe URL dropped: ${url.slice(0, 60)}`,
      ...(position ? { position } : {}),
    });
    return children;
  }
  return [{ type: 'link', url, title, children, ...at(node) }];
}

function imageOf(url: string, title: string | null, alt: string, node: M.Node, state: State): PhrasingContent[] {
  if (!isSafeUrl(url, 'image')) {
    const position = copyPosition(node.position);
    state.warn({
      code: 'unsafe-url',
      message: `image with an unsafe URL dropped: ${url.slice(0, 60)}`,
      ...(position ? { position } : {}),
    });
    return alt ? [{ type: 'text', value: alt, ...at(node) }] : [];
  }
  return [{ type: 'image', url, title, alt, ...at(node) }];
}

function phrasing(children: MdastPhrasing[], state: State, depth: number): PhrasingContent[] {
  if (children.some((child) => child.type === 'html')) {
    const segments: Segment[] = [];
    for (const child of children) {
      if (child.type === 'html') {
        segments.push({ kind: 'html', value: child.value, offset: child.position?.start.offset ?? 0 });
      } else if (child.type === 'text') {
        segments.push({ kind: 'text', value: child.value, offset: child.position?.start.offset ?? 0 });
      } else {
        for (const node of phrasingNode(child, state, depth)) segments.push({ kind: 'node', node });
      }
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

function htmlContext(state: State, depth: number) {
  return { lines: state.lines, warn: state.warn, depth, maxDepth: state.maxDepth };
}

/* ------------------------------------------------------------------------------------------------
 * Depth limit
 * --------------------------------------------------------------------------------------------- */

/** Text of an mdast subtree without recursion. */
function mdastText(root: M.Nodes): string {
  const parts: string[] = [];
  const stack: M.Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as M.Nodes;
    if ('value' in node && typeof node.value === 'string' && node.type !== 'html' && node.type !== 'yaml')
      parts.push(node.value);
    else if (node.type === 'break') parts.push('\n');
    if ('children' in node) {
      const children = node.children as M.Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as M.Nodes);
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem') parts.push('\n');
    }
  }
  return parts
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

const PHRASING_PARENTS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);
const TABLE_PARTS = new Set(['tableRow', 'tableCell']);

/**
 * Replaces every subtree that starts deeper than `maxDepth` by its text (a paragraph at block
 * level, a text node inline), walking with an explicit stack: 10,000 nested `>` must not overflow.
 */
function flattenTooDeep(root: M.Root, state: State): void {
  const stack: { node: M.Parent; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: M.Parent; depth: number };
    const children = node.children as M.Nodes[];
    children.forEach((child, index) => {
      if (!('children' in child)) return;
      // Table rows and cells stay where they are: a table is flattened whole or not at all.
      if (depth + 1 < state.maxDepth || TABLE_PARTS.has(child.type)) {
        stack.push({ node: child, depth: depth + 1 });
        return;
      }
      const position = copyPosition(child.position);
      state.warn({
        code: 'too-deep',
        message: `content nested deeper than ${state.maxDepth} levels flattened to text`,
        ...(position ? { position } : {}),
      });
      const text: M.Text = { type: 'text', value: mdastText(child) };
      const paragraph: M.Paragraph = { type: 'paragraph', children: [text] };
      if (PHRASING_PARENTS.has(child.type)) children[index] = text;
      else if (child.type === 'listItem') children[index] = { type: 'listItem', children: [paragraph] };
      else children[index] = paragraph;
    });
  }
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
    if ('children' in node) stack.push(...(node.children as M.Nodes[]));
  }
}

/** Converts a whole mdast tree. */
export function documentFromMdast(root: M.Root, options: ConvertOptions): Document {
  const state: State = {
    ...options,
    definitions: new Map(),
    footnoteDefinitions: new Map(),
    footnoteOrder: [],
    meta: {},
  };
  flattenTooDeep(root, state);
  collectDefinitions(root, state);
  const children = blocks(root.children, state, 0);
  const footnotes: FootnoteDefinition[] = [];
  // Footnotes may reference further footnotes: the order list grows while we walk it.
  for (let index = 0; index < state.footnoteOrder.length; index++) {
    const identifier = state.footnoteOrder[index] as string;
    const definition = state.footnoteDefinitions.get(identifier) as M.FootnoteDefinition;
    footnotes.push({
      type: 'footnoteDefinition',
      identifier,
      label: definition.label ?? identifier,
      number: index + 1,
      children: blocks(definition.children, state, 1),
      ...at(definition),
    });
  }
  for (const [identifier, definition] of state.footnoteDefinitions) {
    if (!state.footnoteOrder.includes(identifier)) {
      const position = copyPosition(definition.position);
      state.warn({
        code: 'footnote-unused',
        message: `footnote [^${definition.label ?? identifier}] is never referenced: dropped`,
        ...(position ? { position } : {}),
      });
    }
  }
  return { type: 'document', version: AST_VERSION, meta: state.meta, children, footnotes, ...at(root) };
}
