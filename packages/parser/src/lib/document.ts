/**
 * Questions every exporter asks of a whole document: is its first heading its title (rendered once,
 * as the title), and is it in Traditional characters (labels, fonts and faces follow).
 */
import type { Document, Heading } from '../ast.js';
import { toText } from './to-text.js';

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first heading, when its text is the document's title: exporters render it once, as the title. */
export function titleHeadingOf(doc: Document): Heading | undefined {
  const title = doc.meta.title;
  if (!title) return undefined;
  const first = doc.children.find((block): block is Heading => block.type === 'heading');
  return first && normalise(toText(first)) === normalise(title) ? first : undefined;
}

/** Whether a language tag names Chinese in Traditional characters: zh-TW, zh-HK, zh-MO, zh-Hant(-…). */
export function isTraditionalChinese(lang: string | undefined): boolean {
  return lang !== undefined && /^zh-(TW|HK|MO|Hant)\b/i.test(lang);
}
