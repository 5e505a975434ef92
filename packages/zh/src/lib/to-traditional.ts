/**
 * A Traditional edition of a document: the same tree with its text converted.
 *
 * Converted: text nodes (block by block, phrases across inline formatting, see `phrasing.ts`),
 * ordinal markers (第一节 → 第一節; an item's is read with its title and body), table captions, image
 * alt text and link and image titles, `meta.title`. Never converted: code and math (block and
 * inline), URLs, footnote identifiers and labels, front matter (data, whose keys and values other
 * tools may match on), page markers. `meta.lang` becomes the edition's language tag. The
 * vocabulary (`twp`) and the source script are decided once for the whole document
 * ({@link decideEdition}).
 *
 * The result is a new tree; the input is never modified. Unconverted leaf data (positions,
 * ordinals' numbers, front matter) is shared with the input rather than copied.
 */
import type {
  BlockContent,
  Document,
  FootnoteDefinition,
  Heading,
  Item,
  ListItem,
  Meta,
  PhrasingContent,
  Table,
} from '@wenshu/parser';
import { toText, visit } from '@wenshu/parser';
import { type ConvertOptions, createConverter, type TextConverter } from './converter.js';
import { convertBlockText } from './phrasing.js';
import type { Variant } from './pipeline.js';
import { type Script, sourceScriptOf } from './script.js';
import { chooseVocabulary, type VocabularyDecision } from './vocabulary.js';

/** Options of {@link toTraditional}: those of `convertText`. */
export type TraditionalOptions = ConvertOptions;

/** What an edition of a document is made with, decided once from the whole document. */
export interface EditionDecision {
  /** The vocabulary of `twp` (decided for the other editions too, where it changes nothing). */
  vocabulary: VocabularyDecision;
  /** The script the document is written in (`sourceScript` when the caller gave one). */
  sourceScript: Script;
}

const CODE_TYPES = new Set(['code', 'inlineCode']);

/**
 * The vocabulary and source script of `doc`'s edition: decided here, once, and shown by the
 * command line (a warning) so that an editor can see and force them.
 */
export function decideEdition(
  doc: Document,
  options: Pick<ConvertOptions, 'vocabulary' | 'sourceScript'> = {},
): EditionDecision {
  let code = 0;
  visit(doc, (node) => {
    if (CODE_TYPES.has(node.type)) code++;
  });
  const text = [doc.meta.title ?? '', toText(doc)].join('\n');
  return {
    vocabulary: chooseVocabulary(text, code, options.vocabulary ?? 'auto'),
    sourceScript: options.sourceScript ?? sourceScriptOf(text, doc.meta.lang),
  };
}

/** The BCP 47 tag of each edition's language. */
export const EDITION_LANG: Readonly<Record<Variant, string>> = { t: 'zh-Hant', tw: 'zh-TW', twp: 'zh-TW', hk: 'zh-HK' };

/** The Traditional edition `options.variant` of `doc`, as a new document. */
export function toTraditional(doc: Document, options: TraditionalOptions): Document {
  // A caller that has decided both (the command line, to show the decision) is not re-decided.
  const decided = options.vocabulary !== undefined && options.vocabulary !== 'auto' && options.sourceScript;
  const decision = decided ? undefined : decideEdition(doc, options);
  const converter = createConverter({
    ...options,
    vocabulary: decision ? decision.vocabulary.vocabulary : options.vocabulary,
    sourceScript: decision ? decision.sourceScript : options.sourceScript,
  });
  return {
    ...doc,
    meta: convertMeta(doc.meta, converter, options.variant),
    children: doc.children.map((block) => convertBlock(block, converter)),
    footnotes: doc.footnotes.map((footnote) => convertFootnote(footnote, converter)),
  };
}

function convertMeta(meta: Meta, converter: TextConverter, variant: Variant): Meta {
  const converted: Meta = { ...meta, lang: EDITION_LANG[variant] };
  if (meta.title !== undefined) converted.title = converter.convert(meta.title);
  return converted;
}

type Handler<T> = (node: T, converter: TextConverter) => T;

/** One handler per block type: a block type without one is a compile error. */
const BLOCK_HANDLERS: { readonly [K in BlockContent['type']]: Handler<Extract<BlockContent, { type: K }>> } = {
  paragraph: (node, converter) => ({ ...node, children: convertPhrasing(node.children, converter) }),
  heading: convertHeading,
  item: convertItem,
  blockquote: (node, converter) => ({
    ...node,
    children: node.children.map((block) => convertBlock(block, converter)),
  }),
  list: (node, converter) => ({ ...node, children: node.children.map((item) => convertListItem(item, converter)) }),
  table: convertTable,
  code: (node) => ({ ...node }),
  math: (node) => ({ ...node }),
  thematicBreak: (node) => ({ ...node }),
  pageBreak: (node) => ({ ...node }),
};

function convertBlock(block: BlockContent, converter: TextConverter): BlockContent {
  return (BLOCK_HANDLERS[block.type] as Handler<BlockContent>)(block, converter);
}

function convertListItem(item: ListItem, converter: TextConverter): ListItem {
  return { ...item, children: item.children.map((block) => convertBlock(block, converter)) };
}

function convertFootnote(footnote: FootnoteDefinition, converter: TextConverter): FootnoteDefinition {
  return { ...footnote, children: footnote.children.map((block) => convertBlock(block, converter)) };
}

function convertPhrasing(nodes: readonly PhrasingContent[], converter: TextConverter): PhrasingContent[] {
  return convertBlockText({ groups: [nodes] }, converter).groups[0] as PhrasingContent[];
}

// A heading's text keeps its ordinal; the copy in `ordinal.marker` converts alike (第一节 → 第一節).
function convertHeading(heading: Heading, converter: TextConverter): Heading {
  const result: Heading = { ...heading, children: convertPhrasing(heading.children, converter) };
  if (heading.ordinal) result.ordinal = { ...heading.ordinal, marker: converter.convert(heading.ordinal.marker) };
  return result;
}

// The marker, the run-in title and the body are one line of text: `第一节约…` reads across them.
function convertItem(item: Item, converter: TextConverter): Item {
  const groups = item.title ? [item.title, item.children] : [item.children];
  const converted = convertBlockText({ lead: item.ordinal.marker, groups }, converter);
  const result: Item = {
    ...item,
    ordinal: { ...item.ordinal, marker: converted.lead as string },
    children: converted.groups[groups.length - 1] as PhrasingContent[],
  };
  if (item.title) result.title = converted.groups[0] as PhrasingContent[];
  return result;
}

// Every cell, and the caption, is text of its own.
function convertTable(table: Table, converter: TextConverter): Table {
  const result: Table = {
    ...table,
    children: table.children.map((row) => ({
      ...row,
      children: row.children.map((cell) => ({ ...cell, children: convertPhrasing(cell.children, converter) })),
    })),
  };
  if (table.caption) result.caption = convertPhrasing(table.caption, converter);
  return result;
}
