import type { Position } from '../ast.js';

/** What kind of thing the parser warns about; stable strings, for filtering. */
export type WarningCode =
  | 'html-comment'
  | 'html-dropped'
  | 'html-unknown'
  | 'unsafe-url'
  | 'too-deep'
  | 'front-matter'
  | 'footnote-unused'
  | 'table-cells'
  | 'invalid-character';

/** Something the parser changed or dropped that the user may want to know about. */
export interface Warning {
  code: WarningCode;
  message: string;
  position?: Position;
}
