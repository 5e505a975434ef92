/**
 * Named styles built from the theme. Every node maps to a style, never to direct formatting of
 * its own (alignment from the source's table columns aside). Ids and names follow Word's built-in
 * styles where Word has one (`Heading1` named `heading 1`, `Title`, `Quote`, `caption`, `toc 1`,
 * `footnote text`, `List Paragraph`, `Hyperlink`…), so the navigation pane, outline levels, the
 * table of contents and a reference document's styles all work; pandoc's names (`Source Code`,
 * `Verbatim Char`) where Word has none.
 */

import type { Align, FontRole, LineSpacing, TextStyle, Theme } from '@wenshu/theme';
import { lineHeightPt, ptToTwip } from '@wenshu/theme';
import {
  AlignmentType,
  BorderStyle,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
  type ISpacingProperties,
  type IStylesOptions,
  LineRuleType,
} from 'docx';
import { frameStyleDefinitions } from './frame-styles.js';
import type { ReferenceStyles } from './reference.js';
import { textWidthPt } from './section.js';
import type { XmlElement } from './xml.js';

/** What a style is for, and the id and name wenshu gives it. */
export const STYLES = {
  normal: { id: 'Normal', name: 'Normal', type: 'paragraph' },
  title: { id: 'Title', name: 'Title', type: 'paragraph' },
  heading1: { id: 'Heading1', name: 'heading 1', type: 'paragraph' },
  heading2: { id: 'Heading2', name: 'heading 2', type: 'paragraph' },
  heading3: { id: 'Heading3', name: 'heading 3', type: 'paragraph' },
  heading4: { id: 'Heading4', name: 'heading 4', type: 'paragraph' },
  heading5: { id: 'Heading5', name: 'heading 5', type: 'paragraph' },
  heading6: { id: 'Heading6', name: 'heading 6', type: 'paragraph' },
  quote: { id: 'Quote', name: 'Quote', type: 'paragraph' },
  sourceCode: { id: 'SourceCode', name: 'Source Code', type: 'paragraph' },
  displayMath: { id: 'DisplayMath', name: 'Display Math', type: 'paragraph' },
  figure: { id: 'Figure', name: 'Figure', type: 'paragraph' },
  subtitle: { id: 'Subtitle', name: 'Subtitle', type: 'paragraph' },
  byline: { id: 'Byline', name: 'Byline', type: 'paragraph' },
  addressee: { id: 'Addressee', name: 'Addressee', type: 'paragraph' },
  salutation: { id: 'Salutation', name: 'Salutation', type: 'paragraph' },
  signature: { id: 'Signature', name: 'Signature', type: 'paragraph' },
  date: { id: 'Date', name: 'Date', type: 'paragraph' },
  boundary: { id: 'Boundary', name: 'Boundary', type: 'paragraph' },
  attachments: { id: 'Attachments', name: 'Attachments', type: 'paragraph' },
  note: { id: 'DocumentNote', name: 'Document Note', type: 'paragraph' },
  marking: { id: 'DocumentMarking', name: 'Document Marking', type: 'paragraph' },
  issuerMark: { id: 'IssuerMark', name: 'Issuer Mark', type: 'paragraph' },
  documentNumber: { id: 'DocumentNumber', name: 'Document Number', type: 'paragraph' },
  copyTo: { id: 'CopyTo', name: 'Copy To', type: 'paragraph' },
  printedBy: { id: 'PrintedBy', name: 'Printed By', type: 'paragraph' },
  caption: { id: 'Caption', name: 'caption', type: 'paragraph' },
  attachmentLabel: { id: 'AttachmentLabel', name: 'Attachment Label', type: 'paragraph' },
  attachmentTitle: { id: 'AttachmentTitle', name: 'Attachment Title', type: 'paragraph' },
  tableText: { id: 'TableText', name: 'Table Text', type: 'paragraph' },
  tableHeading: { id: 'TableHeading', name: 'Table Heading', type: 'paragraph' },
  footnoteText: { id: 'FootnoteText', name: 'footnote text', type: 'paragraph' },
  listParagraph: { id: 'ListParagraph', name: 'List Paragraph', type: 'paragraph' },
  listContinue1: { id: 'ListContinue', name: 'List Continue', type: 'paragraph' },
  listContinue2: { id: 'ListContinue2', name: 'List Continue 2', type: 'paragraph' },
  listContinue3: { id: 'ListContinue3', name: 'List Continue 3', type: 'paragraph' },
  listContinue4: { id: 'ListContinue4', name: 'List Continue 4', type: 'paragraph' },
  listContinue5: { id: 'ListContinue5', name: 'List Continue 5', type: 'paragraph' },
  thematicBreak: { id: 'ThematicBreak', name: 'Thematic Break', type: 'paragraph' },
  tocHeading: { id: 'TOCHeading', name: 'TOC Heading', type: 'paragraph' },
  toc1: { id: 'TOC1', name: 'toc 1', type: 'paragraph' },
  toc2: { id: 'TOC2', name: 'toc 2', type: 'paragraph' },
  toc3: { id: 'TOC3', name: 'toc 3', type: 'paragraph' },
  toc4: { id: 'TOC4', name: 'toc 4', type: 'paragraph' },
  footer: { id: 'Footer', name: 'footer', type: 'paragraph' },
  runInTitle: { id: 'RunInTitle', name: 'Run-in Title', type: 'character' },
  verbatim: { id: 'VerbatimChar', name: 'Verbatim Char', type: 'character' },
  hyperlink: { id: 'Hyperlink', name: 'Hyperlink', type: 'character' },
  footnoteReference: { id: 'FootnoteReference', name: 'footnote reference', type: 'character' },
  table: { id: 'TableGrid', name: 'Table Grid', type: 'table' },
} as const satisfies Record<string, { id: string; name: string; type: 'paragraph' | 'character' | 'table' }>;

