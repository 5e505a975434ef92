/** Types of widows.mjs (plain JavaScript, so that it runs from the command line too). */
export interface TextLine {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export function textLines(file: string): TextLine[];

export function widowsAndOrphans(lines: TextLine[]): { pages: number; widows: TextLine[]; orphans: TextLine[] };
