import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmStrikethroughCjkFriendly } from 'micromark-extension-cjk-friendly-gfm-strikethrough';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';

// Built once: the extension objects are plain data and safe to share.
const extensions = [
  frontmatter(['yaml']),
  gfm(),
  // CJK-friendly emphasis: `**“重点”**工作` is strong text (CommonMark leaves the asterisks).
  cjkFriendlyExtension(),
  // Must come after gfm() (see its README), or strikethrough keeps the CommonMark rule.
  gfmStrikethroughCjkFriendly(),
  math(),
];
const mdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown(), mathFromMarkdown()];

/** Markdown → mdast with every syntax extension wenshu reads. */
export function markdownToMdast(markdown: string): Root {
  return fromMarkdown(markdown, { extensions, mdastExtensions });
}

/** The same extensions, for benchmarks that compare against raw mdast-util-from-markdown. */
export const markdownExtensions = { extensions, mdastExtensions };
