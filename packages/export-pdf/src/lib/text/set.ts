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
 * Justification: a justified line spreads its slack evenly over its stretchable slots (between
 * Chinese characters, at Chinese/Latin boundaries, at spaces; never inside a Latin word, a number,
 * —— or ……: see `spacing.ts`), so every such slot of the line gets one spacing whatever run it is
 * in. Before that, marks side by side give up the blank half between them, and a closing mark that
 * may not start the next line is pushed in by squeezing the line's marks when that makes room for it
 * (`squeeze.ts`; a squeezed mark is drawn as in `mark-inline.ts`). pdfmake places each inline at the
 * sum of the measured widths before it, and measures an
 * inline of `u` UTF-16 units as `width + spacing × (u − 1)` (no spacing after its last character),
 * while PDF `Tc` adds the spacing after every glyph: each inline carries its slots' spacing as
 * `Tc`, and the slot after its last character is an empty inline as wide as the slot (see
 * `lineInlines`). The line's right edge lands on the margin exactly.
 */

import type { Face } from '../fonts/face.js';
import type { Inline, TextNode } from '../pdf/definition.js';
import { BreakClass, canBreak } from './breaking.js';
import { baseSlot, Clusters, gridSlot, squeezeAfter } from './clusters.js';
import { dashLigature, squeezedMark, TWO_EM_DASH } from './mark-inline.js';
import { type MathBox, mathInlines } from './math-box.js';
import { LINK_COLOR } from './runs.js';
import { effectiveSize, type Piece, type Shaped } from './shape.js';
import { stretchable } from './spacing.js';
import { type LineSqueeze, squeezeLine, squeezeRoom } from './squeeze.js';

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

/** A line: clusters `[start, end)`, and how it is set. */
interface LineSpan {
  start: number;
  end: number;
  /** Justify it (a full line of a justified block). */
  justify: boolean;
  /** The width it is set to. */
  target: number;
  /**
   * Its last character, a mark that may not start a line, was pushed in: the line is set narrower by
   * squeezing its marks instead of being broken earlier and stretched (see squeeze.ts).
   */
  pushedIn: boolean;
  /** The blank left half an opening mark at its start gives up (pt; a line after a soft break). */
  startTrim: number;
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
  const clusters = new Clusters(shaped, options.keepTokens, !options.verbatim);
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
      spans.push({ start, end: start, justify: false, target: options.width, pushedIn: false, startTrim: 0 });
    }
    const segmentFirstSpan = spans.length;
    while (start < segmentEnd) {
      const target = spans.length === 0 ? options.width - options.indent : options.width;
      // An opening mark that starts a line a soft break began gives up its blank left half (squeeze.ts).
      const trim = spans.length > segmentFirstSpan ? startTrim(c, start, options) : 0;
      let x = -trim;
      let lastBreak = -1;
      let end = segmentEnd;
      let pushedIn = false;
      for (let i = start; i < segmentEnd; i++) {
        if (i > start && canBreak(c.cp[i - 1] ?? 0, c.cls[i - 1] ?? 0, c.cp[i] ?? 0, c.cls[i] ?? 0) && !glued?.has(i))
          lastBreak = i;
        const slot = i + 1 < segmentEnd ? baseSlot(c, i, options.spacing) : options.spacing;
        const cell = (c.advance[i] ?? 0) + slot;
        // Spaces may hang past the margin: they vanish at the break.
        if (c.cls[i] === BreakClass.Space && !options.verbatim) {
          x += cell;
          continue;
        }
        if (x + cell > target + EPSILON && i > start) {
          // A mark that may not start a line is pushed in if squeezing the line's marks makes room for
          // it, rather than pushed out with the character before it and the line stretched (clreq §3.1.6).
          if (
            lastBreak < i &&
            mayEndAfter(c, i, segmentEnd, glued) &&
            x + cell - squeezeRoom(c, start, i + 1) <= target + EPSILON
          ) {
            end = i + 1;
            pushedIn = true;
            break;
          }
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
        pushedIn: pushedIn && lineEnd === end,
        startTrim: trim,
      });
      start = end;
      if (!options.verbatim) while (start < segmentEnd && c.cls[start] === BreakClass.Space) start++;
    }
    segmentStart = segmentEnd;
  });
  return spans;
}

