/**
 * What a line that is a heading looks like when nothing marks it as one (plain text, OCR): short,
 * no sentence inside, nothing at its end that says a sentence or clause is done or goes on.
 */
import { characterCount, trimLayout } from './characters.js';
import { type MatchOptions, matchOrdinal, type OrdinalMatch } from './ordinal-marker.js';

/** An ordinal heading's text after its marker is at most this long (`三、修改《…的规定》` runs to ~60). */
export const MAX_ORDINAL_HEADING = 60;

/** A numbered line that is one sentence (`（一）加强组织领导。`) is a heading up to this long. */
export const MAX_SENTENCE_HEADING = 30;

/** A heading line without an ordinal (a title, a date line, a byline) is at most this long. */
export const MAX_PLAIN_HEADING = 40;

/** A numbered label over what follows (`２、兑换破烂本币：`) is a heading up to this long, colon included. */
const MAX_LABEL_HEADING = 12;
/** A label names something in two characters or more: `改：` alone is a verb leading on. */
const MIN_LABEL_HEADING = 3;

/** A label: words and a colon, not a clause that leads on (`将第一条修改为：`, `主要包括：`). */
const LABEL = /^\p{Script=Han}+[：:]$/u;
const LEADS_ON = /(?:[为為是有即如含括]|如下|以下|下列)[：:]$/;

/** A sentence inside: a heading has none. */
const SENTENCE_INSIDE = /[。！？；;!?]/;

/** Ends a sentence or a clause, or leads on to what follows: a heading does not end so. */
const NOT_A_HEADING_END = /[。！？；：…，、.!?;:,]$/;

/**
 * The ordinal a line starts with, when the line is a heading: `一、经济运行总体平稳`,
 * `四十六、市农业农村局(市乡村振兴局)`, `三、修改《最高人民法院关于…的规定》`. Not `1.将第一条修改为：`
 * (a clause leading on), not `（一）加快发展。坚持…` (a sentence and a body).
 */
export function ordinalHeading(text: string, options: MatchOptions = {}): OrdinalMatch | null {
  if (text.includes('\n')) return null;
  const match = matchOrdinal(text, options);
  // An article is law, however short (`第一百九十九条 （删去）`): never a heading.
  if (!match || match.ordinal.style === 'article') return null;
  const body = trimLayout(text.slice(match.end));
  // `附件1` is a heading by itself.
  if (match.ordinal.style === 'attachment') return match;
  if (body === '' || characterCount(body) > MAX_ORDINAL_HEADING) return null;
  // A line that is one short sentence standing alone heads what follows (`（一）健全国家职业教育制度框架。`).
  const sentence = /^[^。！？；;!?：:]+。$/.test(body) && characterCount(body) <= MAX_SENTENCE_HEADING;
  const length = characterCount(body);
  const label = LABEL.test(body) && length >= MIN_LABEL_HEADING && length <= MAX_LABEL_HEADING && !LEADS_ON.test(body);
  if (!sentence && !label && (SENTENCE_INSIDE.test(body) || NOT_A_HEADING_END.test(body))) return null;
  // OCR ran two entries into one line: `2.完全失能保险金3.祝寿保险金`.
  if (match.ordinal.style === 'arabic-dot' && nextEntryInside(body, match.ordinal.number)) return null;
  return match;
}

/** Whether the next entry's marker (`3.` after `2.`) stands inside a line, after a CJK character. */
function nextEntryInside(body: string, number: number): boolean {
  return new RegExp(`[\\u4e00-\\u9fff]${number + 1}[.．、](?![0-9])`).test(body);
}

/**
 * A short line with no sentence or clause in it: a title, a heading without a number, a date or
 * signature line (`2024年工作回顾`, `来源：四川日报`, `国务院总理 李强`). Such a line is not the first
 * half of a broken paragraph.
 */
export function looksLikeHeading(text: string): boolean {
  const line = trimLayout(text);
  if (line === '' || line.includes('\n') || characterCount(line) > MAX_PLAIN_HEADING) return false;
  return !/[。，；！？,;!?]/.test(line) && !NOT_A_HEADING_END.test(line);
}
