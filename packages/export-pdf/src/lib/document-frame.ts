/**
 * The 版头 (head) and 版记 (tail) of a 公文, GB/T 9704-2012 7.2 and 7.4, from the front matter
 * (`documentFrame` in the parser reads the keys). Set as the DOCX sets them (document-frame.ts there).
 */
import type { DocumentFrame } from '@wenshu/parser';
import { mmToPt, textEm } from '@wenshu/theme';
import type { BlockStyle } from './page.js';
import type { Content } from './pdf/definition.js';
import type { Context, State } from './state.js';
import { textRun } from './text/runs.js';

/** Red of the 发文机关标志 and the separator (7.2.4, 7.2.7). */
export const FRAME_RED = '#E60012';
/** 7.2.4: the top of the 发文机关标志 is 35 mm below the top of the body area (a 下行文). */
const MARK_TOP_MM = 35;
/** The largest 发文机关标志: a name short enough is not set larger than this (pt). */
const MARK_MAX_PT = 48;
/** 7.2.7: the red separator is 4 mm under the 发文字号. */
const SEPARATOR_GAP_MM = 4;
/** 7.4.1: the first and last rules of the 版记 0.35 mm, the ones between 0.25 mm. */
const THICK_MM = 0.35;
const THIN_MM = 0.25;
/** 7.4.2: 抄送 and 印发 lines in 4号 (14 pt). */
const TAIL_SIZE_PT = 14;
/** How much higher than the body area's lower edge the 版记 is drawn (pt), against rounding in the layout. */
const ROUNDING = 0.5;
/** The destination name of the 版记's spacer: the page-break hook finds it by this. */
export const TAIL_ID = 'document-frame-tail';

function rule(width: number, thickness: number, color: string, margin: [number, number, number, number]): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: thickness, lineColor: color }],
    margin,
  };
}

function line(state: State, context: Context, text: string, block: BlockStyle, color?: string): Content[] {
  return state.text([textRun(text, color ? { color } : {})], { ...context, block });
}

/**
 * 版头: 份号, 密级和保密期限, 紧急程度 flush left on the first lines (7.2.1–7.2.3); the 发文机关标志 in
 * red, centred, its top 35 mm under the body area's top (7.2.4); two lines under it the 发文字号,
 * centred, or flush left one character in with 签发人 one character from the right (7.2.5, 7.2.6);
 * the red separator 4 mm under that line (7.2.7); the title then starts two lines lower (7.3.1).
 */
export function documentHead(state: State, frame: DocumentFrame, context: Context): Content[] {
  const body = state.styles.body;
  const em = body.sizePt;
  const left: BlockStyle = { ...body, indentPt: 0, align: 'left', beforePt: 0, afterPt: 0 };
  const out: Content[] = [];
  let used = 0;
  if (frame.copyNumber) out.push(...line(state, context, frame.copyNumber, left));
  if (frame.secrecy) out.push(...line(state, context, frame.secrecy, { ...left, role: 'hei' }));
  if (frame.urgency) out.push(...line(state, context, frame.urgency, { ...left, role: 'hei' }));
  used = out.length * body.pitchPt;
  if (frame.issuer) {
    const sizePt = Math.min(MARK_MAX_PT, context.width / Math.max(1, textEm(frame.issuer)));
    const mark: BlockStyle = {
      ...left,
      role: 'title',
      sizePt,
      align: 'center',
      pitchPt: sizePt * 1.2,
      spacingPt: 0,
      beforePt: Math.max(0, mmToPt(MARK_TOP_MM) - used),
    };
    out.push(...line(state, context, frame.issuer, mark, FRAME_RED));
  }
  const signers = frame.signers ?? [];
  if (frame.docNumber || signers.length > 0) {
    const gap = frame.issuer ? 2 * body.pitchPt : 0;
    if (signers.length > 0) {
      // 上行文: the number one character in from the left, 签发人 one character in from the right.
      const label = [textRun('签发人：', {}), textRun(signers.join('　'), { role: 'kai' })];
      const right = state.text(label, { ...context, block: { ...left, align: 'right', rightPt: em } });
      const number = frame.docNumber ? line(state, context, frame.docNumber, { ...left, indentPt: em }) : [];
      out.push({
        columns: [
          { width: '*', stack: number },
          { width: '*', stack: right },
        ],
        margin: [0, gap, 0, 0],
      });
    } else if (frame.docNumber) {
      out.push(...line(state, context, frame.docNumber, { ...left, align: 'center', beforePt: gap }));
    }
  }
  if (out.length === 0) return out;
  out.push(rule(context.width, 1, FRAME_RED, [0, mmToPt(SEPARATOR_GAP_MM), 0, 2 * body.pitchPt]));
  return out;
}

