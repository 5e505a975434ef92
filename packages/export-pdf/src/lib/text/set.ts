/**
 * Typesetting a block of text whose width is known: wenshu breaks the lines itself (by the rules
 * in `breaking.ts`) and justifies them with character spacing, then hands pdfmake one inline per
 * style run per line. Why not let pdfmake break the text:
 *
 * - pdfmake measures `characterSpacing` only *between* the characters of one inline
 *   (TextInlines.widthOfText: `+ characterSpacing * (text.length - 1)`), and every Han character
 *   is an inline of its own after UAX #14 breaking, so a negative spacing never lets a 28th
 *   character of 16 pt fit GB/T 9704's 156 mm line (28 × 16 pt = 448 pt > 442.2 pt).
 * - pdfmake lays out and draws every Han character as an inline of its own, with a style lookup,
 *   a text object and a shaping call each: ten copies of the seed report took 9 s that way, and
 *   one inline per line-run is several times faster.
 *
 * How the lines are held together: every inline is `noWrap` (measured and drawn whole), and all
 * inlines of a line carry `noNewLine`, which makes pdfmake put the next inline on the same line
 * whatever its width (LayoutBuilder.buildNextLine, `isForceContinue`). A line ends with an empty
 * inline holding `\n`: pdfmake ends the line there (`lineEnd`), and the `\n` inline also stops
 * pdfmake from joining the next line's first word to this line's last (TextBreaker.getBreaks
 * returns no last word for a line end). pdfmake does not justify lines that end that way, so the
 * justification here is the whole justification.
 *
 * Justification: a justified line spreads its slack evenly between characters. pdfmake places
 * each inline at the sum of the measured widths before it, and measures an inline of `u` UTF-16
 * units as `width + spacing × (u − 1)` (no spacing after its last character), while PDF `Tc` adds
 * the spacing after every glyph. So an inline that is followed by another on the line gets the
 * spacing that makes its measured width cover its characters *and* the gap after its last one:
 * `(n × gap) / (u − 1)`; single-character inlines cannot carry a gap, and theirs is spread over
 * the other inlines of the line. The line's right edge lands on the margin exactly.
 */

import { glueMask } from '@wenshu/parser';
import type { Face } from '../fonts/face.js';
import type { Inline, TextNode } from '../pdf/definition.js';
import { attachesToPrevious, BreakClass, breakClass, canBreak } from './breaking.js';
import { effectiveSize, type Piece, type Shaped } from './shape.js';

export interface SetOptions {
  /** The width lines are set to. */
  width: number;
  /** First-line indent (negative: hanging). */
  indent: number;
  align: 'left' | 'center' | 'right' | 'justify';
  /** Line pitch: every line is exactly this tall. */
  pitch: number;
  /**
   * Space between characters of lines that are not justified, and the spacing the fit test counts
   * per character: a character grid's (negative) spacing, else 0.
   */
  spacing: number;
  /** Code: spaces are kept everywhere, lines are never justified. */
  verbatim: boolean;
  /**
   * Never break inside a number with its unit, a date or a Latin word (`tokens.ts` in
   * @wenshu/parser), where Chinese breaking alone would allow it (`12.5|亿元`): table cells.
   */
  keepTokens?: boolean;
}

/** Family names of faces, as registered with pdfmake for this render. */
export interface FaceIds {
  id(face: Face): string;
}

/** Widths closer than this count as equal (pt). */
const EPSILON = 0.01;

/**
 * The clusters of a block, flattened (structure of arrays: a report has a million of them). A
 * cluster is a character with the marks that attach to it; its text is `[from, to)` of its piece's.
 */
class Clusters {
  readonly cp: number[] = [];
  readonly cls: BreakClass[] = [];
  readonly advance: number[] = [];
  readonly piece: number[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];
  /** Indices where a hard line break comes before the cluster. */
  readonly hardBreaks: number[] = [];
  readonly pieces: Piece[] = [];
  /** Clusters a line must not start with because they are inside a token (only with `keepTokens`). */
  readonly glued = new Set<number>();

