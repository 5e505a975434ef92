/**
 * The workbook's cell formats (`xl/styles.xml`). A cell's format is an `xf` record pointing at a
 * number format, a font, a fill and a border; each is listed once and numbered in order of first use,
 * as exceljs's style manager numbers them (so the part is the one exceljs wrote, byte for byte).
 * The drawing of each named style (`model.ts`) is fixed here.
 */
import type { Cell, CellStyle } from './model.js';
import { attrs, leaf, XML_DECLARATION, xmlEscape } from './xml.js';

/** What a named style draws, as the XML of each component. */
interface Look {
  font?: string;
  fill?: string;
  border?: string;
  alignment: string;
}

const BOLD = '<font><b/></font>';
const GREY = '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/></patternFill></fill>';
const thin = (side: string) => `<${side} style="thin"><color rgb="FFBFBFBF"/></${side}>`;
const BOXED = `<border>${thin('left')}${thin('right')}${thin('top')}${thin('bottom')}<diagonal/></border>`;
const TOP_WRAPPED = leaf('alignment', { vertical: 'top', wrapText: '1' });
const TOP = leaf('alignment', { vertical: 'top' });

const LOOKS: Record<CellStyle, Look> = {
  header: { font: BOLD, fill: GREY, alignment: leaf('alignment', { vertical: 'center', wrapText: '1' }) },
  text: { alignment: TOP_WRAPPED },
  plain: { alignment: TOP },
  tableHeader: {
    font: BOLD,
    fill: GREY,
    border: BOXED,
    alignment: leaf('alignment', { horizontal: 'center', vertical: 'center', wrapText: '1' }),
  },
  tableBody: { border: BOXED, alignment: TOP_WRAPPED },
  label: { font: BOLD, alignment: TOP },
};

/** ECMA-376 Part 1, 18.8.30: the built-in number formats (those a cell names by id alone). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'mm-dd-yy': 14,
  'd-mmm-yy': 15,
  'd-mmm': 16,
  'mmm-yy': 17,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'm/d/yy "h":mm': 22,
  '#,##0 ;(#,##0)': 37,
  '#,##0 ;[Red](#,##0)': 38,
  '#,##0.00 ;(#,##0.00)': 39,
  '#,##0.00 ;[Red](#,##0.00)': 40,
  'mm:ss': 45,
  '[h]:mm:ss': 46,
  'mmss.0': 47,
  '##0.0E+0': 48,
  '@': 49,
};

/** Custom number formats are numbered from 164 (ids below are reserved for built-in ones). */
const FIRST_CUSTOM_FORMAT = 164;

/** A list of XML records, each kept once, numbered in order of first use. */
class Records {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  add(xml: string): number {
    let id = this.index.get(xml);
    if (id === undefined) {
      id = this.list.length;
      this.index.set(xml, id);
      this.list.push(xml);
    }
    return id;
  }
}

const DEFAULT_FONT =
  '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';
const PLAIN_XF = leaf('xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 });

export class Styles {
  private readonly numFmts = new Records();
  private readonly formatIds = new Map<string, number>();
  private readonly fonts = new Records();
  private readonly fills = new Records();
  private readonly borders = new Records();
  private readonly xfs = new Records();
  private readonly known = new Map<string, number>();

  constructor() {
    this.borders.add('<border><left/><right/><top/><bottom/><diagonal/></border>');
    this.xfs.add(PLAIN_XF);
    this.fills.add('<fill><patternFill patternType="none"/></fill>');
    this.fills.add('<fill><patternFill patternType="gray125"/></fill>');
    this.fonts.add(DEFAULT_FONT);
  }

  /** The `s` index of a cell drawn as `cell` (0, the plain format, for none). */
  id(cell: Pick<Cell, 'style' | 'numFmt'> | undefined): number {
    if (!cell) return 0;
    // The same look again gets the same id: a workbook has a few looks and many cells.
    const key = cell.numFmt === undefined ? cell.style : `${cell.style}\u0000${cell.numFmt}`;
    let id = this.known.get(key);
    if (id === undefined) {
      id = this.add(cell);
      this.known.set(key, id);
    }
    return id;
  }

  private add(cell: Pick<Cell, 'style' | 'numFmt'>): number {
    const look = LOOKS[cell.style];
    const numFmtId = cell.numFmt === undefined ? 0 : this.numFmtId(cell.numFmt);
    const fontId = look.font === undefined ? 0 : this.fonts.add(look.font);
    const borderId = look.border === undefined ? 0 : this.borders.add(look.border);
    const fillId = look.fill === undefined ? 0 : this.fills.add(look.fill);
    const xf =
      `<xf${attrs({ numFmtId, fontId, fillId, borderId, xfId: 0 })}` +
      attrs({
        applyNumberFormat: numFmtId ? '1' : undefined,
        applyFont: fontId ? '1' : undefined,
        applyFill: fillId ? '1' : undefined,
        applyBorder: borderId ? '1' : undefined,
        applyAlignment: '1',
      }) +
      `>${look.alignment}</xf>`;
    return this.xfs.add(xf);
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formatIds.size;
      this.formatIds.set(code, id);
      this.numFmts.add(leaf('numFmt', { numFmtId: id, formatCode: code }));
    }
    return id;
  }

  /** The part. */
  xml(): string {
    const { numFmts, fonts, fills, borders, xfs } = this;
    const list = (name: string, records: Records, extra: Record<string, string | number> = {}) =>
      `<${name}${attrs({ count: records.list.length, ...extra })}>${records.list.join('')}</${name}>`;
    return (
      `${XML_DECLARATION}\n` +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">' +
      (numFmts.list.length ? list('numFmts', numFmts) : '') +
      list('fonts', fonts, { 'x14ac:knownFonts': 1 }) +
      list('fills', fills) +
      list('borders', borders) +
      `<cellStyleXfs count="1">${leaf('xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 })}</cellStyleXfs>` +
      list('cellXfs', xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>' +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>'
    );
  }
}

/** Shared strings (`xl/sharedStrings.xml`): each text once, numbered in order of first use. */
export class SharedStrings {
  private readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  add(text: string): number {
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.list.length;
      this.index.set(text, id);
      this.list.push(text);
    }
    return id;
  }
  get count(): number {
    return this.list.length;
  }
  xml(): string {
    const items = this.list.map((text) => {
      // Leading or trailing white space, or a line feed, is kept only when the element says so.
      const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
      return `<si><t${space}>${xmlEscape(text)}</t></si>`;
    });
    return (
      `${XML_DECLARATION}\n` +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"${attrs({ count: this.count, uniqueCount: this.count })}>` +
      `${items.join('')}</sst>`
    );
  }
}