/**
 * The blank left half of an opening mark at the start of a line (pt), which it gives up so that its
 * ink, not its blank, meets the margin (clreq §3.1.6; CSS `text-spacing-trim: normal`, which keeps
 * the first line of a paragraph as it is). Justified and left-aligned text only: a centred title
 * line keeps its marks whole.
 */
function startTrim(c: Clusters, start: number, options: SetOptions): number {
  if (options.align !== 'justify' && options.align !== 'left') return 0;
  const blank = c.blank[start] ?? 0;
  return blank < 0 ? -blank : 0;
}

/** Whether a line may end after cluster `i` (it is the segment's last, or a break may follow it). */
function mayEndAfter(c: Clusters, i: number, segmentEnd: number, glued: Set<number> | undefined): boolean {
  if (i + 1 >= segmentEnd) return true;
  return canBreak(c.cp[i] ?? 0, c.cls[i] ?? 0, c.cp[i + 1] ?? 0, c.cls[i + 1] ?? 0) && !glued?.has(i + 1);
}

/**
 * The spacing of each slot of a line (after cluster `i`, for `i` in `[start, end − 1)`): the base
 * spacing, and in a justified line the slack spread evenly over the stretchable slots, so that
 * every stretchable slot of the line gets the same spacing whatever run it is in (issue 15: an
 * item number in a run of its own got twice its line's spacing, and Latin words were tracked).
 */
function lineSlots(c: Clusters, span: LineSpan, options: SetOptions): { slots: number[]; squeeze: LineSqueeze } {
  const length = span.end - span.start;
  const squeeze: LineSqueeze = { left: new Array(length).fill(0), right: new Array(length).fill(0) };
  let natural = 0;
  let count = 0;
  const slots: number[] = [];
  for (let i = span.start; i < span.end; i++) {
    natural += c.advance[i] ?? 0;
    if (i + 1 < span.end) {
      const grid = gridSlot(c, i, options.spacing);
      slots.push(grid);
      natural += grid;
      const pair = squeezeAfter(c, i);
      if (pair > 0) squeeze.right[i - span.start] = pair;
      else if (pair < 0) squeeze.left[i + 1 - span.start] = -pair;
      natural -= Math.abs(pair);
      if (stretchable(c.cp[i] ?? 0, c.cls[i] ?? 0, c.cp[i + 1] ?? 0, c.cls[i + 1] ?? 0)) count++;
    } else slots.push(0);
  }
  squeeze.left[0] = span.startTrim;
  natural -= span.startTrim;
  if (span.pushedIn) natural -= squeezeLine(c, span.start, span.end, natural - span.target, squeeze);
  // The squeezed blanks come out of the slots beside the marks: after a closing mark, before an opening one.
  for (let k = 0; k < length; k++) {
    slots[k] = (slots[k] ?? 0) - (squeeze.right[k] ?? 0) - (squeeze.left[k + 1] ?? 0);
  }
  // (The last slot is the blank a mark pushed in at the line's end gave up: the line is that much narrower.)
  if (!span.justify || count === 0) return { slots, squeeze };
  // The line's last character ends at the target.
  const extra = (span.target - natural) / count;
  for (let i = span.start; i + 1 < span.end; i++) {
    if (stretchable(c.cp[i] ?? 0, c.cls[i] ?? 0, c.cp[i + 1] ?? 0, c.cls[i + 1] ?? 0)) {
      slots[i - span.start] = (slots[i - span.start] ?? 0) + extra;
    }
  }
  return { slots, squeeze };
}

