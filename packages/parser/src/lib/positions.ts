import type { Point, Position } from '../ast.js';

/** Text removed from the source before parsing: `length` characters at `at` (an offset in the parsed text). */
export interface Cut {
  at: number;
  length: number;
}

/** Start offsets of the lines of a text. `\r\n`, `\r` and `\n` end a line, as in CommonMark. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index of the last element `<= value` in a sorted array (0 when none is). */
export function floorIndex(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((sorted[mid] ?? 0) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Turns offsets in the text the Markdown parser read into points of the source file. The two differ
 * only when the parser read a guarded copy with some text cut out (nesting beyond the limit, see
 * `nesting.ts`); offsets are then shifted back past the cuts.
 */
export class LineIndex {
  private readonly lineStarts: number[];
  private readonly parsedLineStarts: number[];
  private readonly cutAt: number[] = [];
  /** Characters removed at or before `cutAt[i]`. */
  private readonly cutTotal: number[] = [];

  constructor(
    private readonly source: string,
    private readonly parsed: string = source,
    cuts: readonly Cut[] = [],
  ) {
    this.lineStarts = lineStartsOf(source);
    this.parsedLineStarts = parsed === source ? this.lineStarts : lineStartsOf(parsed);
    let total = 0;
    for (const cut of cuts) {
      total += cut.length;
      this.cutAt.push(cut.at);
      this.cutTotal.push(total);
    }
  }

  /** Offset in the source of an offset in the parsed text. */
  sourceOffset(parsedOffset: number): number {
    if (this.cutAt.length === 0 || parsedOffset < (this.cutAt[0] ?? 0)) return parsedOffset;
    return parsedOffset + (this.cutTotal[floorIndex(this.cutAt, parsedOffset)] ?? 0);
  }

  /** The point of an offset in the parsed text. */
  point(parsedOffset: number): Point {
    return this.sourcePoint(this.sourceOffset(parsedOffset));
  }

  /** The point of an offset in the source. */
  sourcePoint(sourceOffset: number): Point {
    const offset = Math.max(0, Math.min(sourceOffset, this.source.length));
    const line = floorIndex(this.lineStarts, offset);
    return { line: line + 1, column: offset - (this.lineStarts[line] ?? 0) + 1, offset };
  }

  position(startOffset: number, endOffset: number): Position {
    return { start: this.point(startOffset), end: this.point(endOffset) };
  }

  /** Our own plain copy of a unist position (which carries `_index` and friends), in source terms. */
  fromUnist(position: UnistPosition | undefined): Position | undefined {
    if (!position) return undefined;
    const { start, end } = position;
    if (this.cutAt.length === 0 || start.offset === undefined || end.offset === undefined) {
      return {
        start: { line: start.line, column: start.column, offset: start.offset ?? 0 },
        end: { line: end.line, column: end.column, offset: end.offset ?? 0 },
      };
    }
    return this.position(start.offset, end.offset);
  }

  /** 0-based line of an offset in the parsed text. */
  parsedLine(parsedOffset: number): number {
    return floorIndex(this.parsedLineStarts, parsedOffset);
  }

  /** Offset in the parsed text where a 0-based line ends (before its line ending). */
  parsedLineEnd(line: number): number {
    const next = this.parsedLineStarts[line + 1];
    if (next === undefined) return this.parsed.length;
    let end = next;
    if (this.parsed.charCodeAt(end - 1) === 10) end--;
    if (this.parsed.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

interface UnistPosition {
  start: { line: number; column: number; offset?: number | undefined };
  end: { line: number; column: number; offset?: number | undefined };
}