/** How tall the 版记 is (pt): its lines at the body's pitch and the rules. */
function tailHeight(lines: number, pitch: number): number {
  return lines * pitch;
}

/**
 * 版记 (7.4): 抄送 one character in from each side, a name that runs on aligned after the colon;
 * 印发机关 one character in from the left and 印发日期 one from the right on the last line; thick
 * rules above the first line and under the last, a thin one between. Drawn at the foot of the page
 * (the last rule on the body area's lower edge) after a spacer as tall as itself, on an even page
 * (the 版记 is on the last page, 封四): see the marker below.
 */
export function documentTail(state: State, frame: DocumentFrame, context: Context): Content[] {
  if (!frame.copyTo && !frame.printedBy && !frame.printedDate) return [];
  const body = state.styles.body;
  const pitch = body.pitchPt;
  const em = TAIL_SIZE_PT;
  const small: BlockStyle = {
    ...body,
    role: 'fang',
    sizePt: TAIL_SIZE_PT,
    indentPt: 0,
    align: 'left',
    beforePt: 0,
    afterPt: 0,
    spacingPt: 0,
  };
  const width = context.width;
  const parts: Content[] = [rule(width, mmToPt(THICK_MM), '#000000', [0, 0, 0, 0])];
  let lines = 0;
  if (frame.copyTo) {
    const hang = 3 * em;
    const copy = line(state, context, `抄送：${frame.copyTo}`, {
      ...small,
      leftPt: em + hang,
      indentPt: -hang,
      rightPt: em,
    });
    parts.push(...copy);
    lines += copy.reduce((sum, content) => sum + Math.round(state.estimate(content) / pitch), 0);
    parts.push(rule(width, mmToPt(THIN_MM), '#000000', [0, 0, 0, 0]));
  }
  if (frame.printedBy || frame.printedDate) {
    parts.push({
      columns: [
        { width: '*', stack: frame.printedBy ? line(state, context, frame.printedBy, { ...small, leftPt: em }) : [] },
        {
          width: 'auto',
          stack: frame.printedDate ? line(state, context, frame.printedDate, { ...small, rightPt: em }) : [],
        },
      ],
    });
    lines += 1;
  }
  parts.push(rule(width, mmToPt(THICK_MM), '#000000', [0, 0, 0, 0]));
  const height = tailHeight(lines, pitch);
  const [marginLeft, marginTop] = state.page.margins;
  const invisible = (y: number): Content => ({
    canvas: [{ type: 'line', x1: 0, y1: y, x2: 0.01, y2: y, lineWidth: 0.01, lineColor: '#FFFFFF' }],
  });
  return [
    // The spacer keeps the flow off the 版记's room (a canvas is as tall as its lowest point). The
    // marker after it is on the page the 版记 is drawn on: the hook moves it to a fresh page when
    // that page is odd. A break before the spacer itself would not do: when the spacer does not fit
    // on an even page it runs onto the next, odd page, and a break before it lands there too.
    invisible(height),
    { ...invisible(0), id: TAIL_ID },
    { stack: parts, absolutePosition: { x: marginLeft, y: marginTop + state.page.bodyHeightPt - height - ROUNDING } },
  ];
}

/** Where pdfmake laid a node out, as it records it on the node during each layout. */
interface LaidOut {
  positions?: { pageNumber: number; top: number }[];
}

/**
 * The pages that carry no page number (GB/T 9704 7.5: 版记页前有空白页的，空白页和版记页均不编排页码):
 * when the 版记 had to go to the next even page and left the page before it empty (its spacer alone at
 * the top of a page, the 版记 drawn on a later one), that empty page and the 版记's. Read from the
 * positions pdfmake records on the tail's nodes during the layout the footers belong to.
 */
export function unnumberedPages(tail: readonly Content[], bodyTopPt: number): Set<number> {
  // pdfmake records `positions` on the nodes it laid out, which its document types do not declare.
  const [spacer, marker] = tail as unknown as readonly [LaidOut | undefined, LaidOut | undefined];
  const at = spacer?.positions?.[0];
  const markerPage = marker?.positions?.[0]?.pageNumber;
  if (!at || markerPage === undefined || markerPage <= at.pageNumber) return new Set();
  // Alone on its page: it starts at the top of the body area.
  if (Math.abs(at.top - bodyTopPt) > 1) return new Set();
  return new Set([at.pageNumber, markerPage]);
}
