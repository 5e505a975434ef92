/**
 * Pass `title`: the document's title is front matter `title` (the parser has set it), else a single
 * leading level-1 heading (`# 市直部门(单位)2023年度重点工作开展情况`). The heading stays in the tree,
 * where the exporters set it as the title; `meta.title` is what document properties and the outline use.
 */
import type { Document } from '../ast.js';
import { trimLayout } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { titleHeading } from './ordinals.js';
import { phrasingText } from './phrasing.js';

export function titlePass(document: Document): { document: Document; fixes: Fix[] } {
  if (document.meta.title !== undefined) return { document, fixes: [] };
  const heading = titleHeading(document);
  if (!heading) return { document, fixes: [] };
  const title = trimLayout(phrasingText(heading.children));
  if (title === '') return { document, fixes: [] };
  return {
    document: { ...document, meta: { ...document.meta, title } },
    fixes: [{ kind: 'title', line: startLine(heading), before: '', after: title }],
  };
}
