/**
 * Inline nodes → runs. Formatting wrappers add to the inherited run format; code, math and
 * links take a character style; pictures become drawings sized to fit the text area.
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
  PhrasingContent,
  Strong,
  Subscript,
  Superscript,
  Text,
  Underline,
} from '@wenshu/parser';
import { linkRefusal, linkRefusalMessage } from '@wenshu/parser';
import { picturePlaceholder } from '@wenshu/picture';
import { ExternalHyperlink, FootnoteReferenceRun, ImageRun, type ParagraphChild, TextRun } from 'docx';
import type { Context, RunFormat, State } from '../state.js';

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

/**
 * A soft line break inside a paragraph is a space between Latin words and nothing between two
 * East Asian characters (CSS Text 3 §4.1.3, segment break transformation).
 */
export function joinSoftBreaks(value: string): string {
  if (!value.includes('\n')) return value;
  return value.replace(/[ \t]*\n[ \t]*/g, (_match, offset: number, whole: string) => {
    const before = whole.slice(0, offset).at(-1) ?? '';
    const after = whole.slice(offset + _match.length)[0] ?? '';
    return WIDE.test(before) && WIDE.test(after) ? '' : ' ';
  });
}

export function textRun(text: string, format: RunFormat): TextRun {
  return new TextRun({ text, ...format });
}

function wrap(state: State, node: { children: PhrasingContent[] }, context: Context, add: RunFormat): ParagraphChild[] {
  return state.phrasing(node.children, { ...context, run: { ...context.run, ...add } });
}

export function text(_state: State, node: Text, context: Context): ParagraphChild[] {
  const value = joinSoftBreaks(node.value);
  return value === '' ? [] : [textRun(value, context.run)];
}

export function emphasis(state: State, node: Emphasis, context: Context): ParagraphChild[] {
  return wrap(state, node, context, { italics: true });
}

export function strong(state: State, node: Strong, context: Context): ParagraphChild[] {
  return wrap(state, node, context, { bold: true });
}

export function deleteHandler(state: State, node: Delete, context: Context): ParagraphChild[] {
  return wrap(state, node, context, { strike: true });
}

export function underline(state: State, node: Underline, context: Context): ParagraphChild[] {
  return wrap(state, node, context, { underline: { type: 'single' } });
}

export function mark(state: State, node: Mark, context: Context): ParagraphChild[] {
  return wrap(state, node, context, { highlight: 'yellow' });
}

export function subscript(state: State, node: Subscript, context: Context): ParagraphChild[] {
  return wrap(state, node, context, { subScript: true, superScript: false });
}

export function superscript(state: State, node: Superscript, context: Context): ParagraphChild[] {
  return wrap(state, node, context, { superScript: true, subScript: false });
}

/** Inline code: its source, in the code face. */
export function inlineCode(state: State, node: InlineCode, context: Context): ParagraphChild[] {
  return [textRun(node.value, { ...context.run, style: state.ids.verbatim })];
}

/**
 * A hyperlink, when its target may be one (`linkRefusal` of @wenshu/parser: http, https, mailto,
 * tel, relative); any other target (`file:`, `ms-msdt:`, `\\host\share`) is its text, unlinked, with a warning.
 */
export function link(state: State, node: Link, context: Context): ParagraphChild[] {
  const refusal = linkRefusal(node.url);
  if (refusal !== undefined) {
    state.warn('link-refused', linkRefusalMessage(node.url, refusal), node.position);
    return state.phrasing(node.children, context);
  }
  const children = wrap(state, node, context, { style: state.ids.hyperlink });
  return [new ExternalHyperlink({ link: node.url, children })];
}

export function lineBreak(_state: State, _node: Break, _context: Context): ParagraphChild[] {
  return [new TextRun({ break: 1 })];
}

export function footnoteReference(state: State, node: FootnoteReference, context: Context): ParagraphChild[] {
  if (context.inNote || !state.footnotes.has(node.number)) {
    if (!context.inNote) {
      state.warn('footnote-missing', `footnote [^${node.identifier}] has no definition`, node.position);
    }
    return [textRun(`[${node.number}]`, { ...context.run, superScript: true })];
  }
  return [new FootnoteReferenceRun(node.number)];
}

/** 96 px to the inch, 1440 twips to the inch. */
const TWIPS_PER_PX = 15;

/**
 * A picture at its own size, scaled down (never up) to fit the text width and height; a missing,
 * remote or unreadable picture is a visible placeholder and a warning.
 */
export function image(state: State, node: Image, context: Context): ParagraphChild[] {
  const loaded = state.images.get(node.url);
  if (!loaded?.ok) {
    state.warn(loaded?.code ?? 'image-missing', loaded?.reason ?? `${node.url}: not read`, node.position);
    return [textRun(picturePlaceholder(node.alt, node.url, state.pictureWord), context.run)];
  }
  const maxWidth = state.textWidthTwips / TWIPS_PER_PX;
  const maxHeight = (state.textHeightTwips / TWIPS_PER_PX) * 0.9;
  const scale = Math.min(1, maxWidth / loaded.widthPx, maxHeight / loaded.heightPx);
  const width = Math.max(1, Math.round(loaded.widthPx * scale));
  const height = Math.max(1, Math.round(loaded.heightPx * scale));
  return [
    new ImageRun({
      type: loaded.type,
      data: loaded.data,
      transformation: { width, height },
      altText: { name: node.alt || 'picture', description: node.alt, title: node.title ?? '' },
    }),
  ];
}