export type StyleRole = keyof typeof STYLES;

/** The style id to write for each role: wenshu's, or a reference document's style of the same name. */
export type StyleIds = Record<StyleRole, string>;

export const HEADING_ROLES = ['heading1', 'heading2', 'heading3', 'heading4', 'heading5', 'heading6'] as const;
export const LIST_CONTINUE_ROLES = [
  'listContinue1',
  'listContinue2',
  'listContinue3',
  'listContinue4',
  'listContinue5',
] as const;

/** Half-points, the unit of `w:sz`. */
export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

export function alignment(align: Align): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return ALIGN[align];
}

/**
 * A role's faces: Latin slots and the East Asian slot. `hint="eastAsia"` makes Word set characters
 * both scripts share (“ ” — … ·) in the East Asian face, as Chinese Word does.
 */
export function fontsOf(theme: Theme, role: FontRole, latin?: string): IRunStylePropertiesOptions['font'] {
  const face = theme.fonts[role];
  const latinFace = latin ?? face.latin;
  return { ascii: latinFace, hAnsi: latinFace, eastAsia: face.eastAsia, cs: latinFace, hint: 'eastAsia' };
}

export function run(theme: Theme, role: FontRole, sizePt: number, bold?: boolean): IRunStylePropertiesOptions {
  return {
    font: fontsOf(theme, role),
    size: halfPoints(sizePt),
    sizeComplexScript: halfPoints(sizePt),
    ...(bold === undefined ? {} : { bold, boldComplexScript: bold }),
  };
}

/**
 * Line spacing: always the exact pitch the PDF uses (the theme's rule, 1.2 em a single line). A
 * multiple would be of the font's own line height, which differs by program and face: `report`'s
 * 1.5 lines of 12 pt came out as 26.1 pt in LibreOffice with Noto CJK against the PDF's 21.6 pt, and
 * the seed took 15 pages against 12 (issue 15). On a theme with a character grid, Word would also
 * snap every paragraph whose spacing is not exact to the grid's pitch (ECMA-376 Part 1 §17.6.5).
 * Pictures are not cropped to the pitch: a paragraph that holds only pictures has single spacing.
 */
export function lineSpacing(_theme: Theme, spacing: LineSpacing, sizePt: number): ISpacingProperties {
  return { line: ptToTwip(lineHeightPt(sizePt, spacing)), lineRule: LineRuleType.EXACT };
}

/**
 * A first-line indent of `chars` characters: `firstLineChars` (hundredths of a character, what Word
 * uses) and `firstLine` in twips beside it, since LibreOffice reads only `firstLine`. Zero is written
 * too, to cancel the body's indent in styles based on Normal.
 */
export function firstLineIndent(chars: number, sizePt: number): { firstLineChars: number; firstLine: number } {
  return { firstLineChars: Math.round(chars * 100), firstLine: ptToTwip(chars * sizePt) };
}

