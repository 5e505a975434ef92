import type { Document } from './ast.js';
import { denseReason } from './lib/dense.js';
import { documentFromMdast } from './lib/from-mdast.js';
import { documentFromHtml } from './lib/html-document.js';
import { flattenTooDeep, INDENT_LIMIT, limitContainerNesting } from './lib/nesting.js';
import { LineIndex } from './lib/positions.js';
import { SEGMENT_CHARS, segmentedMdast } from './lib/segments.js';
import type { Warning } from './lib/warnings.js';
import { keepXmlCharacters } from './lib/xml-characters.js';

export interface ParseOptions {
  /** Called for everything the parser drops or changes (HTML it cannot map, unsafe URLs…). */
  onWarning?: (warning: Warning) => void;
  /**
   * Nesting deeper than this (block quotes, lists, inline wrappers, HTML) is flattened to text
   * with a warning, so that no stage can overflow the stack. Default 64.
   */
  maxDepth?: number;
  /**
   * A source longer than this is parsed a piece at a time, cut at blank lines where nothing runs on
   * (`lib/segments.ts`): the same tree, with the parser's memory bounded by the piece. Default 16 Ki
   * characters; `Infinity` parses it whole.
   */
  segmentChars?: number;
}

export const DEFAULT_MAX_DEPTH = 64;

/**
 * Markdown (CommonMark + GFM + math + YAML front matter + inline and block HTML) → `Document`.
 * This is the faithful reading of the source; the report passes (ordinals, page markers, broken
 * paragraphs) are separate steps. Positions count from the start of the text after a byte order
 * mark, if it had one. Characters XML cannot hold are replaced, with a warning (`xml-characters.ts`).
 */
export function parse(markdown: string, options: ParseOptions = {}): Document {
  const source = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const warn = options.onWarning ?? (() => {});
  const requested = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxDepth = Number.isFinite(requested) ? Math.max(1, Math.floor(requested)) : DEFAULT_MAX_DEPTH;
  const guarded = limitContainerNesting(source, maxDepth);
  const lines = new LineIndex(source, guarded.text, guarded.cuts);
  const tooDeep = (offset: number, message: string) => {
    const point = lines.sourcePoint(offset);
    warn({ code: 'too-deep', message, position: { start: point, end: point } });
  };
  for (const offset of guarded.lineOffsets) {
    tooDeep(
      offset,
      `more than ${maxDepth} block quotes or list items nested on one line: the markers beyond are ignored`,
    );
  }
  // One warning for all the lines (a deep list may have thousands), at the first of them.
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const [firstIndented] = guarded.indentOffsets;
  if (firstIndented !== undefined) {
    const count = plural(guarded.indentOffsets.length, 'line');
    tooDeep(firstIndented, `${count} indented more than ${INDENT_LIMIT} columns: the indentation beyond is ignored`);
  }
  const [firstImage] = guarded.imageOffsets;
  if (firstImage !== undefined) {
    const count = plural(guarded.imageOffsets.length, 'image');
    tooDeep(firstImage, `${count} nested more than ${maxDepth} brackets deep: read as text`);
  }
  const flatten = (tree: Parameters<typeof flattenTooDeep>[0]) => {
    flattenTooDeep(tree, {
      maxDepth,
      onFlatten: (position) => {
        const at = lines.fromUnist(position);
        warn({
          code: 'too-deep',
          message: `content nested deeper than ${maxDepth} levels flattened to text`,
          ...(at ? { position: at } : {}),
        });
      },
    });
    return undefined;
  };
  const count = (n: number) => n.toLocaleString('en');
  const mdast = segmentedMdast(guarded.text, {
    transforms: [flatten],
    segmentChars: options.segmentChars ?? SEGMENT_CHARS,
    onDense: (block) => {
      const start = lines.point(block.start);
      const end = lines.point(block.textEnd);
      const what = denseReason(block);
      const where =
        start.line === end.line ? `line ${count(start.line)}` : `lines ${count(start.line)}–${count(end.line)}`;
      warn({
        code: 'too-dense',
        message: `${where} ${start.line === end.line ? 'holds' : 'hold'} ${what} with no blank line between: read as plain text, the marks as written`,
        position: { start, end },
      });
    },
  });
  const document = documentFromMdast(mdast, { lines, warn, maxDepth });
  // After parsing, not before: character references (`&#xFFFE;` in HTML) are decoded by then.
  keepXmlCharacters(document, warn);
  return document;
}

/**
 * HTML → `Document`: a saved page (`.html`) or rich text from the clipboard (AI chat pages, Word,
 * WPS, Google Docs, web pages), read into the same tree as Markdown (`lib/html-document.ts` says
 * what is read and what is dropped). Run the report passes on the result, as for Markdown.
 */
export function parseHtml(html: string, options: Omit<ParseOptions, 'segmentChars'> = {}): Document {
  const source = html.charCodeAt(0) === 0xfeff ? html.slice(1) : html;
  const warn = options.onWarning ?? (() => {});
  const requested = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxDepth = Number.isFinite(requested) ? Math.max(1, Math.floor(requested)) : DEFAULT_MAX_DEPTH;
  const document = documentFromHtml(source, { warn, maxDepth });
  keepXmlCharacters(document, warn);
  return document;
}
