/**
 * The 版头 (head) and 版记 (tail) of a 公文 in Word, GB/T 9704-2012 7.2 and 7.4, from the front
 * matter (`documentFrame` in the parser reads the keys), in the styles of frame-styles.ts and as
 * the PDF sets them (export-pdf's document-frame.ts). What depends on the document is set on the
 * paragraph: the 发文机关标志's size (as large as fits, at most 48 pt) and its distance from the top.
 */
import type { DocumentFrame } from '@wenshu/parser';
import { lineHeightPt, mmToPt, ptToTwip, type Theme, textEm } from '@wenshu/theme';
import {
  BorderStyle,
  LineRuleType,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { TAIL_SIZE_PT, THICK_RULE, THIN_RULE } from './frame-styles.js';
import type { StyleIds } from './styles.js';

/** 7.2.4: the top of the 发文机关标志 is 35 mm below the top of the body area (a 下行文). */
const MARK_TOP_MM = 35;
/** The largest 发文机关标志 (pt), as in the PDF. */
const MARK_MAX_PT = 48;

/** 版头: see frame-styles.ts; 签发人 (7.2.6) one character from the right on the 发文字号's line (a right tab). */
export function documentHead(frame: DocumentFrame, theme: Theme, ids: StyleIds, widthTwips: number): Paragraph[] {
  const body = theme.body;
  const pitch = lineHeightPt(body.sizePt, body.lineSpacing);
  const out: Paragraph[] = [];
  for (const text of [frame.copyNumber, frame.secrecy, frame.urgency]) {
    if (text) out.push(new Paragraph({ style: ids.marking, text }));
  }
  if (frame.issuer) {
    const sizePt = Math.min(MARK_MAX_PT, widthTwips / 20 / Math.max(1, textEm(frame.issuer)));
    out.push(
      new Paragraph({
        style: ids.issuerMark,
        spacing: {
          before: ptToTwip(Math.max(0, mmToPt(MARK_TOP_MM) - out.length * pitch)),
          line: ptToTwip(sizePt * 1.2),
          lineRule: LineRuleType.EXACT,
        },
        children: [
          new TextRun({ text: frame.issuer, size: Math.round(sizePt * 2), sizeComplexScript: Math.round(sizePt * 2) }),
        ],
      }),
    );
  }
  const signers = frame.signers ?? [];
  if (frame.docNumber || signers.length > 0) {
    const em = ptToTwip(body.sizePt);
    const signed = signers.length > 0;
    out.push(
      new Paragraph({
        style: ids.documentNumber,
        // One character in from each side (7.2.5, 7.2.6): a full-width space and a right tab one
        // character short of the margin, not indents, so the red rule under it spans the body.
        ...(signed ? { alignment: 'left', tabStops: [{ type: TabStopType.RIGHT, position: widthTwips - em }] } : {}),
        children: [
          new TextRun({ text: signed ? `　${frame.docNumber ?? ''}` : (frame.docNumber ?? '') }),
          ...(signed
            ? [
                new TextRun({ text: '\t签发人：' }),
                new TextRun({ text: signers.join('　'), font: { eastAsia: theme.fonts.kai.eastAsia } }),
              ]
            : []),
        ],
      }),
    );
  }
  return out;
}

/**
 * 版记: 抄送 and 印发 in a table of one column whose borders are the rules (thick over and under,
 * thin between, 7.4.1), floating at the bottom of the body area (`w:tblpPr`, ECMA-376 Part 1
 * §17.4.58) on the page where the body ends. Word cannot put it on an even page by itself (a section
 * break to an even page would waste a page when the body ends on an even page with room): the PDF
 * does. LibreOffice 7 lays such a table in the flow under the closing instead of at the foot.
 */
export function documentTail(frame: DocumentFrame, ids: StyleIds, widthTwips: number): Table[] {
  const em = ptToTwip(TAIL_SIZE_PT);
  const rows: Paragraph[] = [];
  if (frame.copyTo) rows.push(new Paragraph({ style: ids.copyTo, text: `抄送：${frame.copyTo}` }));
  if (frame.printedBy || frame.printedDate) {
    rows.push(
      new Paragraph({
        style: ids.printedBy,
        tabStops: [{ type: TabStopType.RIGHT, position: widthTwips - em }],
        text: `${frame.printedBy ?? ''}\t${frame.printedDate ?? ''}`,
      }),
    );
  }
  if (rows.length === 0) return [];
  const thick = { style: BorderStyle.SINGLE, size: THICK_RULE, color: 'auto' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return [
    new Table({
      width: { size: widthTwips, type: WidthType.DXA },
      columnWidths: [widthTwips],
      layout: TableLayoutType.FIXED,
      float: {
        horizontalAnchor: TableAnchorType.MARGIN,
        verticalAnchor: TableAnchorType.MARGIN,
        relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
        relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      },
      margins: { left: 0, right: 0 },
      borders: {
        top: thick,
        bottom: thick,
        left: none,
        right: none,
        insideHorizontal: { style: BorderStyle.SINGLE, size: THIN_RULE, color: 'auto' },
        insideVertical: none,
      },
      rows: rows.map(
        (paragraph) =>
          new TableRow({
            children: [new TableCell({ width: { size: widthTwips, type: WidthType.DXA }, children: [paragraph] })],
          }),
      ),
    }),
  ];
}
