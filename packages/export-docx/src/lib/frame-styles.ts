/**
 * Styles of the frame around a 公文's body (GB/T 9704-2012 section 7), which a template can restyle:
 * the elements the parser marks (paragraph.element) and the 版头/版记 lines from front matter.
 */
import { ATTACHMENT_LABEL_EM, lineHeightPt, mmToPt, ptToTwip, SIGNATURE_RIGHT_EM, type Theme } from '@wenshu/theme';
import { AlignmentType, BorderStyle, type IParagraphStyleOptions } from 'docx';
import { firstLineIndent, run, type StyleDefinition, type StyleRole } from './styles.js';

/** Red of the 发文机关标志 and the separator under the 发文字号 (7.2.4, 7.2.7), as the PDF draws them. */
export const FRAME_RED = 'E60012';
/** 7.2.7: the red separator 4 mm under the 发文字号 (a border's space is in points). */
const SEPARATOR_GAP_MM = 4;
/** 7.4.2–7.4.3: 抄送 and 印发 lines in 4号 (14 pt). */
export const TAIL_SIZE_PT = 14;
/** 7.4.1: the 版记's first and last rules 0.35 mm (8 eighths of a point ≈ 0.35 mm), the one between 0.25 mm (6). */
export const THICK_RULE = 8;
export const THIN_RULE = 6;

export function frameStyleDefinitions(theme: Theme): StyleDefinition[] {
  const body = theme.body;
  const noIndent = firstLineIndent(0, body.sizePt);
  const blankLine = ptToTwip(lineHeightPt(body.sizePt, body.lineSpacing));
  const defs: StyleDefinition[] = [];
  const element = (role: StyleRole, paragraph: NonNullable<IParagraphStyleOptions['paragraph']>, extra = {}) =>
    defs.push({ role, options: { basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph, ...extra } });

  // The frame around the body (paragraph.element), in Word's own styles where it has one (Subtitle,
  // Salutation, Signature, Date): lines under the title centred; the addressee and salutation
  // flush left (GB/T 9704 7.3.3); signatures and dates at the right, two characters in (7.3.5.2;
  // a signature over its date gets the pair's own right indents on the paragraph, see
  // handlers/text-blocks.ts), a blank line over the signature; 附件说明 a blank line under the
  // body, two characters in, the names after the first under it (7.3.4: a hanging indent of
  // `附件：`); 附注 two characters in (7.3.6); a boundary between two articles centred under a rule.
  const rightIn = { right: ptToTwip(SIGNATURE_RIGHT_EM * body.sizePt), ...noIndent };
  element('subtitle', { alignment: AlignmentType.CENTER, indent: noIndent, keepNext: true });
  element('byline', { alignment: AlignmentType.CENTER, indent: noIndent, keepNext: true });
  element('addressee', { alignment: AlignmentType.LEFT, indent: noIndent });
  element('salutation', { alignment: AlignmentType.LEFT, indent: noIndent });
  element('signature', {
    alignment: AlignmentType.RIGHT,
    indent: rightIn,
    keepNext: true,
    spacing: { before: blankLine },
  });
  // The date keeps a 附注 under it on its page; signature, date and note are one block.
  element('date', { alignment: AlignmentType.RIGHT, indent: rightIn, keepNext: true });
  const hang = ATTACHMENT_LABEL_EM * body.sizePt;
  element('attachments', {
    alignment: AlignmentType.LEFT,
    // firstLineChars 0 overrides Normal's 200 (Word reads it before any twips), the hanging indent then applies.
    indent: { left: ptToTwip(body.indentChars * body.sizePt + hang), hanging: ptToTwip(hang), firstLineChars: 0 },
    spacing: { before: blankLine },
  });
  element('note', { alignment: AlignmentType.LEFT });
  element('boundary', {
    alignment: AlignmentType.CENTER,
    indent: noIndent,
    border: { top: { style: BorderStyle.SINGLE, size: 6, space: 4, color: 'auto' } },
    spacing: { before: ptToTwip(body.sizePt / 2) },
  });

  // 版头 (7.2): 份号, 密级, 紧急程度 flush left in 黑; the 发文机关标志 red and centred in the title face
  // (its size and its distance from the top are set on the paragraph, from its length and the
  // lines above it); the 发文字号 centred with the red separator 4 mm under it and two blank lines
  // before the title.
  element('marking', { alignment: AlignmentType.LEFT, indent: noIndent }, { run: run(theme, 'hei', body.sizePt) });
  element(
    'issuerMark',
    { alignment: AlignmentType.CENTER, indent: noIndent, keepNext: true },
    { run: { ...run(theme, 'title', theme.title.sizePt), color: FRAME_RED } },
  );
  element('documentNumber', {
    alignment: AlignmentType.CENTER,
    indent: noIndent,
    spacing: { before: 2 * blankLine, after: 2 * blankLine },
    border: {
      bottom: { style: BorderStyle.SINGLE, size: 8, space: Math.round(mmToPt(SEPARATOR_GAP_MM)), color: FRAME_RED },
    },
  });

  // 版记 (7.4): 4号 仿宋 one character in from each side, 抄送 running on after its colon; 印发机关
  // left and 印发日期 right (a right tab). The rules are the borders of their table (document-frame.ts).
  const em = ptToTwip(TAIL_SIZE_PT);
  const tailRun = { run: run(theme, 'fang', TAIL_SIZE_PT) };
  element(
    'copyTo',
    {
      alignment: AlignmentType.LEFT,
      indent: { left: 4 * em, hanging: 3 * em, right: em, firstLineChars: 0 },
      keepNext: true,
    },
    tailRun,
  );
  element(
    'printedBy',
    {
      alignment: AlignmentType.LEFT,
      indent: { left: em, right: em, ...noIndent },
    },
    tailRun,
  );
  return defs;
}