/**
 * A line's inlines. Every inline draws its characters with one spacing (PDF `Tc`), so an inline
 * ends wherever the slot spacing changes (at a Latin word, a squeezed mark) as well as at a change
 * of face or style. pdfmake places each inline at the sum of the measured widths before it and
 * measures an inline of `u` UTF-16 units as `width + spacing × (u − 1)`, without the slot after
 * its last character: that slot is an empty inline whose width is the slot, which pdfmake measures
 * as `−characterSpacing` (TextInlines.widthOfText of '' is `spacing × (0 − 1)`).
 */
function lineInlines(c: Clusters, span: LineSpan, options: SetOptions, ids: FaceIds): Inline[] {
  if (span.end <= span.start) return [];
  const line = lineSlots(c, span, options);
  const slot = (i: number): number => line.slots[i - span.start] ?? 0;
  const left = (i: number): number => line.squeeze.left[i - span.start] ?? 0;
  const right = (i: number): number => line.squeeze.right[i - span.start] ?? 0;
  const squeezed = (i: number): boolean => left(i) > 0 || right(i) > 0;
  const out: Inline[] = [];
  // Where the next inline must start (`target`) and where pdfmake will put it (`placed`).
  // A line whose opening mark gave up its left half starts that much to the left (the mark is drawn from there).
  let target = -left(span.start);
  let placed = 0;
  let i = span.start;
  while (i < span.end) {
    const pieceIndex = c.piece[i] ?? 0;
    const piece = c.pieces[pieceIndex] as Piece | MathBox;
    if (piece.kind === 'math') {
      // The formula's inlines stand where its cluster does; a spacer makes up what pdfmake's measure differs by.
      const gap = target - placed;
      if (out.length > 0 && Math.abs(gap) > 1e-6) out.push(spacer(out.at(-1) as Inline, gap));
      const set = mathInlines(piece, options.pitch, ids);
      out.push(...set.inlines);
      placed = target + set.width;
      target += piece.width + (i + 1 < span.end ? slot(i) : 0);
      i++;
      continue;
    }
    if (squeezed(i)) {
      // A squeezed mark: drawn as a path, its text invisible and narrowed to the room it keeps (mark-inline.ts).
      const mark = squeezedMark(
        piece,
        c.cp[i] ?? 0,
        inline(piece, piece.text.slice(c.from[i], c.to[i]), 0, options.pitch, ids),
        {
          advance: c.advance[i] ?? 0,
          left: left(i),
          right: right(i),
        },
      );
      const gap = target + left(i) - placed;
      if (out.length > 0 && Math.abs(gap) > 1e-6) out.push(spacer(out.at(-1) as Inline, gap));
      out.push(mark.inline);
      placed = target + left(i) + mark.measured;
      target += (c.advance[i] ?? 0) + slot(i);
      i++;
      continue;
    }
    let last = i;
    const spacing = slot(i);
    while (
      last + 1 < span.end &&
      c.piece[last + 1] === pieceIndex &&
      Math.abs(slot(last) - spacing) < 1e-9 &&
      !squeezed(last + 1)
    ) {
      last++;
    }
    const text = piece.text.slice(c.from[i] ?? 0, c.to[last] ?? 0);
    let advance = 0;
    for (let k = i; k <= last; k++) advance += c.advance[k] ?? 0;
    if (piece.dashes && text === '——' && piece.face.has(TWO_EM_DASH)) {
      // —— as the face's one glyph of it, centred in its two cells (mark-inline.ts).
      const natural = piece.face.naturalWidth(text, effectiveSize(piece));
      const gap = target - placed;
      if (out.length > 0 && Math.abs(gap) > 1e-6) out.push(spacer(out.at(-1) as Inline, gap));
      // Its two cells: nothing is stretched between the dashes (spacing.ts).
      out.push(dashLigature(piece, inline(piece, text, 0, options.pitch, ids), natural, advance));
      placed = target + natural;
      target += advance + (last + 1 < span.end ? slot(last) : 0);
      i = last + 1;
      continue;
    }
    const dash = piece.dashes ? dashSetting(piece, text.length) : undefined;
    const tc = dash ? dash.spacing : last > i ? spacing : 0;
    const drawn = dash
      ? dash.drawn
      : piece.face.shaping
        ? piece.face.naturalWidth(text, effectiveSize(piece))
        : advance;
    const measured = drawn + (dash ? 0 : tc * (text.length - 1));
    const offset = dash ? (advance - dash.drawn) / 2 + dash.centring : 0;
    const gap = target + offset - placed;
    if (out.length > 0 && Math.abs(gap) > 1e-6) out.push(spacer(out.at(-1) as Inline, gap));
    out.push(inline(piece, text, tc, options.pitch, ids));
    placed = target + offset + measured;
    for (let k = i; k < last; k++) target += (c.advance[k] ?? 0) + slot(k);
    target += (c.advance[last] ?? 0) + (last + 1 < span.end ? slot(last) : 0);
    i = last + 1;
  }
  // The blank a mark pushed in at the end gave up is not part of the line's width (a centred line).
  const trailing = target - placed;
  if (right(span.end - 1) > 0 && out.length > 0 && Math.abs(trailing) > 1e-6)
    out.push(spacer(out.at(-1) as Inline, trailing));
  return out;
}

