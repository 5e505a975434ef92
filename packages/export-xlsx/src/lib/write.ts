/**
 * Writes sheet models as the parts of a SpreadsheetML package: plain strings, no stream and no
 * Node API, so the same code runs in the command, a page and a Web Worker. The XML is the XML
 * exceljs 4.4.0's streaming writer (`stream.xlsx.WorkbookWriter`) wrote for these sheets, byte for
 * byte (test/reference.test.ts holds the two side by side): merged cells, frozen panes,
 * autofilters, styles, shared strings, column widths, row heights.
 *
 * Text is written as shared strings (`t="s"`): never a formula, whatever it starts with (`=`, `+`,
 * `-`, `@`). `package.ts` zips the parts.
 */

import type { Cell, CellRange, SheetModel, SheetRow } from './model.js';
import type { XlsxWarning } from './options.js';
import { SharedStrings, Styles } from './styles.js';
import { THEME1_XML } from './theme1.js';
import { columnLetters, leaf, textNode, XML_DECLARATION, xmlEscape } from './xml.js';

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32_767;

/** Styles that show on an empty cell. */
const DRAWN = new Set<Cell['style']>(['header', 'tableHeader', 'tableBody']);

/** Excel's default column width: a column of this width is not written. */
const DEFAULT_COLUMN_WIDTH = 9;

/**
 * Text as a cell can hold it. SpreadsheetML reads `_xHHHH_` in a string as an escaped character
 * (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), so a literal one is written with its underscore escaped
 * (`_x005F_`). Past Excel's 32,767 characters the text is cut.
 */
