import type { Document } from './ast.js';
import { documentFromMdast } from './lib/from-mdast.js';
import { markdownToMdast } from './lib/markdown.js';
import { LineIndex } from './lib/positions.js';
import type { Warning } from './lib/warnings.js';

export interface ParseOptions {
  /** Called for everything the parser drops or changes (HTML it cannot map, unsafe URLs…). */
  onWarning?: (warning: Warning) => void;
  /**
   * Nesting deeper than this (block quotes, lists, inline wrappers, HTML) is flattened to text
   * with a warning, so that no stage can overflow the stack. Default 64.
   */
  maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = 64;

/**
 * Markdown (CommonMark + GFM + math + YAML front matter + inline and block HTML) → `Document`.
 * This is the faithful reading of the source; the report passes (ordinals, page markers, broken
 * paragraphs) are separate steps.
 */
export function parse(markdown: string, options: ParseOptions = {}): Document {
  const source = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const mdast = markdownToMdast(source);
  return documentFromMdast(mdast, {
    lines: new LineIndex(source),
    warn: options.onWarning ?? (() => {}),
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
  });
}
