/**
 * TeX formulas as Word equations: `m:oMath` inside the paragraph for inline math, a paragraph of its own
 * holding `m:oMathPara` for display math (ECMA-376 Part 1 §22.1.2.77 oMath, §22.1.2.78 oMathPara).
 *
 * The OMML comes from @wenshu/math as XML text (Temml → mathml2omml). docx's own Math classes cover a small
 * part of OMML (no matrices, accents, n-ary limits as mathml2omml writes them), so the text is parsed into
 * docx components with `ImportedXmlComponent.fromXmlString` and placed where docx expects a run: docx writes
 * it through as it is. document.xml's root already declares the `m` and `w` namespaces, so the copies on
 * each `m:oMath` are removed.
 *
 * A formula that does not convert is its TeX in the code face, with a `math-unconverted` warning.
 */

import { texToOmml } from '@wenshu/math';
import type { InlineMath, Math as MathNode, Position } from '@wenshu/parser';
import { AlignmentType, ImportedXmlComponent, LineRuleType, Paragraph, type ParagraphChild, TextRun } from 'docx';
import type { Block, Context, State } from '../state.js';
import { textRun } from './phrasing.js';

const NAMESPACES = / xmlns:[mw]="[^"]*"/g;

/** The `m:oMath` element of a formula, or why it could not be made. */
function omml(tex: string, display: boolean): { ok: true; xml: string } | { ok: false; reason: string } {
  const result = texToOmml(tex, { display });
  if (!result.ok) return { ok: false, reason: result.reason };
  return { ok: true, xml: result.value.replace(/^<m:oMath[^>]*>/, (open) => open.replace(NAMESPACES, '')) };
}

/** The OMML as a docx component that goes where a run goes (docx's types list only its own classes). */
function component(xml: string): ParagraphChild {
  return ImportedXmlComponent.fromXmlString(xml) as unknown as ParagraphChild;
}

function warnUnconverted(state: State, reason: string, position: Position | undefined): void {
  state.warn('math-unconverted', `formula not converted (${reason}); its TeX is shown`, position);
}

/** Inline math: an equation in the line, or its TeX in the code face. */
export function inlineMath(state: State, node: InlineMath, context: Context): ParagraphChild[] {
  const result = omml(node.value, false);
  if (result.ok) return [component(result.xml)];
  warnUnconverted(state, result.reason, node.position);
  return [textRun(node.value, { ...context.run, style: state.ids.verbatim })];
}

/** Source lines as runs separated by line breaks. */
function lines(value: string): ParagraphChild[] {
  return value
    .split('\n')
    .flatMap((line, index) => [
      ...(index > 0 ? [new TextRun({ break: 1 })] : []),
      ...(line === '' ? [] : [new TextRun({ text: line })]),
    ]);
}

/**
 * Display math: a centred equation paragraph. Its line spacing is automatic, never the theme's exact pitch,
 * which would crop a fraction or a sum to one text line's height.
 */
export function math(state: State, node: MathNode, _context: Context): Block[] {
  const result = omml(node.value, true);
  if (!result.ok) {
    warnUnconverted(state, result.reason, node.position);
    return [new Paragraph({ style: state.ids.displayMath, children: lines(node.value) })];
  }
  const para = `<m:oMathPara><m:oMathParaPr><m:jc m:val="center"/></m:oMathParaPr>${result.xml}</m:oMathPara>`;
  return [
    new Paragraph({
      style: state.ids.displayMath,
      alignment: AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO },
      children: [component(para)],
    }),
  ];
}
