/**
 * Questions every exporter asks of a whole document: is its first heading its title (rendered once,
 * as the title), and is it in Traditional characters (labels, fonts and faces follow).
 */
import type { Document, Heading, Ordinal } from '../ast.js';
import { withoutSpaces } from '../passes/characters.js';
import { toText } from './to-text.js';

/** A label a database puts before a title (`法規名稱：中華民國憲法`): not part of the title. */
const TITLE_LABEL = /^(?:法規名稱|法规名称|標題|标题|名稱|名称|題目|题目)[：:]\s*/;

/**
 * A title heading's text as the document's title: one line (a title set on two lines reads as one),
 * without a database's label.
 */
export function titleText(heading: Heading): string {
  // Split, not `/\s*\n\s*/`: that backtracks over long runs of spaces.
  return toText(heading)
    .split('\n')
    .map((line) => line.trim())
    .join('')
    .replace(TITLE_LABEL, '');
}

/**
 * The heading that holds the document's title: the first heading whose text is `meta.title`,
 * among the first two (a journal's column label may stand above the title). Exporters render it
 * once, as the title.
 */
export function titleHeadingOf(doc: Document): Heading | undefined {
  const title = doc.meta.title;
  if (!title) return undefined;
  const headings = doc.children.filter((block): block is Heading => block.type === 'heading').slice(0, 2);
  return headings.find((heading) => withoutSpaces(titleText(heading)) === withoutSpaces(title));
}

/**
 * An item's marker as it is set before the item's text: a legal article's marker is followed by an
 * ideographic space, as codes are printed (`第十八条　特殊防卫…`); a report's `1.` or `（一）` runs on.
 */
export function markerText(ordinal: Ordinal): string {
  return ordinal.style === 'article' ? `${ordinal.marker.trimEnd()}\u3000` : ordinal.marker;
}

/** Whether a language tag names Chinese in Traditional characters: zh-TW, zh-HK, zh-MO, zh-Hant(-…). */
export function isTraditionalChinese(lang: string | undefined): boolean {
  return lang !== undefined && /^zh-(TW|HK|MO|Hant)\b/i.test(lang);
}
