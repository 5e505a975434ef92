/**
 * A bold line standing alone: how AI chat tools and Word users mark a heading without a heading
 * style (`**2025年基层落实的重点与成效**：`, `**1. 生育支持政策体系：**`).
 */
import type { Paragraph, PhrasingContent } from '../ast.js';

/** A bold line standing alone is a heading up to this long. */
export const MAX_BOLD_HEADING = 40;

/** The paragraph is one bold run, with at most closing punctuation after it. */
export function isBoldLine(block: Paragraph): boolean {
  const children = block.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [first, ...rest] = children;
  if (first?.type !== 'strong') return false;
  return rest.every((child: PhrasingContent) => child.type === 'text' && /^[：:。]?$/.test(child.value.trim()));
}
