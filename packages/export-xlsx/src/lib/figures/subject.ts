/**
 * What a figure measures, read from the words around it. Chinese report sentences say it in one of
 * two orders: the measure first (`全市引进青年人才8万人以上`, `耕地面积990.87万亩`) or the count
 * first (`组建10个种业创新团队`). The subject is the clause text before the figure, without the
 * scope and time words that open a clause (`全市`, `2023年`, `其中`) and the verbs that join it to
 * the number (`达到`, `为`); when that leaves one verb or nothing, the noun after the figure is added.
 */
import { escapeRegExp } from './units.js';

/** Where a clause starts: the figure's subject never reaches back across these. */
const CLAUSE_BREAK = /[，,；;：:、（(）)。！？!?\s]/;

/** Words that open a clause without saying what is measured. Longest first. */
const LEADING = [
  '截至目前',
  '根据',
  '预计全年',
  '前三季度',
  '上半年',
  '下半年',
  '其中',
  '全市',
  '全省',
  '全国',
  '全区',
  '全县',
  '我市',
  '本市',
  '我省',
  '全年',
  '年内',
  '当年',
  '今年',
  '目前',
  '共有',
  '另有',
  '此外',
  '同时',
  '累计',
  '合计',
  '总计',
  '预计',
  '分别',
  '同比',
  '共',
  '已',
  '并',
  '均',
  '由',
  '从',
];

/** Words that join the subject to the number, or bound it. Longest first. */
const TRAILING = [
  '较去年同期',
  '比上年同期',
  '达到了',
  '稳定在',
  '保持在',
  '控制在',
  '提高到',
  '提升到',
  '提高至',
  '比上年',
  '较上年',
  '达到',
  '超过',
  '超出',
  '突破',
  '共计',
  '累计',
  '总计',
  '合计',
  '只有',
  '拥有',
  '共有',
  '增至',
  '降至',
  '降为',
  '增长',
  '增加',
  '提高',
  '提升',
  '下降',
  '降低',
  '减少',
  '完成',
  '实现',
  '分别',
  '同比',
  '位居',
  '稳居',
  '均居',
  '位列',
  '名列',
  '排名',
  '跃居',
  '达',
  '为',
  '是',
  '至',
  '到',
  '超',
  '近',
  '约',
  '逾',
  '计',
  '仅',
  '在',
  '均',
  '的',
  '居',
  '列',
  '排',
];

const DATE =
  /^(?:[0-9０-９]{4}年(?:底|末|初)?(?:[0-9０-９]{1,2}月(?:份|底|末)?)?(?:[0-9０-９]{1,2}日)?|[0-9０-９]{1,2}月(?:份|底|末)?(?:[0-9０-９]{1,2}日)?|[0-9０-９]{1,2}至[0-9０-９]{1,2}月份?)/;

const MAX_SUBJECT = 20;
const MAX_FOLLOWING = 12;

const LEADING_WORD = new RegExp(`^(?:${LEADING.map(escapeRegExp).join('|')})`);
const TRAILING_WORDS = new RegExp(`(?:${TRAILING.map(escapeRegExp).join('|')})+$`);

function stripLeading(text: string): string {
  let rest = text;
  for (let changed = true; changed; ) {
    changed = false;
    const date = DATE.exec(rest);
    if (date && date[0] !== '') {
      rest = rest.slice(date[0].length);
      changed = true;
    }
    const word = LEADING_WORD.exec(rest);
    // A word that is the whole text is what is measured (`全年`), not an opener.
    if (word && rest.length > word[0].length) {
      rest = rest.slice(word[0].length);
      changed = true;
    }
  }
  return rest;
}

function stripTrailing(text: string): string {
  return text.replace(TRAILING_WORDS, '');
}

const OPEN = /[（(]/;
const CLOSE = /[）)]/;

/**
 * Where the clause holding `index` starts, not before `floor`. A parenthesis closed before the
 * figure is part of the clause (`创建省级智能牧场(基地)12家`); an open one starts it.
 */
export function clauseStart(sentence: string, index: number, floor: number): number {
  let start = index;
  while (start > floor) {
    const character = sentence[start - 1] as string;
    if (CLOSE.test(character)) {
      let open = start - 2;
      while (open >= floor && !OPEN.test(sentence[open] as string)) open -= 1;
      if (open < floor) break;
      start = open;
      continue;
    }
    if (CLAUSE_BREAK.test(character)) break;
    start -= 1;
  }
  return start;
}

/** Chinese word segmentation (ICU, in Node and every current browser), made once. */
let segmenter: Intl.Segmenter | undefined;
function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/**
 * At most `count` characters from the end of `text`, cut between words (`城镇调查失业率平均` →
 * `失业率平均`, never `率平均` cut inside a word) — a word longer than the limit is kept whole.
 */
function lastCharacters(text: string, count: number): string {
  if (text.length <= count || [...text].length <= count) return text;
  const parts = words(text);
  let out = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] as string;
    if (out !== '' && [...out].length + [...part].length > count) break;
    out = part + out;
  }
  return out;
}

/** At most `count` characters from the start of `text`, cut between words (`城镇调查失业率平`: no). */
function firstCharacters(text: string, count: number): string {
  if ([...text].length <= count) return text;
  let out = '';
  for (const part of words(text)) {
    if (out !== '' && [...out].length + [...part].length > count) break;
    out += part;
  }
  return out;
}

/** Parenthesised asides (`(基地)`, `（市、区）`) do not name what is measured. */
function withoutAsides(text: string): string {
  return text.replace(/[（(][^（()）]*[）)]/g, '');
}

/**
 * The subject of a figure whose text spans `[start, end)` of `sentence`, not reaching back before
 * `floor` (the end of the previous figure in the same clause). `lookAhead: false` for ranks: what
 * follows `全省第一` is never what was ranked.
 */
export function subjectOf(sentence: string, start: number, end: number, floor: number, lookAhead = true): string {
  const from = clauseStart(sentence, start, floor);
  const before = stripLeading(stripTrailing(stripLeading(withoutAsides(sentence.slice(from, start)))));
  if ([...before].length > 2 || !lookAhead) return lastCharacters(before, MAX_SUBJECT);

  // Count first: the measure follows the figure, up to the clause's end or its next number.
  let following = sentence.slice(end).replace(/^的/, '');
  const stop = following.search(/[，,；;：:、（(）)。！？!?\s0-9０-９和及与“「《"]/);
  if (stop >= 0) following = following.slice(0, stop);
  following = stripTrailing(firstCharacters(following, MAX_FOLLOWING));
  return `${before}${following}`;
}
