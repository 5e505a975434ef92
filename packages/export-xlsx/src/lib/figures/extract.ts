/**
 * Finds the figures in running text. The rules (the package README lists them with examples):
 * - A number is a quantity when a unit from `units.ts` follows it (`8万人`, `345亿元`, `62%`,
 *   `两处`), or it is a rank (`居全省第二`, `第1名`, `全省首位`).
 * - Dates are not quantities: a four-digit year before `年` (`2019年`, `2023年度`), months and days
 *   (`12月15日`: `月` and `日` are not units), digit-by-digit years (`二〇二三年`).
 * - Ordinals are not quantities: `第十二届`, `第二批`, `第15个` (a `第` without a ranking context),
 *   nor are names and codes (`5G`, `PM2.5`, `B2B`, `12345热线`, phone numbers, `十四五`).
 * - Chinese numerals count with a unit (`十六家`, `两处`, `三年`), except `一` alone, which is
 *   mostly the article "a" (`一个`, `一项`), and a bare `百`/`千` (`千吨万人`, `每千名`) unless a
 *   bound goes with it (`突破千亿元`, `百亿斤以上`).
 * - A change is a growth: the number right after `增长`, `下降`, `提高`… (`提高到`, `降至` give a
 *   level, not a change), decreases negative; `分别增长62%、64.4%` makes both growths.
 */
import { arabicValue, CHINESE_NUMERAL, chineseValue } from './numerals.js';
import { clauseStart, subjectOf } from './subject.js';
import { foldTraditional } from './traditional.js';
import type { Figure, FigureKind } from './types.js';
import { NEEDS_MAGNITUDE, UNIT, UNIT_START } from './units.js';

const NUMBER = new RegExp(`[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?|[${CHINESE_NUMERAL}]+`, 'g');

const SENTENCE = /[^。！？!?；;\n]+(?:[。！？!?；;]+[”’」』）)]*)?/g;

/** Sentences end at `。！？；` (a `；` clause is a statement of its own in these reports) and line breaks. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  SENTENCE.lastIndex = 0;
  for (let match = SENTENCE.exec(text); match; match = SENTENCE.exec(text)) {
    const sentence = match[0].trim();
    if (sentence !== '') out.push(sentence);
  }
  return out;
}

/**
 * How far around a number the tests look: more than the longest phrase they match (`比上年同期增`,
 * `全国重点城市前`). The tests are anchored at the number, and a short window keeps them cheap.
 */
const WINDOW = 12;

/** Where a ranking holds. Longest first. */
const SCOPES =
  '全国地级市|全国重点城市|副省级城市|省会城市|同类城市|重点城市|沿海城市|地级市|全国|全省|全市|全区|全县|全球|世界|省内|国内|市内|小组';
const SCOPE_END = new RegExp(`(?:${SCOPES})$`);
const SCOPE_ANY = new RegExp(`(?:${SCOPES})`, 'g');
/** Verbs that put what follows in a ranking. */
const RANK_END = /(?:居|列|排名|排|排在|位于|跃居|跃升至|升至|上升至|提升至|前移至|保持|跻身)$/;
const RANK_VERB_BEFORE = /(?:位居|稳居|均居|跃居|居|位列|名列|列|排名|排)$/;

/** Bounds before a number. `过` only as "over" (`过百亿元`), not in `通过`, `经过`. */
const PRE_QUALIFIER = /(?:超过|超出|多达|突破|接近|将近|大约|不足|不到|至少|最多|超|逾|近|约|过)$/;
const NOT_PRE_QUALIFIER = /(?:[通经越不度]过|[节制签预合公契违履邀隐]约|[最附邻临接]近)$/;
const POST_QUALIFIER = /^(?:以上|以下|左右|以内|有余|多|余)/;

