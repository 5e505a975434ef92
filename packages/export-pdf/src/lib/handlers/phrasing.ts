/**
 * Inline nodes → runs. Wrappers add to the inherited style; leaves make text runs. Emphasis is set
 * in 楷 (the Chinese way of stressing words: CJK faces have no italics), or in 宋 inside 楷 text.
 */
import type {
  Break,
  Delete,
  Emphasis,
  FootnoteReference,
  Image,
  InlineCode,
  Link,
  Mark,
  Strong,
  Subscript,
  Superscript,
  Text,
  Underline,
} from '@wenshu/parser';
import { linkRefusal, linkRefusalMessage } from '@wenshu/parser';
import type { Context, State } from '../state.js';
import { type Run, type RunStyle, textRun } from '../text/runs.js';

function wrap(
  state: State,
  node: { children: Parameters<State['phrasing']>[0] },
  context: Context,
  style: RunStyle,
): Run[] {
  return state.phrasing(node.children, { ...context, run: { ...context.run, ...style } });
}

export function text(_state: State, node: Text, context: Context): Run[] {
  return [textRun(node.value, context.run, node.position)];
}

export function emphasis(state: State, node: Emphasis, context: Context): Run[] {
  const inKai = (context.run.role ?? context.block.role) === 'kai';
  return wrap(state, node, context, { role: inKai ? 'song' : 'kai' });
}

export function strong(state: State, node: Strong, context: Context): Run[] {
  return wrap(state, node, context, { bold: true });
}

export function deleteHandler(state: State, node: Delete, context: Context): Run[] {
  return wrap(state, node, context, { strike: true });
}

export function underline(state: State, node: Underline, context: Context): Run[] {
  return wrap(state, node, context, { underline: true });
}

export function mark(state: State, node: Mark, context: Context): Run[] {
  return wrap(state, node, context, { mark: true });
}

export function subscript(state: State, node: Subscript, context: Context): Run[] {
  return wrap(state, node, context, { sub: true, sup: false });
}

export function superscript(state: State, node: Superscript, context: Context): Run[] {
  return wrap(state, node, context, { sup: true, sub: false });
}

/** Inline code: the code face, spaces as written. */
export function inlineCode(_state: State, node: InlineCode, context: Context): Run[] {
  return [textRun(node.value, { ...context.run, role: 'mono' }, node.position)];
}

/**
 * A PDF URI is 7-bit ASCII (ISO 32000-1 §12.6.4.7); pdfkit would write other characters as a
 * UTF-16 string that viewers do not open, so they are percent-encoded as UTF-8.
 */
export function asciiUri(url: string): string {
  return url.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}

/**
 * Links are clickable where the target is a URL a reader can open; `#fragment` links have no target
 * in the PDF. A target that may not be a link (`linkRefusal` of @wenshu/parser: anything but http,
 * https, mailto, tel and relative) is its text, unlinked, with a warning.
 */
export function link(state: State, node: Link, context: Context): Run[] {
  const url = node.url.trim();
  const refusal = linkRefusal(url);
  if (refusal !== undefined) {
    state.warn('link-refused', linkRefusalMessage(url, refusal), node.position);
    return state.phrasing(node.children, context);
  }
  if (url === '' || url.startsWith('#')) return state.phrasing(node.children, context);
  return wrap(state, node, context, { link: asciiUri(url) });
}

export function image(_state: State, node: Image, _context: Context): Run[] {
  return [{ kind: 'image', node }];
}

export function lineBreak(_state: State, _node: Break, _context: Context): Run[] {
  return [{ kind: 'break' }];
}

/** A superscript number linking to the note in the notes at the end. */
export function footnoteReference(state: State, node: FootnoteReference, context: Context): Run[] {
  const number = String(node.number);
  if (!state.footnoteId(node.number)) {
    state.warn('footnote-missing', `footnote ${node.identifier} has no definition`, node.position);
    return [textRun(number, { ...context.run, sup: true, sub: false }, node.position)];
  }
  return [
    textRun(
      number,
      { ...context.run, sup: true, sub: false, destination: state.footnoteId(node.number) },
      node.position,
    ),
  ];
}