function textStyle(theme: Theme, style: TextStyle, bodyBased = true): Omit<IParagraphStyleOptions, 'id'> {
  return {
    ...(bodyBased ? { basedOn: 'Normal', next: 'Normal' } : {}),
    quickFormat: true,
    run: run(theme, style.font, style.sizePt, style.bold),
    paragraph: {
      alignment: alignment(style.align),
      indent: firstLineIndent(style.indentChars, style.sizePt),
      spacing: {
        before: ptToTwip(style.spaceBeforePt),
        after: ptToTwip(style.spaceAfterPt),
        ...lineSpacing(theme, style.lineSpacing ?? theme.body.lineSpacing, style.sizePt),
      },
    },
  };
}

/** The em of body text in twips: the unit of list indents. */
export function bodyEmTwips(theme: Theme): number {
  return ptToTwip(theme.body.sizePt);
}

export interface StyleDefinition {
  role: StyleRole;
  options: Omit<IParagraphStyleOptions, 'id' | 'name'>;
}

function paragraphDefinitions(theme: Theme): StyleDefinition[] {
  const body = theme.body;
  const noIndent = firstLineIndent(0, body.sizePt);
  const em = bodyEmTwips(theme);
  const defs: StyleDefinition[] = [
    {
      role: 'normal',
      options: {
        quickFormat: true,
        run: run(theme, body.font, body.sizePt, body.bold),
        paragraph: {
          alignment: alignment(body.align),
          indent: firstLineIndent(body.indentChars, body.sizePt),
          spacing: {
            before: ptToTwip(body.spaceBeforePt),
            after: ptToTwip(body.spaceAfterPt),
            ...lineSpacing(theme, body.lineSpacing, body.sizePt),
          },
        },
      },
    },
  ];
  const title = textStyle(theme, theme.title);
  defs.push({ role: 'title', options: { ...title, paragraph: { ...title.paragraph, keepNext: true } } });

  HEADING_ROLES.forEach((role, index) => {
    const level = Math.min(index + 1, 4) as 1 | 2 | 3 | 4;
    const base = textStyle(theme, theme.headings[level]);
    defs.push({
      role,
      options: { ...base, paragraph: { ...base.paragraph, outlineLevel: index, keepNext: true, keepLines: true } },
    });
  });

  const quote = textStyle(theme, theme.quote);
  defs.push({
    role: 'quote',
    options: {
      ...quote,
      paragraph: {
        ...quote.paragraph,
        indent: {
          ...firstLineIndent(theme.quote.indentChars, theme.quote.sizePt),
          left: ptToTwip(2 * theme.quote.sizePt),
        },
      },
    },
  });

  const code = theme.code;
  const codeRun: IRunStylePropertiesOptions = {
    font: fontsOf(theme, code.font, code.latin),
    size: halfPoints(code.sizePt),
    sizeComplexScript: halfPoints(code.sizePt),
  };
  const codeParagraph = {
    alignment: AlignmentType.LEFT,
    indent: firstLineIndent(0, code.sizePt),
    spacing: {
      before: ptToTwip(code.sizePt / 2),
      after: ptToTwip(code.sizePt / 2),
      ...lineSpacing(theme, { multiple: 1 }, code.sizePt),
    },
  };
  defs.push({ role: 'sourceCode', options: { basedOn: 'Normal', run: codeRun, paragraph: codeParagraph } });
  defs.push({
    role: 'displayMath',
    options: { basedOn: 'SourceCode', paragraph: { ...codeParagraph, alignment: AlignmentType.CENTER } },
  });
  defs.push({
    role: 'figure',
    options: {
      basedOn: 'Normal',
      next: 'Normal',
      // Single spacing, never exact: an exact line height crops a picture to that height.
      paragraph: {
        alignment: AlignmentType.CENTER,
        indent: noIndent,
        keepNext: true,
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
      },
    },
  });
  defs.push({ role: 'caption', options: { ...textStyle(theme, theme.caption), quickFormat: true } });
  // A document attached to a 公文 (GB/T 9704 7.3.8): its label and title, kept with what follows; each
  // paragraph carries its outline level, so Word's navigation and TOC still see a heading.
  for (const [role, style] of [
    ['attachmentLabel', theme.attachment.label],
    ['attachmentTitle', theme.attachment.title],
  ] as const) {
    const base = textStyle(theme, style);
    defs.push({ role, options: { ...base, paragraph: { ...base.paragraph, keepNext: true, keepLines: true } } });
  }

  const table = theme.table;
  const cellParagraph = {
    alignment: AlignmentType.LEFT,
    indent: firstLineIndent(0, table.sizePt),
    spacing: { before: 0, after: 0, ...lineSpacing(theme, table.lineSpacing, table.sizePt) },
  };
  defs.push({
    role: 'tableText',
    options: { basedOn: 'Normal', run: run(theme, table.font, table.sizePt), paragraph: cellParagraph },
  });
  defs.push({
    role: 'tableHeading',
    options: {
      basedOn: 'TableText',
      run: { bold: table.headerBold, boldComplexScript: table.headerBold },
      paragraph: { alignment: AlignmentType.CENTER },
    },
  });

  defs.push(...frameStyleDefinitions(theme));

  const note = theme.footnote;
  defs.push({
    role: 'footnoteText',
    options: {
      basedOn: 'Normal',
      run: run(theme, note.font, note.sizePt),
      paragraph: {
        indent: firstLineIndent(0, note.sizePt),
        spacing: { before: 0, after: 0, ...lineSpacing(theme, { multiple: 1 }, note.sizePt) },
      },
    },
  });

  // List paragraphs take their left indent and hanging number from the numbering level; the
  // body's first-line indent must not reach them.
  defs.push({ role: 'listParagraph', options: { basedOn: 'Normal', paragraph: { indent: noIndent } } });
  LIST_CONTINUE_ROLES.forEach((role, level) => {
    defs.push({
      role,
      options: { basedOn: 'Normal', paragraph: { indent: { left: em * 2 * (level + 1), ...noIndent } } },
    });
  });

  defs.push({
    role: 'thematicBreak',
    options: {
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: {
        indent: noIndent,
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: 'auto' } },
        spacing: { after: ptToTwip(body.sizePt / 2) },
      },
    },
  });

  const tocHeading = theme.headings[1];
  defs.push({
    role: 'tocHeading',
    options: {
      ...textStyle(theme, { ...tocHeading, align: 'center', indentChars: 0 }),
    },
  });
  (['toc1', 'toc2', 'toc3', 'toc4'] as const).forEach((role, level) => {
    defs.push({
      role,
      options: {
        basedOn: 'Normal',
        next: 'Normal',
        uiPriority: 39,
        paragraph: {
          alignment: AlignmentType.LEFT,
          indent: { left: em * level, ...noIndent },
          spacing: { before: 0, after: 0 },
        },
      },
    });
  });

  const number = theme.pageNumber;
  defs.push({
    role: 'footer',
    options: {
      basedOn: 'Normal',
      run: run(theme, number.font, number.sizePt),
      paragraph: {
        indent: firstLineIndent(0, number.sizePt),
        // One line exactly as tall as the number's em, so the footer distance computed in
        // section.ts puts the line where the theme says.
        spacing: { before: 0, after: 0, line: ptToTwip(number.sizePt), lineRule: LineRuleType.EXACT },
      },
    },
  });
  return defs;
}