const GROWTH = /(?:增长|增加|提高|提升|上升|下降|降低|减少|回落|下滑|加快|放缓|回升|扩大|缩小)了?$/;
const GROWTH_BARE = /(?:同比|环比|比上年|较上年|比去年|较去年)(?:增|降)$/;
const GROWTH_RATE = /(?:增速|增幅|降幅|增长率)(?:均|分别|同比)?(?:为|是|达到|达|保持在|在)?$/;
const NEGATIVE = /(?:下降|降低|减少|回落|下滑|放缓|缩小|降)了?$|降幅(?:均|分别|同比)?(?:为|是|达到|达|保持在|在)?$/;
/** Between two figures of a list that share a verb: `增长62%、64.4%`, `15.2%和18.7%`. */
const LIST_JOIN = /^(?:、|和|及|与|，|,)$/;

function scopeIn(text: string): { scope: string; index: number } | null {
  let last: RegExpExecArray | null = null;
  for (const match of text.matchAll(SCOPE_ANY)) last = match as RegExpExecArray;
  if (!last) return null;
  // `全国重点城市` is one scope; `全省公立医院绩效考核…评价` is the scope `全省`.
  const rest = text.slice(last.index).replace(/(?:排名|排|居|列|位列|位居|名列|的|中)+$/, '');
  return { scope: [...rest].length <= 8 ? rest : last[0], index: last.index };
}

interface Draft {
  kind: FigureKind;
  value: number;
  unit: string;
  qualifier: string;
  scope: string;
  start: number;
  end: number;
}

/** `第N`: a rank when a ranking is in view (`居全省第二`, `第1名`, `排名第一位`), else an ordinal. */
function rank(sentence: string, di: number, numberEnd: number, value: number, floor: number): Draft | null {
  const suffix = /^[名位]/.exec(sentence.slice(numberEnd))?.[0] ?? '';
  const from = clauseStart(sentence, di, floor);
  const before = sentence.slice(from, di);
  if (!suffix && !RANK_END.test(before) && !SCOPE_END.test(before)) return null;
  const found = scopeIn(before);
  return {
    kind: 'rank',
    value,
    unit: '',
    qualifier: '',
    scope: found?.scope ?? '',
    ...rankSpan(sentence, from, found, di),
    end: numberEnd + suffix.length,
  };
}

/**
 * Where a rank's text starts: at its scope and the verb before it (`居全省第二`), unless the scope is
 * far from the rank (`列全省公立医院绩效考核…评价第一名` is written as `第一名`).
 */
function rankSpan(sentence: string, from: number, found: { index: number } | null, rank: number): { start: number } {
  if (!found || rank - (from + found.index) > 8) return { start: rank };
  let start = from + found.index;
  const verb = RANK_VERB_BEFORE.exec(sentence.slice(from, start));
  if (verb) start -= verb[0].length;
  return { start };
}

/** `全省首位`, `居全国地级市首位`: first place. */
function firstPlaces(sentence: string): Draft[] {
  const out: Draft[] = [];
  for (const match of sentence.matchAll(/首位/g)) {
    const from = clauseStart(sentence, match.index, 0);
    const before = sentence.slice(from, match.index);
    if (!RANK_END.test(before) && !SCOPE_END.test(before)) continue;
    const found = scopeIn(before);
    const span = rankSpan(sentence, from, found, match.index);
    out.push({
      kind: 'rank',
      value: 1,
      unit: '',
      qualifier: '',
      scope: found?.scope ?? '',
      ...span,
      end: match.index + 2,
    });
  }
  return out;
}

function preQualifier(before: string): string {
  const match = PRE_QUALIFIER.exec(before);
  if (!match || NOT_PRE_QUALIFIER.test(before)) return '';
  return match[0];
}

