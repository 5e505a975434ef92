import type { Position } from '../ast.js';

/** What kind of thing the parser warns about; stable strings, for filtering. */
export type WarningCode =
  | 'html-comment'
  | 'html-dropped'
  | 'html-unknown'
  | 'unsafe-url'
  | 'too-deep'
  | 'too-dense'
  | 'front-matter'
  | 'footnote-unused'
  | 'table-cells'
  | 'invalid-character';

/** Why an exporter could not render a node as written: the codes DOCX and PDF share. */
export type ExportWarningCode =
  | 'image-missing'
  | 'image-remote'
  | 'image-outside'
  | 'image-unsupported'
  | 'image-damaged'
  | 'link-refused'
  | 'footnote-missing'
  /** A table did not fit the text width as it was: its font was made smaller, its page turned, or it was split. */
  | 'table-fit'
  /** A TeX formula could not be typeset (unknown command, unbalanced braces): its TeX is shown as written. */
  | 'math-unconverted';

/**
 * What an exporter could not render as written, in one shape for DOCX, PDF and XLSX: a stable code
 * for filtering, a message, and where in the source the node came from when that is known.
 */
export interface ExportWarning<Code extends string = string> {
  code: Code;
  message: string;
  /** The source line (1-based), when known. */
  line?: number;
  /** The column on that line (1-based), when known. */
  column?: number;
}

/** An exporter's warning about a node at `position` (its start), or about the whole document. */
export function exportWarning<Code extends string>(
  code: Code,
  message: string,
  position?: Position,
): ExportWarning<Code> {
  const start = position?.start;
  return start ? { code, message, line: start.line, column: start.column } : { code, message };
}

/** Something the parser changed or dropped that the user may want to know about. */
export interface Warning {
  code: WarningCode;
  message: string;
  position?: Position;
}
