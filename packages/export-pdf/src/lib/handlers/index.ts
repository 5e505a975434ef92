/**
 * The handler table: one renderer per node type. `Handlers` is a mapped type over every node
 * type, so a node type without a handler does not compile.
 */
import type { Handlers } from '../state.js';
import { blockquote, code, document, footnoteDefinition, list, listItem, pageBreak, thematicBreak } from './blocks.js';
import { inlineMath, math } from './math.js';
import {
  deleteHandler,
  emphasis,
  footnoteReference,
  image,
  inlineCode,
  lineBreak,
  link,
  mark,
  strong,
  subscript,
  superscript,
  text,
  underline,
} from './phrasing.js';
import { table, tableCell, tableRow } from './table.js';
import { heading, item, paragraph } from './text-blocks.js';

export const handlers: Handlers = {
  document,
  paragraph,
  heading,
  item,
  blockquote,
  list,
  listItem,
  code,
  math,
  thematicBreak,
  pageBreak,
  table,
  tableRow,
  tableCell,
  footnoteDefinition,
  text,
  emphasis,
  strong,
  delete: deleteHandler,
  underline,
  mark,
  subscript,
  superscript,
  inlineCode,
  inlineMath,
  link,
  image,
  break: lineBreak,
  footnoteReference,
};
