/**
 * Pass `title`: the document's title is front matter `title` (the parser has set it), else the
 * heading that reads as the title (`# 市直部门(单位)2023年度重点工作开展情况`). The heading stays in
 * the tree, where the exporters set it as the title; `meta.title` is what document properties and
 * the outline use.
 */
import type { Document, Heading } from '../ast.js';
import { titleText } from '../lib/document.js';
import { characterCount, SENTENCE_END, trimLayout } from './characters.js';
import { type Fix, startLine } from './fix.js';
import { matchOrdinal } from './ordinal-marker.js';
import { phrasingText } from './phrasing.js';

/** The names of a document's parts, which head a section, never the document (`摘要`, `附则`). */
const SECTION_NAME =
  /^(?:摘要|前言|引言|序言|导言|背景|概述|目录|总则|附则|附录|附件\d*|结语|结束语|参考文献|致谢|abstract|introduction|references|摘要|前言|總則|附則|附錄|結語|參考文獻)[：:]?$/i;

/** What a document's title ends with: the kind of document it is (公文 titles end in their 文种). */
/** Ends the first line of a title set on two lines: the line stops inside a phrase (`国务院关于…`). */
export const TITLE_BREAKS_AFTER = /(?:关于|的|和|与|及|暨|对|在|于|、|關於|與|對)$/;

/** Whether a title set on two lines goes on from `first` to `second`: it stops inside a phrase, or the second names the kind of document. */
export function titleGoesOn(first: string, second: string): boolean {
  return TITLE_BREAKS_AFTER.test(first) || DOCUMENT_KIND.test(second);
}

export const DOCUMENT_KIND =
  /(?:报告|通知|通报|决定|意见|方案|规划|纲要|规定|办法|条例|细则|法典|法|宪法|决议|公告|通告|批复|复函|函|纪要|总结|计划|要点|研究|分析|综述|调查|讲话|白皮书|令|報告|通報|決定|規劃|綱要|規定|辦法|條例|細則|憲法|決議|批覆|複函|紀要|總結|計畫|計劃|研究|分析|調查|講話)$/;

/** Short lines a generator or a database puts above a title (`日期: 2025-09-11`, a column name). */
const MAX_LINES_ABOVE = 4;
const MAX_LINE_ABOVE = 80;

/** A labelled line (`来源: https://…`, `**版本**: 现行有效`) is metadata above a title, however long. */
const LABELLED = /^[^\s：:]{1,8}[：:]/;

/** A column label above the real title (`# 转型与发展` then `# 中国经济转型的路径分析`) is this short. */
const MAX_COLUMN_LABEL = 6;

function textOf(heading: Heading): string {
  return trimLayout(phrasingText(heading.children)).replace(/^\\?\*+/, '');
}

function couldBeTitle(heading: Heading): boolean {
  const text = textOf(heading);
  return text !== '' && !SECTION_NAME.test(text.replace(/\s/g, '')) && !matchOrdinal(text, { context: 'heading' });
}

/**
 * The heading that is the document's title, or `null`: the first of the shallowest headings, when
 * - nothing but a few short lines and smaller headings comes before it, or one note of prose;
 * - it has no ordinal and is not a section name (`摘要`, `附则`);
 * - when other headings share its depth (OCR writes every heading `#`; a code may write
 *   `# 中华人民共和国民法典` over `# 合同编`), something says that it stands above them: some of them
 *   are numbered and it is not, its text names a kind of document (`…的通知`, `…法典`), or the
 *   next of them is a section name.
 * A short label right above another such heading (a journal's column name) gives way to it.
 */
export function titleHeading(document: Document): Heading | null {
  const blocks = document.children;
  const headings = blocks.filter((block): block is Heading => block.type === 'heading');
  // The first of the shallowest headings: a label set smaller may stand above the title.
  // A loop, not Math.min(...): a document may have a hundred thousand headings.
  let shallowest = Number.POSITIVE_INFINITY;
  for (const heading of headings) shallowest = Math.min(shallowest, heading.depth);
  const index = blocks.findIndex((block) => block.type === 'heading' && block.depth === shallowest);
  if (index === -1 || index > MAX_LINES_ABOVE) return null;
  // A note of a sentence or two may stand above (a column's sponsor, a chat tool's `好的，以下是…`),
  // when it is the only block there and the heading shows otherwise that it is the title.
  let proseAbove = false;
  for (const block of blocks.slice(0, index)) {
    if (block.type === 'thematicBreak' || block.type === 'heading') continue;
    if (block.type !== 'paragraph') return null;
    const line = trimLayout(phrasingText(block.children));
    if (SENTENCE_END.has(line.slice(-1)) || (characterCount(line) > MAX_LINE_ABOVE && !LABELLED.test(line))) {
      if (index !== 1) return null;
      proseAbove = true;
    }
  }
  let first = blocks[index] as Heading;
  if (!couldBeTitle(first)) return null;
  const next = blocks[index + 1];
  if (
    next?.type === 'heading' &&
    next.depth === first.depth &&
    couldBeTitle(next) &&
    characterCount(textOf(first)) <= MAX_COLUMN_LABEL &&
    characterCount(textOf(next)) > MAX_COLUMN_LABEL
  ) {
    first = next;
  }
  const title = first;
  const peers = headings.filter((heading) => heading !== title && heading.depth === title.depth);
  const text = textOf(title).replace(/[。.\s]+$/, '');
  if (peers.length === 0) return !proseAbove || DOCUMENT_KIND.test(text) ? title : null;
  const numbered = peers.some((heading) => matchOrdinal(textOf(heading), { context: 'heading' }) !== null);
  const after = peers.find((heading) => headings.indexOf(heading) > headings.indexOf(title));
  const nextIsSectionName = after !== undefined && SECTION_NAME.test(textOf(after).replace(/\s/g, ''));
  return numbered || DOCUMENT_KIND.test(text) || nextIsSectionName ? title : null;
}

export function titlePass(document: Document): { document: Document; fixes: Fix[] } {
  if (document.meta.title !== undefined) return { document, fixes: [] };
  const heading = titleHeading(document);
  if (!heading) return { document, fixes: [] };
  const title = trimLayout(titleText(heading));
  if (title === '') return { document, fixes: [] };
  return {
    document: { ...document, meta: { ...document.meta, title } },
    fixes: [{ kind: 'title', line: startLine(heading), before: '', after: title }],
  };
}
