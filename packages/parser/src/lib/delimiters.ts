/**
 * Linear-time pairing of emphasis (`*`, `_`) and strikethrough (`~`) delimiters.
 *
 * micromark pairs a closing delimiter by walking back through every earlier event of the paragraph,
 * and splices the event list on every match. In Chinese text almost every `**` stands between two
 * letters, so it may open and close: each one walks back to the start of the paragraph, and a
 * paragraph with n delimiters costs O(n²) (50 KB with a bold phrase every 15 characters took 10 s;
 * a 20 MB paragraph would never finish). Strikethrough's `~~` between digits does the same.
 *
 * These resolvers give the same events with the delimiter stack of the CommonMark spec ("process
 * emphasis", with `openers_bottom`), then build the new event list in one pass. The tokenizers (the
 * CJK-friendly flanking rules) are the upstream ones; `resolveAll` is replaced, and `resolveTo`
 * compacts the text events as they come (`mergeData`). A differential test over the spec examples
 * and random input gave trees identical to micromark's own resolvers.
 */
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmStrikethroughCjkFriendly } from 'micromark-extension-cjk-friendly-gfm-strikethrough';
import type { Construct, Event, Extension, Point, Resolver, Token, TokenizeContext } from 'micromark-util-types';

const ASTERISK = 42;
const UNDERSCORE = 95;
const TILDE = 126;

const ATTENTION = 'attentionSequence';
const STRIKE_TEMPORARY = 'strikethroughSequenceTemporary';

/** A delimiter run and its place in the list of live delimiters. */
interface Delimiter {
  token: Token;
  /** Index of the token's `enter` event in the events being resolved. */
  index: number;
  marker: number;
  prev: Delimiter | undefined;
  next: Delimiter | undefined;
  /** Cleared when a match encloses the delimiter: it is text now. */
  alive: boolean;
  /** Matches this delimiter closes, innermost first. */
  closes: Match[];
  /** Matches this delimiter opens, innermost first. */
  opens: Match[];
}

/** One pair: the tokens that wrap its content. */
interface Match {
  group: Token;
  openSequence: Token;
  text: Token;
  closeSequence: Token;
}

function size(token: Token): number {
  return token.end.offset - token.start.offset;
}

function movePoint(point: Point, offset: number): void {
  point.column += offset;
  point.offset += offset;
  point._bufferIndex += offset;
}

function collect(events: Event[], type: string): Map<number, Delimiter> {
  const byIndex = new Map<number, Delimiter>();
  let previous: Delimiter | undefined;
  for (let index = 0; index < events.length; index++) {
    const [kind, token] = events[index] as Event;
    if (kind !== 'enter' || token.type !== type) continue;
    const delimiter: Delimiter = {
      token,
      index,
      marker: token.type === ATTENTION ? markerOf(events[index] as Event) : TILDE,
      prev: previous,
      next: undefined,
      alive: true,
      closes: [],
      opens: [],
    };
    if (previous) previous.next = delimiter;
    previous = delimiter;
    byIndex.set(index, delimiter);
  }
  return byIndex;
}

function markerOf([, token, context]: Event): number {
  return context.sliceSerialize(token).charCodeAt(0);
}

function unlink(delimiter: Delimiter): void {
  if (delimiter.prev) delimiter.prev.next = delimiter.next;
  if (delimiter.next) delimiter.next.prev = delimiter.prev;
}

/** Everything strictly between `opener` and `closer` is enclosed by their match: plain text now. */
function enclose(opener: Delimiter, closer: Delimiter): void {
  for (let d = opener.next; d && d !== closer; d = d.next) d.alive = false;
  opener.next = closer;
  closer.prev = opener;
}

/* ------------------------------------------------------------------------------------------------
 * Emphasis
 * --------------------------------------------------------------------------------------------- */

