/**
 * `\tag{…}` numbers a display formula. Converters lay a tagged formula out as a full-width three-column table
 * (Temml's MathML, MathJax's SVG), which Word shows as a matrix and pdfmake cannot size. The number is taken
 * out instead and set after the formula with a wide space, the way a reader sees it.
 */
const TAG = /\\tag\*?\s*\{([^{}]*)\}/;

/** The formula without its `\tag{…}`, and the tag's text (`(3)`), if it had one. */
export function splitTag(tex: string): { body: string; tag: string | undefined } {
  const match = TAG.exec(tex);
  if (!match) return { body: tex, tag: undefined };
  const starred = match[0].startsWith('\\tag*');
  const label = (match[1] ?? '').trim();
  return { body: tex.replace(TAG, ' ').trim(), tag: starred ? label : `(${label})` };
}

/** The formula with its tag set as text after a `\qquad`. */
export function inlineTag(tex: string): string {
  const { body, tag } = splitTag(tex);
  if (tag === undefined) return tex;
  return `${body} \\qquad \\text{${tag.replace(/[{}\\]/g, '')}}`;
}