function cellText(value: string, where: () => string, onWarning: (warning: XlsxWarning) => void): string {
  if (value.length <= MAX_CELL_TEXT && !value.includes('_x')) return value;
  let text = value;
  if (text.length > MAX_CELL_TEXT) {
    onWarning({
      code: 'cell-text-cut',
      message: `${where()}: text of ${text.length} characters cut to Excel's ${MAX_CELL_TEXT}`,
    });
    text = text.slice(0, MAX_CELL_TEXT);
    // Do not leave half a surrogate pair.
    if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
  }
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

export interface WriteOptions {
  /** The workbook's created and modified date. */
  date: Date;
  /** `dc:title`: the document's title, when it has one. */
  title?: string;
  /** `dc:language`: the document's language tag (zh-CN, zh-TW…). */
  language: string;
  onWarning: (warning: XlsxWarning) => void;
}

/** A cell as it is written: its value and the look it takes (none: the plain format). */
interface Slot {
  value: string | number | null;
  /** A covered cell of a merged range. */
  merged?: true;
  look: Pick<Cell, 'style' | 'numFmt'> | undefined;
}

const DY_DESCENT = '0.25';

/** Rows joined into one string at a time while a sheet is written. */
const ROW_BATCH = 512;

/** Column letters by number, made once each. */
const LETTERS: string[] = [];
function letters(column: number): string {
  let found = LETTERS[column];
  if (found === undefined) LETTERS[column] = found = columnLetters(column);
  return found;
}
const address = (row: number, column: number) => `${letters(column)}${row}`;
const rangeRef = ({ top, left, bottom, right }: CellRange) => `${address(top, left)}:${address(bottom, right)}`;

/** The cells of one row that are written at all, by column (1-based). */
function rowSlots(model: SheetRow, number: number, sheet: string, options: WriteOptions): Map<number, Slot> {
  const slots = new Map<number, Slot>();
  model.cells.forEach((cell, index) => {
    // An empty cell without borders or fill looks the same written or not; not writing it keeps
    // the sheet XML of a large report smaller.
    if (!cell || ((cell.value === null || cell.value === '') && !DRAWN.has(cell.style))) return;
    // An empty string would be written as an empty shared string: a blank cell says the same.
    const value =
      cell.value === '' || cell.value === null
        ? null
        : typeof cell.value === 'string'
          ? cellText(cell.value, () => `${sheet}!R${number}C${index + 1}`, options.onWarning)
          : cell.value;
    slots.set(index + 1, { value, look: cell });
  });
  return slots;
}

/**
 * `<row>`, or nothing for a row with neither a value nor a height of its own. Its span counts every
 * cell it holds, the unwritten ones too (the first cell of a merge that had no value), as Excel's
 * writer does.
 */
function rowXml(
  number: number,
  height: number | undefined,
  slots: Map<number, Slot>,
  styles: Styles,
  strings: SharedStrings,
): string {
  const columns = [...slots.keys()].sort((a, b) => a - b);
  const hasValues = columns.some((column) => {
    const slot = slots.get(column) as Slot;
    return slot.merged || slot.value !== null;
  });
  if (!hasValues && !height) return '';
  let cells = '';
  for (const column of columns) {
    const slot = slots.get(column) as Slot;
    const s = styles.id(slot.look) || undefined;
    if (slot.value === null && !slot.merged && !s) continue;
    // Written by hand rather than with `attrs`: this runs once per cell (numbers need no escaping).
    const open = `<c r="${letters(column)}${number}"${s === undefined ? '' : ` s="${s}"`}`;
    if (slot.merged || slot.value === null) cells += `${open}/>`;
    else if (typeof slot.value === 'string') cells += `${open} t="s"><v>${strings.add(slot.value)}</v></c>`;
    else cells += `${open}><v>${xmlEscape(String(slot.value))}</v></c>`;
  }
  const first = columns[0];
  const last = columns[columns.length - 1];
  const open =
    `<row r="${number}"` +
    (height ? ` ht="${height}" customHeight="1"` : '') +
    (first !== undefined ? ` spans="${first}:${last}"` : '') +
    ` x14ac:dyDescent="${DY_DESCENT}"`;
  return cells ? `${open}>${cells}</row>` : `${open}/>`;
}

/** `<cols>`: runs of equal width; a column of the default width is left out. */
function colsXml(widths: readonly number[]): string {
  const runs: { min: number; max: number; width: number }[] = [];
  let run: (typeof runs)[number] | null = null;
  widths.forEach((width, index) => {
    if (width === DEFAULT_COLUMN_WIDTH) run = null;
    else if (run && run.width === width) run.max = index + 1;
    else {
      run = { min: index + 1, max: index + 1, width };
      runs.push(run);
    }
  });
  if (runs.length === 0) return '';
  return `<cols>${runs.map((r) => leaf('col', { ...r, customWidth: '1' })).join('')}</cols>`;
}

/** Merges the ranges into the rows' slots: each covered cell takes its range's first cell's look. */
function applyMerges(merges: readonly CellRange[], rows: Map<number, Map<number, Slot>>): void {
  const done: CellRange[] = [];
  const slotsOf = (row: number) => {
    let slots = rows.get(row);
    if (!slots) {
      slots = new Map();
      rows.set(row, slots);
    }
    return slots;
  };
  for (const range of merges) {
    const overlaps = (d: CellRange) =>
      d.left <= range.right && range.left <= d.right && d.top <= range.bottom && range.top <= d.bottom;
    if (done.some(overlaps)) throw new Error('Cannot merge already merged cells');
    const first = slotsOf(range.top);
    let master = first.get(range.left);
    if (!master) {
      master = { value: null, look: undefined };
      first.set(range.left, master);
    }
    for (let row = range.top; row <= range.bottom; row++) {
      for (let column = range.left; column <= range.right; column++) {
        if (row > range.top || column > range.left)
          slotsOf(row).set(column, { value: null, merged: true, look: master.look });
      }
    }
    done.push(range);
  }
}

const WORKSHEET_OPEN =
  `${XML_DECLARATION}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` +
  ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' +
  ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"' +
  ' mc:Ignorable="x14ac"' +
  ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">' +
  // Printed, a sheet is one page wide (landscape), as many pages long as it takes.
  '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
const WORKSHEET_FORMAT =
  '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>';
const WORKSHEET_CLOSE =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9" orientation="landscape" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="0"/>' +
  '</worksheet>';

function sheetXml(sheet: SheetModel, styles: Styles, strings: SharedStrings, options: WriteOptions): string {
  const parts: string[] = [WORKSHEET_OPEN];
  if (sheet.frozenRows > 0) {
    const split = sheet.frozenRows;
    const pane = leaf('pane', {
      ySplit: split,
      topLeftCell: address(split + 1, 1),
      activePane: 'bottomLeft',
      state: 'frozen',
    });
    parts.push(
      `<sheetViews><sheetView workbookViewId="0">${pane}<selection pane="bottomLeft"/></sheetView></sheetViews>`,
    );
  }
  parts.push(WORKSHEET_FORMAT);
  // The columns are written with the first row, and not at all in a sheet without rows.
  let started = false;
  const start = () => {
    if (!started) parts.push(colsXml(sheet.columns), '<sheetData>');
    started = true;
  };
  let number = 0;
  // A row's XML is made by concatenation: a rope of a few dozen pieces until it is read whole. Rows
  // are joined into one flat string a batch at a time, or a sheet of 100,000 rows held its ropes
  // (about 1.5 KB a row) until the end.
  let batch: string[] = [];
  const push = (xml: string) => {
    batch.push(xml);
    if (batch.length >= ROW_BATCH) {
      parts.push(batch.join(''));
      batch = [];
    }
  };
  if (sheet.merges.length === 0) {
    // Each row is written as it comes: a large sheet is never held whole.
    for (const model of sheet.rows) {
      number += 1;
      start();
      push(rowXml(number, model.height, rowSlots(model, number, sheet.name, options), styles, strings));
    }
  } else {
    const rows = new Map<number, Map<number, Slot>>();
    const heights = new Map<number, number | undefined>();
    for (const model of sheet.rows) {
      number += 1;
      rows.set(number, rowSlots(model, number, sheet.name, options));
      heights.set(number, model.height);
    }
    applyMerges(sheet.merges, rows);
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      start();
      push(rowXml(row, heights.get(row), rows.get(row) as Map<number, Slot>, styles, strings));
    }
  }
  parts.push(batch.join(''));
  if (!started) parts.push('<sheetData>');
  parts.push('</sheetData>');
  if (sheet.autoFilter) parts.push(leaf('autoFilter', { ref: rangeRef(sheet.autoFilter) }));
  if (sheet.merges.length > 0) {
    parts.push(`<mergeCells count="${sheet.merges.length}">`);
    for (const range of sheet.merges) parts.push(`<mergeCell ref="${rangeRef(range)}"/>`);
    parts.push('</mergeCells>');
  }
  parts.push(WORKSHEET_CLOSE);
  return parts.join('');
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relationships = (list: [id: string, type: string, target: string][]) =>
  `${XML_DECLARATION}\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  list.map(([Id, Type, Target]) => leaf('Relationship', { Id, Type, Target })).join('') +
  '</Relationships>';

function contentTypes(sheets: number, sharedStrings: boolean): string {
  const type = (kind: string) => `application/vnd.openxmlformats-officedocument.${kind}`;
  const override = (PartName: string, ContentType: string) => leaf('Override', { PartName, ContentType });
  let xml =
    `${XML_DECLARATION}\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    leaf('Default', { Extension: 'rels', ContentType: 'application/vnd.openxmlformats-package.relationships+xml' }) +
    leaf('Default', { Extension: 'xml', ContentType: 'application/xml' }) +
    override('/xl/workbook.xml', type('spreadsheetml.sheet.main+xml'));
  for (let id = 1; id <= sheets; id++)
    xml += override(`/xl/worksheets/sheet${id}.xml`, type('spreadsheetml.worksheet+xml'));
  xml +=
    override('/xl/theme/theme1.xml', type('theme+xml')) + override('/xl/styles.xml', type('spreadsheetml.styles+xml'));
  if (sharedStrings) xml += override('/xl/sharedStrings.xml', type('spreadsheetml.sharedStrings+xml'));
  // exceljs declared the comments' VML drawings whether or not there were any.
  xml +=
    leaf('Default', { Extension: 'vml', ContentType: type('vmlDrawing') }) +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('/docProps/app.xml', type('extended-properties+xml'));
  return `${xml}</Types>`;
}