/** CommonMark's "rule of 3" (spec 6.2, rules 9 and 10): these two runs may not pair. */
function ruleOfThree(opener: Token, closer: Token): boolean {
  return Boolean((opener._close || closer._open) && size(closer) % 3 !== 0 && (size(opener) + size(closer)) % 3 === 0);
}

function pairAttention(byIndex: Map<number, Delimiter>): void {
  // `floors[key]`: no live opener below this event index can pair with a closer of this kind
  // (marker, can-open, size mod 3); the spec's `openers_bottom`, which keeps the search linear.
  const floors = new Map<string, number>();
  for (const closer of byIndex.values()) {
    while (closer.alive && closer.token._close && size(closer.token) > 0) {
      const key = `${closer.marker}/${closer.token._open ? 1 : 0}/${size(closer.token) % 3}`;
      const floor = floors.get(key) ?? 0;
      let opener = closer.prev;
      while (opener && opener.index >= floor) {
        if (opener.token._open && opener.marker === closer.marker && !ruleOfThree(opener.token, closer.token)) break;
        opener = opener.prev;
      }
      if (!opener || opener.index < floor) {
        floors.set(key, closer.index);
        break;
      }
      matchAttention(opener, closer);
      if (size(opener.token) > 0) {
        // The opener is shorter now, so the rule of 3 may let it pair where it could not before.
        for (const [k, value] of floors) if (value > opener.index) floors.set(k, opener.index);
      } else {
        unlink(opener);
      }
      if (size(closer.token) === 0) unlink(closer);
    }
  }
}

/** Pairs two runs as micromark does: two markers (strong) when both have two, else one. */
function matchAttention(opener: Delimiter, closer: Delimiter): void {
  const use = size(opener.token) > 1 && size(closer.token) > 1 ? 2 : 1;
  const start = { ...opener.token.end };
  const end = { ...closer.token.start };
  movePoint(start, -use);
  movePoint(end, use);
  const openSequence: Token = {
    type: use > 1 ? 'strongSequence' : 'emphasisSequence',
    start,
    end: { ...opener.token.end },
  };
  const closeSequence: Token = {
    type: use > 1 ? 'strongSequence' : 'emphasisSequence',
    start: { ...closer.token.start },
    end,
  };
  const text: Token = {
    type: use > 1 ? 'strongText' : 'emphasisText',
    start: { ...opener.token.end },
    end: { ...closer.token.start },
  };
  const group: Token = {
    type: use > 1 ? 'strong' : 'emphasis',
    start: { ...openSequence.start },
    end: { ...closeSequence.end },
  };
  opener.token.end = { ...openSequence.start };
  closer.token.start = { ...closeSequence.end };
  const match = { group, openSequence, text, closeSequence };
  opener.opens.push(match);
  closer.closes.push(match);
  enclose(opener, closer);
}

/* ------------------------------------------------------------------------------------------------
 * Strikethrough
 * --------------------------------------------------------------------------------------------- */

function pairStrikethrough(byIndex: Map<number, Delimiter>): void {
  // An opener's eligibility depends only on its own size, which never changes: one floor per size.
  const floors = new Map<number, number>();
  for (const closer of byIndex.values()) {
    if (!closer.alive || !closer.token._close) continue;
    const length = size(closer.token);
    const floor = floors.get(length) ?? 0;
    let opener = closer.prev;
    while (opener && opener.index >= floor) {
      if (opener.token._open && size(opener.token) === length) break;
      opener = opener.prev;
    }
    if (!opener || opener.index < floor) {
      floors.set(length, closer.index);
      continue;
    }
    const match: Match = {
      group: { type: 'strikethrough', start: { ...opener.token.start }, end: { ...closer.token.end } },
      openSequence: opener.token,
      text: { type: 'strikethroughText', start: { ...opener.token.end }, end: { ...closer.token.start } },
      closeSequence: closer.token,
    };
    opener.token.type = 'strikethroughSequence';
    closer.token.type = 'strikethroughSequence';
    opener.opens.push(match);
    closer.closes.push(match);
    enclose(opener, closer);
    unlink(opener);
    unlink(closer);
  }
}

