/**
 * A run of Markdown siblings that contains raw HTML, written out as one HTML string for parse5.
 *
 * Markdown splits HTML into fragments: `PM<sub>2.5</sub>` is text `PM`, html `<sub>`, text `2.5`,
 * html `</sub>`. We write the run back as HTML (raw HTML as written, text escaped, every other node
 * as a `<wenshu-slot>` placeholder), parse it once, and map what parse5 built back to the source.
 * This is the approach of rehype-raw, and it pairs tags across Markdown nodes.
 *
 * Raw HTML must not swallow the Markdown around it: an unclosed `<title>`, `<!--`, `<textarea>` or
 * `<div class="` would read every following placeholder as its text, and the Markdown content
 * would be lost. A small scanner follows the HTML tokenizer's state across the pieces, and closes
 * whatever is open before a placeholder (spec: https://html.spec.whatwg.org/#tokenization).
 */
import type { BlockContent, PhrasingContent } from '../ast.js';
import { floorIndex, type LineIndex } from './positions.js';

/** One piece of a run of siblings, in source order. Offsets are those of the parsed text. */
export type Segment =
  /** Raw HTML as the Markdown parser gave it (container prefixes such as `> ` removed). */
  | { kind: 'html'; value: string; start: number; end: number }
  /** Literal text (escaped when written). */
  | { kind: 'text'; value: string; start: number; end: number }
  /** A node converted already (emphasis, a paragraph…): kept as it is. */
  | { kind: 'node'; node: PhrasingContent | BlockContent };

export const SLOT = 'wenshu-slot';

/** A stretch of the written HTML that came from the source. */
interface Span {
  htmlStart: number;
  htmlEnd: number;
  start: number;
  end: number;
  /** The raw HTML, when its lines may have lost a container prefix; else undefined. */
  lines?: string;
  /** Text segments were escaped and had their escapes decoded: offsets inside are approximate. */
  approximate: boolean;
}

export interface Serialised {
  html: string;
  /** The slotted nodes, by their `data-i`. */
  nodes: (PhrasingContent | BlockContent)[];
  spans: Span[];
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/* ------------------------------------------------------------------------------------------------
 * Tokenizer state
 * --------------------------------------------------------------------------------------------- */

/** Elements whose content the tokenizer reads as text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
/** The same, but character references are decoded (so escaped text is right inside them). */
const ESCAPABLE_RAW_TEXT = new Set(['title', 'textarea']);

type TagState =
  | 'name'
  | 'beforeAttrName'
  | 'attrName'
  | 'afterAttrName'
  | 'beforeAttrValue'
  | 'doubleQuoted'
  | 'singleQuoted'
  | 'unquoted'
  | 'afterQuoted'
  | 'selfClosing';

type State =
  | { kind: 'data' }
  | { kind: 'tag'; sub: TagState; name: string; end: boolean }
  | { kind: 'comment'; fresh: boolean }
  | { kind: 'bogus' }
  | { kind: 'raw'; name: string; end: RegExp };

const DATA: State = { kind: 'data' };

function isWhitespace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\f' || ch === '\r';
}

function isAlpha(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z]$/.test(ch);
}

/**
 * Where the HTML tokenizer is after the text written so far. Each piece is read once: `scan` keeps
 * only the few characters it could not decide yet (a `<!-` cut short, the end of a comment or raw
 * text that may continue), so a run of any length is scanned in linear time.
 */
class Scanner {
  state: State = DATA;
  /** Characters not decided yet, read again with the next piece. */
  private pending = '';
  private at = 0;