  constructor(shaped: readonly Shaped[], keepTokens = false) {
    for (const item of shaped) {
      if (item.kind === 'break') {
        this.hardBreaks.push(this.cp.length);
        continue;
      }
      const index = this.pieces.push(item) - 1;
      const face = item.face;
      const scale = effectiveSize(item) / face.unitsPerEm;
      const text = item.text;
      const glue = keepTokens ? glueMask(text) : undefined;
      for (let i = 0; i < text.length; ) {
        const cp = text.codePointAt(i) as number;
        const next = i + (cp > 0xffff ? 2 : 1);
        const last = this.cp.length - 1;
        // A mark or joiner stays with its base character: same cluster, no break before it.
        if (i > 0 && last >= 0 && attachesToPrevious(cp)) {
          this.to[last] = next;
          this.advance[last] = (this.advance[last] ?? 0) + face.advance(cp) * scale;
        } else {
          if (glue?.[i] === 1) this.glued.add(this.cp.length);
          this.cp.push(cp);
          this.cls.push(breakClass(cp));
          this.advance.push(face.advance(cp) * scale);
          this.piece.push(index);
          this.from.push(i);
          this.to.push(next);
        }
        i = next;
      }
    }
  }

  get length(): number {
    return this.cp.length;
  }
}

/** A line: clusters `[start, end)`, and how it is set. */
interface LineSpan {
  start: number;
  end: number;
  /** Justify it (a full line of a justified block). */
  justify: boolean;
  /** The width it is set to. */
  target: number;
}

/** A block of text broken into lines, ready to become one pdfmake text node (or two, split after a line). */
export class SetText {
  readonly lines: Inline[][];
  readonly #indent: number;
  readonly #align: SetOptions['align'];
  /** The style of an empty line's inline. */
  readonly #blank: Omit<Inline, 'text'>;