function characterDefinitions(theme: Theme): { role: StyleRole; run: IRunStylePropertiesOptions }[] {
  const runIn = theme.runIn;
  const code = theme.code;
  return [
    {
      role: 'runInTitle',
      run: { font: fontsOf(theme, runIn.font), bold: runIn.bold, boldComplexScript: runIn.bold },
    },
    {
      role: 'verbatim',
      run: {
        font: fontsOf(theme, code.font, code.latin),
        size: halfPoints(code.sizePt),
        sizeComplexScript: halfPoints(code.sizePt),
      },
    },
    { role: 'hyperlink', run: { color: '0563C1', underline: { type: 'single' } } },
    { role: 'footnoteReference', run: { superScript: true } },
  ];
}

/**
 * A table style with the theme's borders. docx has no API for table styles (and giving it
 * `importedStyles` drops its document defaults), so package.ts adds this element to styles.xml.
 */
function tableStyle(theme: Theme, id: string, name: string, normalTableId: string): XmlElement {
  const size = String(Math.max(2, Math.round(theme.table.borderPt * 8)));
  const border = (side: string): XmlElement => ({
    name: `w:${side}`,
    attributes: { 'w:val': 'single', 'w:sz': size, 'w:space': '0', 'w:color': 'auto' },
    children: [],
  });
  const el = (name: string, attributes: Record<string, string>, children: XmlElement[] = []): XmlElement => ({
    name,
    attributes,
    children,
  });
  return el('w:style', { 'w:type': 'table', 'w:styleId': id }, [
    el('w:name', { 'w:val': name }),
    el('w:basedOn', { 'w:val': normalTableId }),
    el('w:uiPriority', { 'w:val': '39' }),
    el('w:tblPr', {}, [el('w:tblBorders', {}, ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border))]),
  ]);
}