  scan(chunk: string): void {
    const html = this.pending + chunk;
    this.at = 0;
    while (this.at < html.length) {
      const state = this.state;
      if (state.kind === 'data') {
        if (!this.data(html)) break;
      } else if (state.kind === 'comment') {
        if (state.fresh && html[this.at] === '>') this.to(DATA, this.at + 1);
        else if (state.fresh && html.startsWith('->', this.at)) this.to(DATA, this.at + 2);
        else if (state.fresh && html.length - this.at < 2) break;
        else {
          state.fresh = false;
          const end = /--!?>/g;
          end.lastIndex = this.at;
          const found = end.exec(html);
          if (!found) {
            this.at = Math.max(this.at, html.length - 3);
            break;
          }
          this.to(DATA, found.index + found[0].length);
        }
      } else if (state.kind === 'bogus') {
        const end = html.indexOf('>', this.at);
        if (end === -1) {
          this.at = html.length;
          break;
        }
        this.to(DATA, end + 1);
      } else if (state.kind === 'raw') {
        state.end.lastIndex = this.at;
        const found = state.end.exec(html);
        if (!found) {
          this.at = Math.max(this.at, html.length - state.name.length - 2);
          break;
        }
        this.to({ kind: 'tag', sub: 'name', name: state.name, end: true }, found.index + 2 + state.name.length);
      } else {
        this.tag(html, state);
      }
    }
    this.pending = html.slice(this.at);
  }

  private to(state: State, at: number): void {
    this.state = state;
    this.at = at;
  }

  /** Data state up to the next markup; false when the input ends inside a possible opener. */
  private data(html: string): boolean {
    const open = html.indexOf('<', this.at);
    if (open === -1) {
      this.at = html.length;
      return true;
    }
    const next = html[open + 1];
    if (next === undefined) {
      this.at = open;
      return false;
    }
    if (next === '!') {
      if (html.startsWith('<!--', open)) this.to({ kind: 'comment', fresh: true }, open + 4);
      else if (html.length - open < 4 && '<!--'.startsWith(html.slice(open))) {
        this.at = open;
        return false;
      } else this.to({ kind: 'bogus' }, open + 2);
    } else if (next === '/') {
      const after = html[open + 2];
      if (after === undefined) {
        this.at = open;
        return false;
      }
      if (isAlpha(after)) this.to({ kind: 'tag', sub: 'name', name: '', end: true }, open + 2);
      else if (after === '>') this.at = open + 3;
      else this.to({ kind: 'bogus' }, open + 2);
    } else if (next === '?') this.to({ kind: 'bogus' }, open + 1);
    else if (isAlpha(next)) this.to({ kind: 'tag', sub: 'name', name: '', end: false }, open + 1);
    else this.at = open + 1;
    return true;
  }

  /** One character of a tag (the tag and attribute states of the spec, 13.2.5.8 and 13.2.5.32–40). */
  private tag(html: string, state: Extract<State, { kind: 'tag' }>): void {
    const ch = html[this.at];
    let advance = true;
    let emit = false;
    switch (state.sub) {
      case 'name':
        if (isWhitespace(ch)) state.sub = 'beforeAttrName';
        else if (ch === '/') state.sub = 'selfClosing';
        else if (ch === '>') emit = true;
        else state.name += (ch as string).toLowerCase();
        break;
      case 'beforeAttrName':
        if (ch === '/' || ch === '>') {
          state.sub = 'afterAttrName';
          advance = false;
        } else if (!isWhitespace(ch)) state.sub = 'attrName';
        break;
      case 'attrName':
        if (isWhitespace(ch) || ch === '/' || ch === '>') {
          state.sub = 'afterAttrName';
          advance = isWhitespace(ch);
        } else if (ch === '=') state.sub = 'beforeAttrValue';
        break;
      case 'afterAttrName':
        if (ch === '/') state.sub = 'selfClosing';
        else if (ch === '=') state.sub = 'beforeAttrValue';
        else if (ch === '>') emit = true;
        else if (!isWhitespace(ch)) state.sub = 'attrName';
        break;
      case 'beforeAttrValue':
        if (ch === '"') state.sub = 'doubleQuoted';
        else if (ch === "'") state.sub = 'singleQuoted';
        else if (ch === '>') emit = true;
        else if (!isWhitespace(ch)) state.sub = 'unquoted';
        break;
      case 'doubleQuoted':
      case 'singleQuoted': {
        const close = html.indexOf(state.sub === 'doubleQuoted' ? '"' : "'", this.at);
        if (close === -1) {
          this.at = html.length;
          return;
        }
        this.at = close;
        state.sub = 'afterQuoted';
        break;
      }
      case 'unquoted':
        if (isWhitespace(ch)) state.sub = 'beforeAttrName';
        else if (ch === '>') emit = true;
        break;
      case 'afterQuoted':
      case 'selfClosing':
        if (isWhitespace(ch)) state.sub = 'beforeAttrName';
        else if (ch === '/') state.sub = 'selfClosing';
        else if (ch === '>') emit = true;
        else {
          state.sub = 'beforeAttrName';
          advance = false;
        }
        break;
    }
    if (advance) this.at++;
    if (emit) this.state = afterTag(state);
  }