/** The figure whose number `token` starts at `start`, or `null` when it is not a quantity. */
function readFigure(sentence: string, start: number, token: string, previous: Draft | undefined): Draft | null {
  const arabic = /^[0-9０-９]/.test(token);
  // In a Chinese numeral a closing 万/亿 belongs to the unit, as in `8万人`: `十万人` is 10 of `万人`.
  const numberText = arabic ? token : token.replace(/(?:万亿|万|亿)$/, '');
  if (numberText === '') return null;
  const numberEnd = start + numberText.length;
  const previousCharacter = sentence.charAt(start - 1);
  // Most numerals in running text (`一键`, `三大`, `二是`) are not followed by a unit: a cheap test first.
  if (previousCharacter !== '第' && !UNIT_START.has(sentence.charAt(numberEnd))) return null;
  const value = arabic ? arabicValue(numberText) : chineseValue(numberText);
  if (value === null || !Number.isFinite(value)) return null;

  const floor = previous?.end ?? 0;
  if (previousCharacter === '第') return rank(sentence, start - 1, numberEnd, value, floor);
  // `一` alone is mostly the article: `一个平台`, `一项制度`, `一山一策`.
  if (numberText === '一') return null;

  // Every test below looks at a few characters either side; a window keeps them from rescanning the sentence.
  const before = sentence.slice(Math.max(0, start - WINDOW), start);
  const after = sentence.slice(numberEnd, numberEnd + WINDOW);
  // Part of a name or code: `PM2.5`, `B2B`, `0536-8888888`, `1+N`, `1.2.3`.
  if (/[A-Za-zＡ-Ｚａ-ｚ+＋]/.test(previousCharacter)) return null;
  if (/[-－—–.．]/.test(previousCharacter) && /[0-9０-９]$/.test(before.slice(0, -1))) return null;
  if (arabic && /^[A-Za-z]/.test(after) && !/^(?:km|m²|m³|kW|MW|TEU)/.test(after)) return null;

  // A year is a date, and so is the start of a span of years (`2021—2023`).
  if (
    arabic &&
    /^[0-9０-９]{4}$/.test(numberText) &&
    value >= 1000 &&
    value <= 2999 &&
    /^[年—－–\-~～至]/.test(after)
  ) {
    return null;
  }

  const unit = UNIT.exec(after);
  const { q1 = '', mag = '', q2 = '', base = '' } = unit?.groups ?? {};
  if (!unit || (mag === '' && base === '')) return null;
  if (base !== '' && NEEDS_MAGNITUDE.has(base) && mag === '') return null;
  const next = after.slice((unit[0] as string).length);
  // `10周年` is an anniversary, `80年代` a decade.
  if ((base === '周' && next.startsWith('年')) || (base === '年' && next.startsWith('代'))) return null;

  let unitText = `${mag}${base}`.replace('％', '%');
  let end = numberEnd + (unit[0] as string).length;
  // `分别提高0.6个和1.1个百分点`: the first unit is the second's.
  if (base === '个' && /^[和、与至到][0-9０-９.．]+个?百分点/.test(next)) unitText = '个百分点';

  let qualifier = q1 || q2;
  const post = POST_QUALIFIER.exec(sentence.slice(end, end + 2));
  if (post) {
    qualifier = qualifier || post[0];
    end += post[0].length;
  }
  const pre = preQualifier(before);
  let begin = start;
  if (pre) {
    qualifier = qualifier ? `${pre} ${qualifier}` : pre;
    begin -= pre.length;
  }
  // A bare hundred or thousand is a name (`千吨万人`, `每千名`) unless bounded (`突破千亿元`).
  if (!arabic && /^[百千]$/.test(numberText) && !qualifier) return null;

  const leadStart = Math.max(0, begin - WINDOW);
  const lead = sentence.slice(leadStart, begin);
  let kind: FigureKind = 'value';
  let scope = '';
  let signed = value;
  if (lead.endsWith('前') && SCOPE_END.test(lead.slice(0, -1))) {
    // `全国前10%`: a top-N rank.
    kind = 'rank';
    qualifier = '前';
    const found = scopeIn(lead.slice(0, -1));
    scope = found?.scope ?? '';
    begin = found && lead.length - 1 - found.index <= 8 ? leadStart + found.index : begin - 1;
  } else if (GROWTH.test(lead) || GROWTH_BARE.test(lead) || GROWTH_RATE.test(lead)) {
    kind = 'growth';
    if (NEGATIVE.test(lead)) signed = -value;
  } else if (previous?.kind === 'growth' && LIST_JOIN.test(sentence.slice(previous.end, begin))) {
    kind = 'growth';
    if (previous.value < 0) signed = -value;
  }
  return { kind, value: signed, unit: unitText, qualifier, scope, start: begin, end };
}