  constructor(lines: Inline[][], indent: number, align: SetOptions['align'], blank: Omit<Inline, 'text'>) {
    this.lines = lines;
    this.#indent = indent;
    this.#align = align;
    this.#blank = blank;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** A text node of lines `[from, to)`; the first line of the block keeps the first-line indent. */
  node(props: Partial<TextNode>, from = 0, to = this.lines.length): TextNode {
    const text: Inline[] = [];
    for (let i = from; i < to; i++) {
      const line = this.lines[i] as Inline[];
      text.push(...line);
      if (i < to - 1) text.push(terminator(line, this.#blank));
      else if (line.length === 0) text.push({ ...this.#blank, text: '' });
    }
    return {
      text,
      // Lines are justified here: pdfmake must only place them.
      alignment: this.#align === 'justify' ? 'left' : this.#align,
      ...(from === 0 && this.#indent !== 0 ? { leadingIndent: this.#indent } : {}),
      ...props,
    };
  }
}

/** The empty inline that ends a line (see the module comment), as tall as the line. */
function terminator(line: readonly Inline[], blank: Omit<Inline, 'text'>): Inline {
  const last = line.at(-1);
  if (!last) return { ...blank, text: '\n', characterSpacing: 0 };
  return {
    text: '\n',
    ...(last.font ? { font: last.font } : {}),
    ...(last.fontSize ? { fontSize: last.fontSize } : {}),
    ...(last.lineHeight ? { lineHeight: last.lineHeight } : {}),
    characterSpacing: 0,
  };
}

/**
 * Breaks `shaped` into lines of `options.width` and makes the inlines of each line. `blank` is the
 * block's own face and size, for empty lines.
 */
export function setText(
  shaped: readonly Shaped[],
  options: SetOptions,
  ids: FaceIds,
  blank: { face: Face; sizePt: number },
): SetText {
  const clusters = new Clusters(shaped, options.keepTokens);
  let spans = breakLines(clusters, options);
  // A centred block of several lines (a long title) is broken into lines of even length, not a
  // full line and a widow: the narrowest width that needs no more lines.
  if (options.align === 'center' && spans.length > 1 && !options.verbatim) {
    let lo = 0;
    let hi = options.width;
    for (let step = 0; step < 14; step++) {
      const mid = (lo + hi) / 2;
      if (breakLines(clusters, { ...options, width: mid }).length <= spans.length) hi = mid;
      else lo = mid;
    }
    spans = breakLines(clusters, { ...options, width: hi });
  }
  const lines = spans.map((span) => lineInlines(clusters, span, options, ids));
  const blankStyle = {
    font: ids.id(blank.face),
    fontSize: blank.sizePt,
    lineHeight: options.pitch / blank.face.lineHeightPt(blank.sizePt),
  };
  return new SetText(lines, options.indent, options.align, blankStyle);
}

function breakLines(c: Clusters, options: SetOptions): LineSpan[] {
  const spans: LineSpan[] = [];
  // Tokens kept whole (table cells): asked only where the rules allow a break, so body text pays nothing.
  const glued = c.glued.size > 0 ? c.glued : undefined;
  const segments = [...c.hardBreaks, c.length];
  let segmentStart = 0;
  segments.forEach((segmentEnd, segmentIndex) => {
    let start = segmentStart;
    if (!options.verbatim) while (start < segmentEnd && c.cls[start] === BreakClass.Space) start++;
    // An empty segment is an empty line, except after a break that ends the block (CommonMark
    // ignores a hard break at the end of a paragraph).
    if (start >= segmentEnd && (segmentIndex === 0 || segmentIndex < segments.length - 1)) {
      spans.push({ start, end: start, justify: false, target: options.width });
    }
    while (start < segmentEnd) {
      const target = spans.length === 0 ? options.width - options.indent : options.width;
      let x = 0;
      let lastBreak = -1;
      let end = segmentEnd;
      for (let i = start; i < segmentEnd; i++) {
        if (i > start && canBreak(c.cp[i - 1] ?? 0, c.cls[i - 1] ?? 0, c.cp[i] ?? 0, c.cls[i] ?? 0) && !glued?.has(i))
          lastBreak = i;
        const cell = (c.advance[i] ?? 0) + options.spacing;
        // Spaces may hang past the margin: they vanish at the break.
        if (c.cls[i] === BreakClass.Space && !options.verbatim) {
          x += cell;
          continue;
        }
        if (x + cell > target + EPSILON && i > start) {
          end = lastBreak > start ? lastBreak : i;
          break;
        }
        x += cell;
      }
      let lineEnd = end;
      if (!options.verbatim) while (lineEnd > start && c.cls[lineEnd - 1] === BreakClass.Space) lineEnd--;
      const full = end < segmentEnd;
      spans.push({
        start,
        end: lineEnd,
        justify: options.align === 'justify' && !options.verbatim && full,
        target,
      });
      start = end;
      if (!options.verbatim) while (start < segmentEnd && c.cls[start] === BreakClass.Space) start++;
    }
    segmentStart = segmentEnd;
  });
  return spans;
}

interface ItemSpan {
  piece: Piece;
  /** UTF-16 range of the piece's text. */
  from: number;
  to: number;
  /** Sum of the clusters' advances. */
  advance: number;
  /** Clusters (glyphs, near enough). */
  count: number;
}

function lineInlines(c: Clusters, span: LineSpan, options: SetOptions, ids: FaceIds): Inline[] {
  const spans: ItemSpan[] = [];
  let total = 0;
  for (let i = span.start; i < span.end; i++) {
    const piece = c.pieces[c.piece[i] ?? 0] as Piece;
    const advance = c.advance[i] ?? 0;
    total += advance;
    const last = spans.at(-1);
    if (last && last.piece === piece) {
      last.to = c.to[i] ?? last.to;
      last.advance += advance;
      last.count++;
    } else spans.push({ piece, from: c.from[i] ?? 0, to: c.to[i] ?? 0, advance, count: 1 });
  }
  const items = spans.map((item) => ({ ...item, text: item.piece.text.slice(item.from, item.to) }));
  if (items.length === 0) return [];
  const clusterCount = span.end - span.start;
  const gap = span.justify && clusterCount > 1 ? (span.target - total) / (clusterCount - 1) : options.spacing;

  // Measured widths as pdfmake takes them (shaped where kerning can apply), and the span each
  // inline must cover: its characters and, but for the last inline, the gap after its last one.
  // Measured widths as pdfmake takes them: the sum of the advances, but in a shaping face.
  const measured = items.map((item) => {
    const face = item.piece.face;
    return face.shaping ? (face.shapedWidth(item.text) * effectiveSize(item.piece)) / face.unitsPerEm : item.advance;
  });
  const units = items.map((item) => item.text.length);
  const wanted = items.map((item, i) => item.advance + gap * (i < items.length - 1 ? item.count : item.count - 1));
  let deficit = 0;
  let slots = 0;
  items.forEach((_, i) => {
    const u = units[i] ?? 1;
    if (u > 1) slots += u - 1;
    else deficit += (wanted[i] ?? 0) - (measured[i] ?? 0);
  });
  const extra = slots > 0 ? deficit / slots : 0;

  return items.map((item, i) => {
    const u = units[i] ?? 1;
    const spacing = u > 1 ? ((wanted[i] ?? 0) - (measured[i] ?? 0)) / (u - 1) + extra : 0;
    return inline(item.piece, item.text, spacing, options.pitch, ids);
  });
}

function inline(piece: Piece, text: string, spacing: number, pitch: number, ids: FaceIds): Inline {
  const size = effectiveSize(piece);
  const style = piece.style;
  const decoration: ('underline' | 'lineThrough')[] = [];
  if (style.underline || style.link) decoration.push('underline');
  if (style.strike) decoration.push('lineThrough');
  const out: Inline = {
    text,
    font: ids.id(piece.face),
    fontSize: piece.sizePt,
    lineHeight: pitch / piece.face.lineHeightPt(size),
    noWrap: true,
    noNewLine: true,
    preserveLeadingSpaces: true,
    preserveTrailingSpaces: true,
  };
  if (Math.abs(spacing) > 1e-6) out.characterSpacing = Math.round(spacing * 1e6) / 1e6;
  if (style.sup) out.sup = true;
  if (style.sub) out.sub = true;
  if (decoration.length === 1) out.decoration = decoration[0];
  else if (decoration.length > 1) out.decoration = decoration;
  if (style.link) out.link = style.link;
  if (style.destination) out.linkToDestination = style.destination;
  if (style.mark) out.background = '#fff3a0';
  if (style.link) out.color = '#0563c1';
  else if (style.color) out.color = style.color;
  return out;
}

/** Inlines for pdfmake to break (table of contents, page numbers): no line setting. */
export function looseInlines(shaped: readonly Shaped[], pitch: number, ids: FaceIds): Inline[] {
  const out: Inline[] = [];
  for (const item of shaped) {
    if (item.kind === 'break') {
      out.push({ text: '\n' });
      continue;
    }
    const set = inline(item, item.text, 0, pitch, ids);
    delete set.noWrap;
    delete set.noNewLine;
    out.push(set);
  }
  return out;
}

/**
 * The narrowest and widest a block can be set: its widest unbreakable unit and its widest hard
 * line (at the given character spacing). Tables size their columns from these.
 */
export function extents(shaped: readonly Shaped[], spacing: number): { min: number; max: number } {
  const c = new Clusters(shaped);
  const hard = new Set(c.hardBreaks);
  let min = 0;
  let max = 0;
  let unit = 0;
  let line = 0;
  for (let i = 0; i < c.length; i++) {
    if (hard.has(i)) {
      max = Math.max(max, line);
      line = 0;
      unit = 0;
    } else if (i > 0 && canBreak(c.cp[i - 1] ?? 0, c.cls[i - 1] ?? 0, c.cp[i] ?? 0, c.cls[i] ?? 0)) unit = 0;
    const cell = (c.advance[i] ?? 0) + spacing;
    line += cell;
    if (c.cls[i] !== BreakClass.Space) unit += cell;
    min = Math.max(min, unit);
  }
  max = Math.max(max, line);
  return { min, max };
}