  /** What to write so that the tokenizer is back in the data state (empty when it is). */
  close(): string {
    const state = this.state;
    let out = '';
    if (state.kind === 'data') {
      // A cut-short `<!`, `<!-` or `</` ends as a bogus comment or an ignored end tag; a lone `<`
      // is text whatever follows.
      out = this.pending.length > 1 ? '>' : '';
    } else if (state.kind === 'tag') {
      out = state.sub === 'doubleQuoted' ? '">' : state.sub === 'singleQuoted' ? "'>" : '>';
      const after = afterTag(state);
      if (after.kind === 'raw') out += `</${after.name}>`;
    } else if (state.kind === 'comment') out = '-->';
    else if (state.kind === 'bogus') out = '>';
    else out = `</${state.name}>`;
    this.state = DATA;
    this.pending = '';
    return out;
  }

  /** Whether the tokenizer is in the data state with nothing undecided. */
  get settled(): boolean {
    return this.state.kind === 'data' && this.pending.length <= 1;
  }

  /** Whether text written now is read raw (`<script>`, `<xmp>`…), without character references. */
  get rawText(): boolean {
    return this.state.kind === 'raw' && RAW_TEXT.has(this.state.name);
  }

  /** Whether text written now is the content of a raw-text or escapable raw-text element. */
  get inRaw(): boolean {
    return this.state.kind === 'raw';
  }
}

function afterTag(tag: Extract<State, { kind: 'tag' }>): State {
  if (tag.end || !(RAW_TEXT.has(tag.name) || ESCAPABLE_RAW_TEXT.has(tag.name))) return DATA;
  return { kind: 'raw', name: tag.name, end: new RegExp(`</${tag.name}[\\t\\n\\f\\r />]`, 'gi') };
}

/* ------------------------------------------------------------------------------------------------
 * Writing a run
 * --------------------------------------------------------------------------------------------- */

/**
 * `<plaintext>` has no end tag: nothing after it could ever be closed. `<xmp>` reads its content the
 * same way but ends at `</xmp>`; the replacement keeps every offset (10 characters each).
 */
function tamePlaintext(html: string): string {
  return html.replace(/<plaintext(?=[\s/>])/gi, '<xmp      ');
}

/**
 * Writes a run of segments as one HTML string. `separator` goes between segments: a newline for
 * blocks (which stood on lines of their own), nothing for inline content.
 */
