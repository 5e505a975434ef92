/**
 * A theme: everything an exporter needs to lay out a report (page, fonts, type sizes, spacing),
 * as plain JSON in explicit units: lengths in millimetres (`…Mm`), sizes in points (`…Pt`).
 * One theme drives DOCX and PDF alike.
 */

/** The five Chinese type faces a report uses, by role. */
export const FONT_ROLES = ['song', 'hei', 'kai', 'fang', 'title'] as const;

/** 宋 (song), 黑 (hei), 楷 (kai), 仿宋 (fang), 小标宋 (title). */
export type FontRole = (typeof FONT_ROLES)[number];

/** One role's faces. */
export interface FontFace {
  /** The East Asian face by the name Chinese Word users have it under (`仿宋_GB2312`): DOCX `w:eastAsia`. */
  eastAsia: string;
  /**
   * Other names of the same face or of the nearest equivalent, best first (`仿宋`, `FangSong`). DOCX writes
   * the first as the font table's `w:altName`, which Word tries when the face is not installed.
   */
  alternatives: string[];
  /** The face for Latin letters and digits: DOCX `w:ascii`/`w:hAnsi`. */
  latin: string;
  /**
   * Font files for exporters that embed fonts (PDF): paths, relative to the theme file. Empty in the
   * presets; the PDF exporter finds bundled or system fonts for roles without files.
   */
  files: { regular?: string; bold?: string };
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** Line spacing: a multiple of single spacing, or an exact line pitch in points. */
export type LineSpacing = { multiple: number } | { exactPt: number };

/** The look of one kind of paragraph. */
export interface TextStyle {
  /** East Asian face role; its `latin` face sets Latin text. */
  font: FontRole;
  sizePt: number;
  bold: boolean;
  align: Align;
  /** First-line indent in characters (of this style's size). */
  indentChars: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** When absent, the body's line spacing. */
  lineSpacing?: LineSpacing;
}

export interface PageGeometry {
  widthMm: number;
  heightMm: number;
  margin: { topMm: number; bottomMm: number; leftMm: number; rightMm: number };
  /** Distance from the top edge of the page to the header. */
  headerMm: number;
  /**
   * A character grid (GB/T 9704: 22 lines of 28 characters): the line pitch and the characters per line
   * of body text. `null`: no grid.
   */
  grid: { linePitchPt: number; charsPerLine: number } | null;
}

export interface PageNumberStyle {
  /** `plain`: `7`; `dashes`: `— 7 —` (GB/T 9704). */
  format: 'plain' | 'dashes';
  /** `center`; `outside`: odd pages right, even pages left (GB/T 9704). */
  position: 'center' | 'outside';
  font: FontRole;
  sizePt: number;
  /** Distance from the bottom edge of the body area to the top of the page number line. */
  belowBodyMm: number;
  /** For `outside`: how far in from the outer edge of the body area, in characters of the number's size. */
  outsideIndentChars: number;
}

export interface Theme {
  /** Preset or file name, for messages. */
  name: string;
  /** Default language (BCP 47) when the document does not say: `zh-CN`. */
  lang: string;
  page: PageGeometry;
  fonts: Record<FontRole, FontFace>;
  /** Body text: the `Normal` style in DOCX. */
  body: TextStyle & { lineSpacing: LineSpacing };
  /** The document title (`meta.title`). */
  title: TextStyle;
  /** Headings by outline level: 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`. Deeper levels look like level 4. */
  headings: { '1': TextStyle; '2': TextStyle; '3': TextStyle; '4': TextStyle };
  /** The run-in title of an item (`1.社保工作获……推广。` + body), in the item's paragraph. */
  runIn: { font: FontRole; bold: boolean };
  quote: TextStyle;
  /** Code blocks, inline code and TeX source: a monospaced Latin face with an East Asian role beside it. */
  code: { latin: string; font: FontRole; sizePt: number };
  table: {
    font: FontRole;
    sizePt: number;
    /**
     * The smallest size a table's font is made to fit its columns on the page (before the page is
     * turned to landscape): 9 pt (小五) in `report`, 10.5 pt (五号) in `gov`.
     */
    minSizePt: number;
    headerBold: boolean;
    borderPt: number;
    lineSpacing: LineSpacing;
  };
  caption: TextStyle;
  /**
   * A document attached to a 公文 after its body (GB/T 9704-2012 7.3.8: 附件应当另面编排): `newPage`
   * starts it on a page of its own; its label `附件1` is set in `label` (3号黑体, flush left, on the
   * first line) and its title in `title` (centred, on the third line). The parser marks these
   * headings (`heading.attached`); they keep their outline level.
   */
  attachment: { newPage: boolean; label: TextStyle; title: TextStyle };
  footnote: { font: FontRole; sizePt: number };
  pageNumber: PageNumberStyle;
  /**
   * Half-width `,;:?!()` typed into Chinese text: `full-width` turns them into `，；：？！（）` (GB/T 15834,
   * and what GB/T 9704 documents print), `as-written` keeps them. The report pass `punctuation`
   * makes the change in the tree, so every format agrees; this is only its default for the theme.
   */
  punctuation: 'full-width' | 'as-written';
}

/** A heading level a theme styles. */
export type HeadingLevel = keyof Theme['headings'];
