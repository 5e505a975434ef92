/**
 * Prose indented as code. Databases and OCR tools indent every paragraph of an article with four
 * spaces, which Markdown reads as an indented code block: a reader sees paragraphs. A code block
 * with no language whose text is Chinese prose (mostly CJK characters, with sentence punctuation)
 * becomes one paragraph per line; the spaces that indented a line are layout.
 */
import type { BlockContent, Code, Paragraph } from '../ast.js';
import { isWide } from './characters.js';

/** Whether a code block's text is Chinese prose, not code: CJK characters outnumber the rest, and it has sentences. */
export function isIndentedProse(code: Code): boolean {
  if (code.lang !== null || !/[。，；！？]/.test(code.value)) return false;
  let wide = 0;
  let other = 0;
  for (const char of code.value) {
    if (isWide(char)) wide++;
    else if (!/\s/.test(char)) other++;
  }
  return wide > other * 2;
}

/** The paragraphs of prose indented as code: one per line, its indent of plain spaces removed. */
export function proseParagraphs(code: Code): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of code.value.split('\n')) {
    const value = line.replace(/^[ \t]+/, '').trimEnd();
    if (value.trim() === '') continue;
    // No position: Markdown dropped the indent, so where a line's text starts in the file is not known.
    const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value }] };
    paragraphs.push(paragraph);
  }
  return paragraphs;
}

/** The blocks with every code block of indented prose read as paragraphs. */
export function readIndentedProse(blocks: BlockContent[]): BlockContent[] | null {
  if (!blocks.some((block) => block.type === 'code' && isIndentedProse(block))) return null;
  return blocks.flatMap((block) =>
    block.type === 'code' && isIndentedProse(block) ? proseParagraphs(block) : [block],
  );
}
