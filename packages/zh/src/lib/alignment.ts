/**
 * How a converted string lines up with its source, so that a block converted as a whole can be
 * cut back into its inline nodes.
 *
 * A conversion is a sequence of chunks: `sourceLengths[i]` code units of source became
 * `outputs[i]`. Chunks come from dictionary matches (a phrase is one chunk) and from composing
 * the stages of a conversion (a later stage's phrase that spans several earlier chunks merges
 * them). Mapping a source offset to an output offset:
 * - at a chunk edge, it maps to the same edge of the output;
 * - inside a chunk that keeps its number of characters (软件 → 軟體, 鼠标 → 滑鼠, every
 *   character-by-character conversion), character k maps to character k: formatting keeps
 *   covering as many characters as it did;
 * - inside a chunk that changes length (a Taiwan phrase such as 老挝人民民主共和国 → 寮人民民主共和國),
 *   no character correspondence exists, so the whole chunk goes to the node where it starts: the
 *   offset maps to the chunk's output end.
 * Neighbouring chunks that both keep their number of characters map the same way merged as
 * apart, so {@link Alignment.push} merges them: a long text is a handful of chunks.
 */
export class Alignment {
  readonly sourceLengths: number[] = [];
  readonly outputs: string[] = [];
  private lastKeepsLength = false;

  /** Adds a chunk; `keepsLength` says `output` has as many characters as its source. */
  push(sourceLength: number, output: string, keepsLength: boolean): void {
    const last = this.outputs.length - 1;
    if (keepsLength && this.lastKeepsLength && last >= 0) {
      this.sourceLengths[last] = (this.sourceLengths[last] as number) + sourceLength;
      this.outputs[last] += output;
    } else if (sourceLength > 0 || output !== '') {
      this.sourceLengths.push(sourceLength);
      this.outputs.push(output);
      this.lastKeepsLength = keepsLength;
    }
  }

  /** Adds the chunks of `other`, whose source follows this one's. */
  append(other: Alignment, source: string, sourceStart: number): void {
    let offset = sourceStart;
    for (let i = 0; i < other.outputs.length; i++) {
      const length = other.sourceLengths[i] as number;
      const output = other.outputs[i] as string;
      this.push(length, output, keepsCharacterCount(source, offset, offset + length, output));
      offset += length;
    }
  }

  /** The converted text. */
  output(): string {
    return this.outputs.join('');
  }
}

/** `first` (over `source`, giving a middle text) followed by `second` (over that middle text). */
export function composeAlignments(source: string, first: Alignment, second: Alignment): Alignment {
  const result = new Alignment();
  let i = 0;
  let j = 0;
  let firstEnd = 0; // end of the first's chunks taken so far, in middle code units
  let secondEnd = 0; // end of the second's chunks taken so far, in middle code units
  let sourceStart = 0;
  let sourceLength = 0;
  let output = '';
  while (i < first.outputs.length || j < second.outputs.length) {
    // Take whichever side is behind; a merged chunk closes where both sides end together.
    if (j >= second.outputs.length || (i < first.outputs.length && firstEnd <= secondEnd)) {
      firstEnd += (first.outputs[i] as string).length;
      sourceLength += first.sourceLengths[i] as number;
      i++;
    } else {
      secondEnd += second.sourceLengths[j] as number;
      output += second.outputs[j] as string;
      j++;
    }
    if (firstEnd === secondEnd && (sourceLength > 0 || output !== '')) {
      const end = sourceStart + sourceLength;
      result.push(sourceLength, output, keepsCharacterCount(source, sourceStart, end, output));
      sourceStart = end;
      sourceLength = 0;
      output = '';
    }
  }
  if (sourceLength > 0 || output !== '') {
    result.push(sourceLength, output, keepsCharacterCount(source, sourceStart, sourceStart + sourceLength, output));
  }
  return result;
}

/**
 * Cuts the output of `alignment` (over `source`) at the images of the ascending source offsets
 * `cuts`, by the rule in this module's comment: `cuts.length + 1` pieces.
 */
export function splitOutput(source: string, alignment: Alignment, cuts: readonly number[]): string[] {
  const output = alignment.output();
  const pieces: string[] = [];
  let previous = 0;
  let chunk = -1;
  let chunkSource = 0; // source offset where `chunk` starts
  let chunkOutput = 0; // output offset where `chunk` starts
  let nextSource = 0; // source offset where the chunk after `chunk` starts
  let nextOutput = 0;
  let mapping: ChunkMapping = 'whole';
  for (const cut of cuts) {
    // Advance to the chunk that contains `cut` (a cut on an edge belongs to the next chunk).
    while (nextSource <= cut && chunk + 1 < alignment.outputs.length) {
      chunk++;
      chunkSource = nextSource;
      chunkOutput = nextOutput;
      nextSource += alignment.sourceLengths[chunk] as number;
      nextOutput += (alignment.outputs[chunk] as string).length;
      mapping = chunkMapping(source, chunkSource, nextSource, output, chunkOutput, nextOutput);
    }
    let at: number;
    if (cut >= nextSource) at = nextOutput;
    else if (cut <= chunkSource) at = chunkOutput;
    else if (mapping === 'units') at = chunkOutput + (cut - chunkSource);
    else if (mapping === 'characters') at = unitsAfter(output, chunkOutput, countCodePoints(source, chunkSource, cut));
    else at = nextOutput;
    at = Math.max(at, previous);
    pieces.push(output.slice(previous, at));
    previous = at;
  }
  pieces.push(output.slice(previous));
  return pieces;
}

/** Whether `output` has as many characters as `source[start, end)`. */
export function keepsCharacterCount(source: string, start: number, end: number, output: string): boolean {
  if (end - start === output.length && !hasSurrogate(source, start, end) && !hasSurrogate(output, 0, output.length)) {
    return true;
  }
  return countCodePoints(source, start, end) === countCodePoints(output, 0, output.length);
}

/**
 * How offsets inside one chunk map: `units` when source and output are the same length in code
 * units with no surrogate pairs (offset k is offset k), `characters` when they have the same
 * number of characters otherwise, `whole` when they differ.
 */
type ChunkMapping = 'units' | 'characters' | 'whole';

function chunkMapping(
  source: string,
  sourceStart: number,
  sourceEnd: number,
  output: string,
  outputStart: number,
  outputEnd: number,
): ChunkMapping {
  const sameUnits = sourceEnd - sourceStart === outputEnd - outputStart;
  if (sameUnits && !hasSurrogate(source, sourceStart, sourceEnd) && !hasSurrogate(output, outputStart, outputEnd)) {
    return 'units';
  }
  const sameCharacters =
    countCodePoints(source, sourceStart, sourceEnd) === countCodePoints(output, outputStart, outputEnd);
  return sameCharacters ? 'characters' : 'whole';
}

/** Whether `text[start, end)` holds a surrogate (half of a character beyond U+FFFF). */
export function hasSurrogate(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return true;
  }
  return false;
}

function countCodePoints(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; count++) i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
  return count;
}

/** The offset `codePoints` characters after `start` in `text`. */
function unitsAfter(text: string, start: number, codePoints: number): number {
  let i = start;
  for (let n = 0; n < codePoints && i < text.length; n++) i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
  return i;
}
