import type { Point, Position } from '../ast.js';

/** Turns offsets into line/column points for one source text (binary search over line starts). */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.source.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (this.lineStarts[low] ?? 0) + 1, offset: clamped };
  }

  position(startOffset: number, endOffset: number): Position {
    return { start: this.point(startOffset), end: this.point(endOffset) };
  }
}

/** The position of an unist node, copied into our own plain shape (drops `_index` and friends). */
export function copyPosition(
  position:
    | {
        start: { line: number; column: number; offset?: number | undefined };
        end: { line: number; column: number; offset?: number | undefined };
      }
    | undefined,
): Position | undefined {
  if (!position) return undefined;
  return {
    start: { line: position.start.line, column: position.start.column, offset: position.start.offset ?? 0 },
    end: { line: position.end.line, column: position.end.column, offset: position.end.offset ?? 0 },
  };
}