export interface StylePlan {
  styles: IStylesOptions;
  ids: StyleIds;
  /** The ids of the styles wenshu writes (all of them, or those a reference document lacks). */
  written: string[];
  /** The table style, when it is written (package.ts adds it). */
  tableStyle?: XmlElement;
  /** Paragraph styles that must not snap to the character grid (package.ts marks them). */
  offGrid: string[];
}

/**
 * Character spacing, in twentieths of a point, that fits `charsPerLine` body characters on a line:
 * ⌊(text width / chars − size) × 20⌋. gov: 442.25 pt / 28 = 15.79 pt a character, 16 pt type, so
 * −0.21 pt → −5 (−0.25 pt): 28 × 15.75 = 441 pt fits, 29 does not.
 *
 * A `linesAndChars` grid alone would do this in Word, but LibreOffice lays such a grid out with a
 * cell of the font size plus charSpace (writerfilter SectionPropertyMap, "dxtCharSpace") and puts
 * every 16 pt character into two 15.79 pt cells: 14 characters a line; with `snapToGrid` off it
 * still set 27. So the grid written is a `lines` grid (see `documentGrid`), paragraphs do not snap
 * to it (`w:snapToGrid w:val="0"`, ECMA-376 Part 1 §17.3.1.32), the exact line spacing gives the
 * 22 lines and this condensed spacing (§17.3.2.35 `w:spacing`) the 28 characters, in every program.
 */
export function gridCharacterSpacing(theme: Theme): number {
  const grid = theme.page.grid;
  if (!grid) return 0;
  return Math.floor((textWidthPt(theme) / grid.charsPerLine - theme.body.sizePt) * 20);
}

/**
 * The styles for a theme. With a reference document, a role whose style name the reference has
 * uses the reference's style (and id); only the rest are written, based on the reference's Normal.
 */
export function buildStyles(theme: Theme, lang: string, reference?: ReferenceStyles): StylePlan {
  const ids = {} as StyleIds;
  const taken = new Set(reference ? reference.ids : []);
  for (const [role, style] of Object.entries(STYLES) as [StyleRole, (typeof STYLES)[StyleRole]][]) {
    const found = reference?.byName.get(style.name.toLowerCase());
    if (found && found.type === style.type) ids[role] = found.id;
    else {
      let id: string = style.id;
      while (taken.has(id)) id = `${id}W`;
      ids[role] = id;
    }
  }
  const fromReference = (role: StyleRole) => reference?.byName.get(STYLES[role].name.toLowerCase())?.id === ids[role];
  const idOf = (styleId: string | undefined): string | undefined => {
    if (styleId === undefined) return undefined;
    const role = (Object.keys(STYLES) as StyleRole[]).find((r) => STYLES[r].id === styleId);
    return role ? ids[role] : styleId;
  };

  // docx is given every style, under the ids in use (it finds the headings for the table of
  // contents by their styles' outline levels); only `written` ones go into a reference's styles.
  const written: string[] = [];
  const paragraphStyles: IParagraphStyleOptions[] = [];
  for (const def of paragraphDefinitions(theme)) {
    const { basedOn, next, ...rest } = def.options;
    paragraphStyles.push({
      ...rest,
      id: ids[def.role],
      name: STYLES[def.role].name,
      ...(basedOn ? { basedOn: idOf(basedOn) } : {}),
      ...(next ? { next: idOf(next) } : {}),
    });
    if (!fromReference(def.role)) written.push(ids[def.role]);
  }
  const characterStyles = characterDefinitions(theme).map((def) => {
    if (!fromReference(def.role)) written.push(ids[def.role]);
    return { id: ids[def.role], name: STYLES[def.role].name, run: def.run };
  });
  const table = fromReference('table')
    ? undefined
    : tableStyle(theme, ids.table, STYLES.table.name, reference?.normalTableId ?? 'TableNormal');

  const body = theme.body;
  const styles: IStylesOptions = {
    default: {
      document: {
        run: {
          font: fontsOf(theme, body.font),
          size: halfPoints(body.sizePt),
          sizeComplexScript: halfPoints(body.sizePt),
          language: { value: 'en-US', eastAsia: lang },
          ...(theme.page.grid ? { characterSpacing: gridCharacterSpacing(theme) } : {}),
        },
      },
    },
    paragraphStyles,
    characterStyles,
  };
  // With a grid every written style keeps off it: the characters per line come from the condensed
  // spacing above, which Word, WPS and LibreOffice all honour (see gridCharacterSpacing).
  const offGrid = theme.page.grid ? written.filter((id) => paragraphStyles.some((style) => style.id === id)) : [];
  return { styles, ids, written, offGrid, ...(table ? { tableStyle: table } : {}) };
}
