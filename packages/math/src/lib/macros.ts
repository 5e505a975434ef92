/**
 * Text-mode commands OCR output puts inside formulas (`\mathrm { ~ \textdegree C }`), which neither Temml
 * nor MathJax defines in math mode, as the characters they stand for. One table for both converters, so
 * a formula converts in the Word output exactly when it does in the PDF.
 */
export const MACROS: Readonly<Record<string, string>> = {
  textdegree: '{°}',
  degree: '{°}',
  textregistered: '{®}',
  copyright: '{©}',
  textcopyright: '{©}',
  texttrademark: '{™}',
  AA: '{Å}',
  textmu: '{μ}',
  textperthousand: '{‰}',
  textmd: '\\textrm',
  Nu: '{\\mathrm{N}}',
  textcircled: '\\enclose{circle}{\\kern{0.1em}\\text{#1}\\kern{0.1em}}',
};

/** The table for Temml: names with their backslash; `\textcircled` is Temml's own. */
export function temmlMacros(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, body] of Object.entries(MACROS)) if (name !== 'textcircled') out[`\\${name}`] = body;
  return out;
}

/** The table for MathJax's configmacros: `[body, argument count]` where the macro takes arguments. */
export function mathjaxMacros(): Record<string, string | [string, number]> {
  const out: Record<string, string | [string, number]> = {};
  for (const [name, body] of Object.entries(MACROS)) out[name] = body.includes('#1') ? [body, 1] : body;
  return out;
}