function appProperties(names: readonly string[]): string {
  const titles = names.map((name) => textNode('vt:lpstr', name)).join('');
  return (
    `${XML_DECLARATION}\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
    '<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
  );
}

function coreProperties(options: WriteOptions): string {
  const date = options.date.toISOString().replace(/[.]\d{3}/, '');
  const w3c = { 'xsi:type': 'dcterms:W3CDTF' };
  return (
    `${XML_DECLARATION}\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    textNode('dc:creator', 'wenshu') +
    (options.title === undefined ? '' : textNode('dc:title', options.title)) +
    textNode('dc:language', options.language) +
    textNode('cp:lastModifiedBy', 'wenshu') +
    textNode('dcterms:created', date, w3c) +
    textNode('dcterms:modified', date, w3c) +
    '</cp:coreProperties>'
  );
}

function workbookXml(sheets: readonly SheetModel[], firstSheetRel: number): string {
  const entries = sheets.map((sheet, index) =>
    leaf('sheet', { sheetId: index + 1, name: sheet.name, state: 'visible', 'r:id': `rId${firstSheetRel + index}` }),
  );
  // The header rows repeat on every printed page.
  const titles = sheets.flatMap((sheet, index) =>
    sheet.frozenRows > 0
      ? [
          textNode('definedName', `'${sheet.name}'!$1:$${sheet.frozenRows}`, {
            name: '_xlnm.Print_Titles',
            localSheetId: index,
          }),
        ]
      : [],
  );
  return (
    `${XML_DECLARATION}\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
    '<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>' +
    `<sheets>${entries.join('')}</sheets>` +
    (titles.length ? `<definedNames>${titles.join('')}</definedNames>` : '') +
    '<calcPr calcId="171027"/></workbook>'
  );
}

/** The package's parts by path, for `package.ts` to zip. */
export function writeWorkbook(sheets: readonly SheetModel[], options: WriteOptions): Map<string, string> {
  const styles = new Styles();
  const strings = new SharedStrings();
  const parts = new Map<string, string>();
  parts.set('xl/theme/theme1.xml', THEME1_XML);
  parts.set(
    '_rels/.rels',
    relationships([
      ['rId1', `${REL}/officeDocument`, 'xl/workbook.xml'],
      [
        'rId2',
        'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
        'docProps/core.xml',
      ],
      ['rId3', `${REL}/extended-properties`, 'docProps/app.xml'],
    ]),
  );
  sheets.forEach((sheet, index) => {
    parts.set(`xl/worksheets/sheet${index + 1}.xml`, sheetXml(sheet, styles, strings, options));
  });
  const hasStrings = strings.count > 0;
  parts.set('[Content_Types].xml', contentTypes(sheets.length, hasStrings));
  parts.set('docProps/app.xml', appProperties(sheets.map((sheet) => sheet.name)));
  parts.set('docProps/core.xml', coreProperties(options));
  if (hasStrings) parts.set('xl/sharedStrings.xml', strings.xml());
  parts.set('xl/styles.xml', styles.xml());
  const rels: [string, string, string][] = [
    ['rId1', `${REL}/styles`, 'styles.xml'],
    ['rId2', `${REL}/theme`, 'theme/theme1.xml'],
  ];
  if (hasStrings) rels.push(['rId3', `${REL}/sharedStrings`, 'sharedStrings.xml']);
  const firstSheetRel = rels.length + 1;
  sheets.forEach((_, index) => {
    rels.push([`rId${firstSheetRel + index}`, `${REL}/worksheet`, `worksheets/sheet${index + 1}.xml`]);
  });
  parts.set('xl/_rels/workbook.xml.rels', relationships(rels));
  parts.set('xl/workbook.xml', workbookXml(sheets, firstSheetRel));
  return parts;
}