/* ------------------------------------------------------------------------------------------------
 * Building the events
 * --------------------------------------------------------------------------------------------- */

/**
 * Output under construction: events, and the finished content of closed frames as nested lists,
 * so that closing a frame costs O(1) however much it holds (5,000 nested `**` would otherwise copy
 * each level's content into the next: quadratic).
 */
type Piece = Event | Piece[];

interface Frame {
  out: Piece[];
  /** Unresolved delimiters of the other kind inside: resolve them when the frame closes. */
  hasOther: boolean;
}

function isEvent(piece: Piece): piece is Event {
  return typeof piece[0] === 'string';
}

/** The events of nested pieces in order, without recursion. */
function flatten(pieces: Piece[]): Event[] {
  const out: Event[] = [];
  const stack: { pieces: Piece[]; index: number }[] = [{ pieces, index: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.index === top.pieces.length) {
      stack.pop();
      continue;
    }
    const piece = top.pieces[top.index++] as Piece;
    if (isEvent(piece)) out.push(piece);
    else stack.push({ pieces: piece, index: 0 });
  }
  return out;
}

/**
 * One pass over the events: a delimiter's closing matches end open frames, its remaining markers
 * are text, and its opening matches start frames (outermost first). The content of a frame is
 * resolved for the other kind of delimiter before it is wrapped, as micromark's `insideSpan` does.
 */
function build(
  events: Event[],
  byIndex: Map<number, Delimiter>,
  context: TokenizeContext,
  otherType: string,
  resolveOther: (events: Event[], context: TokenizeContext) => Event[],
): Event[] {
  const root: Frame = { out: [], hasOther: false };
  const frames: Frame[] = [root];
  let top = root;
  for (let index = 0; index < events.length; index++) {
    const event = events[index] as Event;
    const delimiter = event[0] === 'enter' ? byIndex.get(index) : undefined;
    if (!delimiter) {
      if (event[0] === 'enter' && event[1].type === otherType) top.hasOther = true;
      top.out.push(event);
      continue;
    }
    // The exit of the delimiter's token follows its enter: both are handled here.
    index++;
    const strike = delimiter.marker === TILDE;
    for (const match of delimiter.closes) {
      const frame = frames.pop() as Frame;
      top = frames[frames.length - 1] as Frame;
      const inside = frame.hasOther ? resolveOther(flatten(frame.out), context) : frame.out;
      const { group, openSequence, text, closeSequence } = match;
      top.out.push(
        ['enter', group, context],
        ['enter', openSequence, context],
        ['exit', openSequence, context],
        ['enter', text, context],
        inside,
        ['exit', text, context],
        ['enter', closeSequence, context],
        ['exit', closeSequence, context],
        ['exit', group, context],
      );
    }
    // Markers left over (or enclosed by a match) are text. A strikethrough run is used whole.
    const rest = strike ? delimiter.closes.length + delimiter.opens.length === 0 : size(delimiter.token) > 0;
    if (rest) {
      delimiter.token.type = 'data';
      top.out.push(['enter', delimiter.token, context], ['exit', delimiter.token, context]);
    }
    for (let i = delimiter.opens.length - 1; i >= 0; i--) {
      top = { out: [], hasOther: false };
      frames.push(top);
    }
  }
  return flatten(root.out);
}

/**
 * micromark keeps a reference to the events list it hands to a resolver (`subtokenize` reads a
 * child tokenizer's list before it resolves), so the result must replace the content in place.
 */
function replaceContent(events: Event[], content: Event[]): Event[] {
  events.length = content.length;
  for (let index = 0; index < content.length; index++) events[index] = content[index] as Event;
  return events;
}