/**
 * Quoted text and titles are names, slogans and book titles (`“五个振兴”`, `“1+N”`,
 * `《山东省“社区微业”三年行动计划》`), not statements of quantity. `「」『』` are the quotes of the
 * Traditional editions. At a `《` the title alternative matches the whole title, quotes inside and all.
 */
const QUOTED = /“[^“”]*”|《[^《》]*》|「[^「」]*」|『[^『』]*』|"[^"]*"/g;

/** The sentence with quoted text blanked out, offsets unchanged: numbers are looked for in this. */
function unquoted(sentence: string): string {
  if (!/[“《「『"]/.test(sentence)) return sentence;
  return sentence.replace(QUOTED, (quoted) => '\u0000'.repeat(quoted.length));
}

/**
 * The figures of one sentence, in reading order. A sentence in Traditional characters is read
 * through `foldTraditional` (same offsets); texts are then taken from the sentence as written.
 */
export function sentenceFigures(sentence: string): Figure[] {
  const folded = foldTraditional(sentence);
  const figures = foldedSentenceFigures(folded);
  if (folded === sentence) return figures;
  const asWritten = (word: string, from = 0): string => wordAsWritten(word, folded, sentence, from);
  return figures.map((figure) => ({
    ...figure,
    unit: asWritten(figure.unit, figure.start),
    qualifier: figure.qualifier
      .split(' ')
      .map((part) => asWritten(part, Math.max(0, figure.start - WINDOW)))
      .join(' '),
    scope: asWritten(figure.scope),
    subject: asWritten(figure.subject),
    text: sentence.slice(figure.start, figure.end),
    sentence,
  }));
}

/**
 * `word`, found in `folded` (the sentence through the fold), as `sentence` writes it. A subject is
 * put together from pieces of the sentence (`覆蓋` and `縣市區` around `13個`), so each longest piece
 * is looked up in turn, from where the last one ended (then anywhere); a character found nowhere
 * stays as it is.
 */
function wordAsWritten(word: string, folded: string, sentence: string, from: number): string {
  let out = '';
  let at = from;
  for (let i = 0; i < word.length; ) {
    let found = -1;
    let length = word.length - i;
    for (; length > 0; length--) {
      const piece = word.slice(i, i + length);
      found = folded.indexOf(piece, at);
      if (found < 0) found = folded.indexOf(piece);
      if (found >= 0) break;
    }
    if (found < 0) {
      out += word.charAt(i);
      i++;
      continue;
    }
    out += sentence.slice(found, found + length);
    i += length;
    at = found + length;
  }
  return out;
}

function foldedSentenceFigures(sentence: string): Figure[] {
  const scanned = unquoted(sentence);
  const drafts: Draft[] = [];
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(scanned); match; match = NUMBER.exec(scanned)) {
    const figure = readFigure(sentence, match.index, match[0], drafts[drafts.length - 1]);
    if (figure) drafts.push(figure);
  }
  if (scanned.includes('首位')) {
    drafts.push(...firstPlaces(sentence).filter((draft) => scanned.startsWith('首位', draft.end - 2)));
    drafts.sort((a, b) => a.start - b.start);
  }

  const figures: Figure[] = [];
  for (const draft of drafts) {
    const previous = figures[figures.length - 1];
    const floor = previous && previous.end <= draft.start ? previous.end : 0;
    // A figure that only continues a list (`、64.4%`) or follows its subject's figure (`,同比增长9.2%`)
    // measures what the figure before it measured.
    const subject =
      subjectOf(sentence, draft.start, draft.end, floor, draft.kind !== 'rank') || previous?.subject || '';
    figures.push({ ...draft, subject, text: sentence.slice(draft.start, draft.end), sentence });
  }
  return figures;
}

/** Every figure in a text, sentence by sentence. */
export function extractFigures(text: string): Figure[] {
  return sentences(text).flatMap(sentenceFigures);
}