/**
 * How a run of `count` dashes is drawn in the space of `count` ems: with the spacing that joins
 * their ink (the glyph's side bearings taken out), `drawn` wide as pdfmake measures it, and
 * `centring` to centre the ink rather than the glyphs' advances (side bearings differ).
 */
function dashSetting(piece: Piece, count: number): { spacing: number; drawn: number; centring: number } {
  const face = piece.face;
  const scale = effectiveSize(piece) / face.unitsPerEm;
  const advance = face.advance(0x2014) * scale;
  const box = face.glyphBox(0x2014);
  const left = box.minX * scale;
  const right = advance - box.maxX * scale;
  // An empty glyph (no ink) has nothing to join.
  const spacing = count > 1 && box.maxX > box.minX ? -(left + right) : 0;
  return { spacing, drawn: count * advance + (count - 1) * spacing, centring: (right - left) / 2 };
}

/** An empty inline `width` wide (see lineInlines), in the style of the inline before it. */
function spacer(before: Inline, width: number): Inline {
  return {
    text: '',
    ...(before.font ? { font: before.font } : {}),
    ...(before.fontSize ? { fontSize: before.fontSize } : {}),
    ...(before.lineHeight ? { lineHeight: before.lineHeight } : {}),
    // The line height is the inline's pitch at its drawn size: a script's spacer is a script too.
    ...(before.sup ? { sup: true } : {}),
    ...(before.sub ? { sub: true } : {}),
    characterSpacing: -Math.round(width * 1e6) / 1e6,
    noWrap: true,
    noNewLine: true,
    preserveLeadingSpaces: true,
    preserveTrailingSpaces: true,
  };
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
  if (style.link) out.color = LINK_COLOR;
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
    if (item.kind === 'math') {
      // Lines pdfmake breaks cannot hold a drawing: the formula is its TeX.
      out.push({ text: item.tex, font: ids.id(item.texFace), fontSize: item.sizePt });
      continue;
    }
    if (item.dashes) {
      // `— 1 —`: each dash full width, as in the text (GB/T 9704 7.5: 一字线).
      const count = item.text.length;
      const dash = dashSetting(item, count);
      const room =
        count * Math.max(effectiveSize(item), (item.face.advance(0x2014) * effectiveSize(item)) / item.face.unitsPerEm);
      const before = (room - dash.drawn) / 2 + dash.centring;
      const set = inline(item, item.text, dash.spacing, pitch, ids);
      out.push(spacer(set, before), set, spacer(set, room - dash.drawn - before));
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