const resolveAllAttention: Resolver = (events, context) => {
  const byIndex = collect(events, ATTENTION);
  if (byIndex.size === 0) return events;
  pairAttention(byIndex);
  return replaceContent(events, build(events, byIndex, context, STRIKE_TEMPORARY, resolveAllStrikethrough));
};

const resolveAllStrikethrough: Resolver = (events, context) => {
  const byIndex = collect(events, STRIKE_TEMPORARY);
  if (byIndex.size === 0) return events;
  pairStrikethrough(byIndex);
  return replaceContent(events, build(events, byIndex, context, ATTENTION, resolveAllAttention));
};

/* ------------------------------------------------------------------------------------------------
 * Extension
 * --------------------------------------------------------------------------------------------- */

function constructAt(extension: Extension, code: number): Construct {
  const value = extension.text?.[code];
  const construct = Array.isArray(value) ? value[0] : value;
  if (!construct) throw new Error(`no text construct for character ${code}`);
  return construct;
}

/** Per text tokenizer: where `mergeData` stopped. */
const mergedUpTo = new WeakMap<TokenizeContext, number>();

/**
 * Merges adjacent `data` events added since the last call. micromark merges them once, at the end
 * of a paragraph (`resolveAllText` in `initialize/text.js`), with one `Array#splice` per run of
 * them; with many runs (each between two emphasis markers, say) that is quadratic. Merged here as
 * the events grow, every run is compacted once, at the end of the list, and the final pass finds
 * nothing left to do. The result is what that pass would have made.
 */
function mergeData(events: Event[], context: TokenizeContext): Event[] {
  const from = Math.min(mergedUpTo.get(context) ?? 0, events.length);
  let write = from;
  for (let read = from; read < events.length; read++) {
    const event = events[read] as Event;
    const previous = events[write - 1];
    const exit = events[read + 1];
    if (
      event[0] === 'enter' &&
      event[1].type === 'data' &&
      previous?.[0] === 'exit' &&
      previous[1].type === 'data' &&
      exit?.[0] === 'exit' &&
      exit[1] === event[1]
    ) {
      const kept = previous[1] as Token & { _gfmAutolinkLiteralWalkedInto?: boolean };
      kept.end = event[1].end;
      // GFM's autolink literal marks the last token it walked back to; keep the mark.
      if ((event[1] as typeof kept)._gfmAutolinkLiteralWalkedInto) kept._gfmAutolinkLiteralWalkedInto = true;
      read++;
      continue;
    }
    events[write++] = event;
  }
  events.length = write;
  mergedUpTo.set(context, write);
  return events;
}

export interface DelimiterOptions {
  /** Whether one tilde strikes through (GFM's default) or two are needed. */
  singleTilde: boolean;
  /** Whether a strikethrough may begin where the tokenizer is (to skip tries that must fail). */
  mayStrike?: (context: TokenizeContext) => boolean;
}

/**
 * The CJK-friendly emphasis and strikethrough constructs with linear resolvers. Must come after
 * the extensions it replaces (micromark tries the constructs of later extensions first).
 */
export function linearDelimiters(options: DelimiterOptions): Extension {
  const { mayStrike, singleTilde } = options;
  const attention: Construct = {
    ...constructAt(cjkFriendlyExtension(), ASTERISK),
    resolveAll: resolveAllAttention,
    resolveTo: mergeData,
  };
  const strikethrough: Construct = {
    ...constructAt(gfmStrikethroughCjkFriendly({ singleTilde }), TILDE),
    resolveAll: resolveAllStrikethrough,
    resolveTo: mergeData,
  };
  if (mayStrike && !singleTilde) {
    // `previous` decides whether the text tokenizer stops at a `~` to try the construct at all;
    // one tilde alone can never strike through.
    strikethrough.previous = function (this: TokenizeContext) {
      return mayStrike(this);
    };
  }
  return { text: { [ASTERISK]: attention, [UNDERSCORE]: attention, [TILDE]: strikethrough } };
}