export function serialise(segments: Segment[], separator: string): Serialised {
  const parts: string[] = [];
  let length = 0;
  const out: Serialised = { html: '', nodes: [], spans: [] };
  const scanner = new Scanner();
  const write = (value: string, scan: boolean) => {
    parts.push(value);
    length += value.length;
    if (scan) scanner.scan(value);
  };
  segments.forEach((segment, index) => {
    if (index > 0 && separator) write(separator, true);
    if (segment.kind === 'node') {
      if (!scanner.settled) write(scanner.close(), false);
      // Block slots are marked so that `hasBlockInside` sees them without a lookup.
      const marker = isPhrasing(segment.node) ? '' : ' data-block=""';
      write(`<${SLOT} data-i="${out.nodes.length}"${marker}></${SLOT}>`, true);
      out.nodes.push(segment.node);
      return;
    }
    if (segment.kind === 'text' && !scanner.inRaw && !scanner.settled) write(scanner.close(), false);
    const htmlStart = length;
    let value: string;
    if (segment.kind === 'html') value = tamePlaintext(segment.value);
    else if (scanner.rawText && !/<\//.test(segment.value)) value = segment.value;
    else value = escapeText(segment.value);
    write(value, true);
    if (segment.start >= 0) {
      const sourceLength = segment.end - segment.start;
      out.spans.push({
        htmlStart,
        htmlEnd: length,
        start: segment.start,
        end: segment.end,
        ...(segment.kind === 'html' && sourceLength !== segment.value.length ? { lines: segment.value } : {}),
        approximate: segment.kind === 'text',
      });
    }
  });
  out.html = parts.join('');
  return out;
}

function isPhrasing(node: PhrasingContent | BlockContent): node is PhrasingContent {
  return PHRASING_TYPES.has(node.type);
}

export const PHRASING_TYPES = new Set<string>([
  'text',
  'emphasis',
  'strong',
  'delete',
  'underline',
  'mark',
  'subscript',
  'superscript',
  'inlineCode',
  'inlineMath',
  'link',
  'image',
  'break',
  'footnoteReference',
]);

/* ------------------------------------------------------------------------------------------------
 * Back to the source
 * --------------------------------------------------------------------------------------------- */

/** Start and end (before its line ending) of each line of a string. */
function linesOf(value: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  for (const ending of value.matchAll(/\r\n?|\n/g)) {
    ends.push(ending.index);
    starts.push(ending.index + ending[0].length);
  }
  ends.push(value.length);
  return { starts, ends };
}

/**
 * Maps offsets in the written HTML back to the parsed text. Raw HTML maps exactly, also inside a
 * block quote or list, where each line lost its prefix (the line of the value is the end of the
 * source line); text maps exactly at its ends and approximately inside.
 */
export class OffsetMap {
  private readonly starts: number[];
  private readonly lineCache = new Map<Span, { starts: number[]; ends: number[] }>();

  constructor(
    private readonly spans: Span[],
    private readonly lines: LineIndex,
  ) {
    this.starts = spans.map((span) => span.htmlStart);
  }

  /** The parsed-text offset of an HTML offset; `end` picks the piece that ends there. */
  toParsed(htmlOffset: number, side: 'start' | 'end'): number | undefined {
    const probe = side === 'end' ? htmlOffset - 1 : htmlOffset;
    if (this.starts.length === 0 || probe < (this.starts[0] ?? 0)) return undefined;
    const span = this.spans[floorIndex(this.starts, probe)] as Span;
    if (probe >= span.htmlEnd) return undefined;
    const delta = htmlOffset - span.htmlStart;
    if (span.lines !== undefined) return this.throughLines(span, delta);
    if (span.approximate && htmlOffset === span.htmlEnd) return span.end;
    return Math.min(span.start + delta, span.end);
  }

  private throughLines(span: Span, delta: number): number {
    const value = span.lines as string;
    let lines = this.lineCache.get(span);
    if (!lines) {
      lines = linesOf(value);
      this.lineCache.set(span, lines);
    }
    const line = floorIndex(lines.starts, delta);
    if (line === 0) return span.start + delta;
    // Measured from the end of the line, which the value and the source share.
    const fromEnd = (lines.ends[line] ?? value.length) - delta;
    const sourceLineEnd = this.lines.parsedLineEnd(this.lines.parsedLine(span.start) + line);
    return Math.max(span.start, Math.min(span.end, sourceLineEnd - fromEnd));
  }
}
