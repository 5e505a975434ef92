import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import type { Construct, Extension, TokenizeContext } from 'micromark-util-types';
import { linearDelimiters } from './delimiters.js';

/* ------------------------------------------------------------------------------------------------
 * Where constructs can begin
 * --------------------------------------------------------------------------------------------- */

/*
 * Why this exists: micromark's text tokenizer stops its current run of text at every character
 * that could begin a construct and tries the construct; a try that fails starts a new `data`
 * event. At the end micromark merges adjacent `data` events with one `Array#splice` per run, so a
 * long paragraph with many failed tries between other tokens costs O(n²). In Chinese text two
 * tries fail all the time: GFM's e-mail autolink literal at every Latin word (`细颗粒物PM…`), and
 * strikethrough at every single tilde (`3~5个`). 1 MB with `PM<sub>2.5</sub>` every 17 characters
 * took 50 s. Knowing from the source where an `@`, `http:`, `www.` or `~~` is, we skip the tries
 * that must fail, and the text stays one event.
 */

/** Bits of `marks[offset]`. */
const AUTOLINK_LITERAL = 1;
const DOUBLE_TILDE = 2;

/** Marks for the source being parsed; `undefined` outside `markdownToMdast` (all tries allowed). */
let marks: Uint8Array | undefined;

/** GFM's `atext` for e-mail literals: ASCII letters and digits, `+`, `-`, `.`, `_`. */
function isAtext(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 43 ||
    code === 45 ||
    code === 46 ||
    code === 95
  );
}

function markSource(source: string): Uint8Array {
  const found = new Uint8Array(source.length + 1);
  const mark = (at: number, bit: number) => {
    found[at] = (found[at] ?? 0) | bit;
  };
  for (const match of source.matchAll(/https?:|www\./gi)) mark(match.index, AUTOLINK_LITERAL);
  // An e-mail literal can start anywhere in the run of atext before an `@`.
  for (let at = source.indexOf('@'); at !== -1; at = source.indexOf('@', at + 1)) {
    for (let i = at - 1; i >= 0 && isAtext(source.charCodeAt(i)); i--) mark(i, AUTOLINK_LITERAL);
  }
  for (let at = source.indexOf('~~'); at !== -1; at = source.indexOf('~~', at + 1)) mark(at, DOUBLE_TILDE);
  return found;
}

function marked(context: TokenizeContext, bit: number): boolean {
  return marks === undefined || ((marks[context.now().offset] ?? 0) & bit) !== 0;
}

/**
 * Strikethrough needs two tildes. GFM also takes one (`~a~`), but Chinese reports write ranges with
 * a tilde, `增长3~5个百分点`, and two ranges in a paragraph would strike out the text between them
 * and lose both tildes. `~~删除~~` works as before.
 */
const STRIKETHROUGH = { singleTilde: false };

const AUTOLINK_LITERALS = new Set(['emailAutolink', 'wwwAutolink', 'protocolAutolink']);
const TILDE = 126;

/**
 * GFM, with its autolink-literal constructs tried only where the source has what they need, and
 * without its strikethrough construct (`linearDelimiters` has the CJK-friendly one).
 */
function gfmForReports(): Extension {
  const extension = gfm(STRIKETHROUGH);
  const text = extension.text ?? {};
  delete text[TILDE];
  for (const code of Object.keys(text)) {
    const value = text[Number(code)];
    const list = (Array.isArray(value) ? value : [value]) as Construct[];
    text[Number(code)] = list.map((construct) => {
      const previous = construct.previous;
      if (!AUTOLINK_LITERALS.has(construct.name ?? '') || !previous) return construct;
      return {
        ...construct,
        previous(this: TokenizeContext, code) {
          return marked(this, AUTOLINK_LITERAL) && previous.call(this, code);
        },
      };
    });
  }
  return extension;
}

/* ------------------------------------------------------------------------------------------------
 * Extensions
 * --------------------------------------------------------------------------------------------- */

// Built once: the extension objects are plain data and safe to share.
const extensions = [
  frontmatter(['yaml']),
  gfmForReports(),
  // CJK-friendly emphasis: `**“重点”**工作` is strong text (CommonMark leaves the asterisks).
  cjkFriendlyExtension(),
  math(),
  // Last, so that its constructs are tried first: CJK-friendly emphasis and strikethrough, paired
  // in linear time (see delimiters.ts).
  linearDelimiters({
    ...STRIKETHROUGH,
    mayStrike: (context) => marked(context, DOUBLE_TILDE),
  }),
];
const mdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown(), mathFromMarkdown()];

export interface MdastOptions {
  /**
   * Run on the tree before the extensions' own transforms (GFM's autolink literals walk the tree
   * recursively: a tree too deep must be flattened before they see it).
   */
  transforms?: ((tree: Root) => undefined)[];
}

/** Markdown → mdast with every syntax extension wenshu reads. */
export function markdownToMdast(markdown: string, options: MdastOptions = {}): Root {
  marks = markSource(markdown);
  try {
    const first = options.transforms ? [{ transforms: options.transforms }] : [];
    return fromMarkdown(markdown, { extensions, mdastExtensions: [...first, ...mdastExtensions] });
  } finally {
    marks = undefined;
  }
}

/** The same extensions, for benchmarks that compare against raw mdast-util-from-markdown. */
export const markdownExtensions = { extensions, mdastExtensions };
