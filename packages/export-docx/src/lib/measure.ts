/**
 * Text widths for estimating the page numbers of the table of contents. The Chinese faces a report
 * uses (宋体, 仿宋_GB2312…) are not among the widths docx's layout knows, so it is given these: East
 * Asian characters are one em wide in every such face; Latin text is measured with average
 * Times New Roman-like widths. Page numbers are an estimate either way (Word recomputes them when
 * it updates the table).
 */
import type { FontToMeasure } from 'docx/layout';

const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u2014\u2026\u201C\u201D\u2018\u2019]/u;

function latinEm(ch: string): number {
  if (ch === ' ') return 0.25;
  if (/[0-9]/.test(ch)) return 0.5;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[fijlrt]/.test(ch)) return 0.3;
  if (/[mw]/.test(ch)) return 0.75;
  if (/[a-z]/.test(ch)) return 0.48;
  if (/[.,:;'!|]/.test(ch)) return 0.27;
  return 0.5;
}

export function measureWidth(text: string, font: FontToMeasure): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    em += WIDE.test(ch) || code >= 0x20000 ? 1 : latinEm(ch);
  }
  return em * font.size * (font.bold ? 1.03 : 1);
}
