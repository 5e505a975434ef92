/**
 * The block styles of a render, from the theme, in points: one per kind of paragraph. The same
 * theme fields drive the DOCX styles (`Normal`, `Title`, `heading 1`…, `Quote`, `Table Text`,
 * `footnote text`), so the two outputs look alike.
 */
import type { HeadingLevel, Theme } from '@wenshu/theme';
import { type BlockStyle, blockStyle, pitchOf } from './page.js';

export interface Styles {
  body: BlockStyle;
  title: BlockStyle;
  headings: Record<HeadingLevel, BlockStyle>;
  quote: BlockStyle;
  /** Paragraphs of list items: the body without its first-line indent. */
  list: BlockStyle;
  code: BlockStyle;
  table: BlockStyle;
  caption: BlockStyle;
  /** The label (`附件1`) and the title of a document attached to a 公文. */
  attachmentLabel: BlockStyle;
  attachmentTitle: BlockStyle;
  note: BlockStyle;
  pageNumber: BlockStyle;
  /** Entries of the table of contents. */
  toc: BlockStyle;
}

/** Single spacing: the theme's 1.2 em line. */
const SINGLE = { multiple: 1 } as const;

export function buildStyles(theme: Theme): Styles {
  const body = blockStyle(theme, theme.body);
  const plain = (role: BlockStyle['role'], sizePt: number, pitchPt: number): BlockStyle => ({
    role,
    sizePt,
    bold: false,
    align: 'left',
    indentPt: 0,
    beforePt: 0,
    afterPt: 0,
    pitchPt,
    spacingPt: 0,
  });
  return {
    body,
    title: blockStyle(theme, theme.title),
    headings: {
      '1': blockStyle(theme, theme.headings['1']),
      '2': blockStyle(theme, theme.headings['2']),
      '3': blockStyle(theme, theme.headings['3']),
      '4': blockStyle(theme, theme.headings['4']),
    },
    quote: blockStyle(theme, theme.quote),
    list: { ...body, indentPt: 0 },
    code: plain('mono', theme.code.sizePt, pitchOf(theme.code.sizePt, SINGLE)),
    table: plain(theme.table.font, theme.table.sizePt, pitchOf(theme.table.sizePt, theme.table.lineSpacing)),
    caption: blockStyle(theme, theme.caption),
    attachmentLabel: blockStyle(theme, theme.attachment.label),
    attachmentTitle: blockStyle(theme, theme.attachment.title),
    note: {
      ...plain(theme.footnote.font, theme.footnote.sizePt, pitchOf(theme.footnote.sizePt, SINGLE)),
      align: 'justify',
      afterPt: theme.footnote.sizePt / 3,
    },
    pageNumber: plain(theme.pageNumber.font, theme.pageNumber.sizePt, theme.pageNumber.sizePt),
    toc: { ...body, indentPt: 0, align: 'left', spacingPt: 0 },
  };
}

/** The style of a heading's outline level (the parser decides it); 4 and deeper look alike. */
export function headingStyle(styles: Styles, level: number): BlockStyle {
  const key = String(Math.min(4, Math.max(1, level))) as HeadingLevel;
  return styles.headings[key];
}
