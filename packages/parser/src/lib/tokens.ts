/**
 * Unbreakable tokens: the stretches of text a reader takes as one thing and that a line must not
 * break inside — a number with its sign, currency and unit (`−0.216%`, `¥1,200万元`, `≥102%`,
 * `71歲`), a date (`2023年5月1日`, `2023-05-01`), a Latin word or code (`GDP`, `PM2.5`).
 *
 * Chinese line breaking (clreq, UAX #14) allows a break between a digit and a Han character, so
 * `12.5亿元` may end a line at `12.5` and `0.195%` in a narrow column became `0.1 / 95%` in a
 * table (issue 16). The PDF line breaker consults these spans as glue in table cells, and table
 * column widths take their narrowest setting from the widest token, so a column is never narrower
 * than a number it holds. One module serves both, so that what is measured is what is kept whole.
 */

/** Han units that belong to the number before them: money, counts, measures, ages, dates. */
const HAN_UNITS = [
  '个百分点',
  '百分点',
  '平方公里',
  '平方米',
  '万亿元',
  '亿美元',
  '万美元',
  '万亿',
  '亿元',
  '万元',
  '千元',
  '美元',
  '港元',
  '万人',
  '人次',
  '公里',
  '千米',
  '公顷',
  '小时',
  '分钟',
  '亿',
  '万',
  '千',
  '元',
  '岁',
  '歲',
  '倍',
  '人',
  '户',
  '戶',
  '家',
  '吨',
  '噸',
  '米',
  '亩',
  '天',
  '次',
  '项',
  '項',
  '个',
  '個',
  '件',
  '台',
  '辆',
  '輛',
  '所',
  '座',
  '张',
  '張',
  '份',
  '篇',
  '名',
  '位',
  '年',
  '月',
  '日',
  '号',
  '號',
  '期',
  '级',
  '級',
  '届',
  '屆',
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT = `(?:${HAN_UNITS.map(escapeRegExp).join('|')})`;
/** A number: digits with inner separators (1,200 · 0.216 · 3-5 · 12:30 · 2023/05/01). */
const NUMBER = String.raw`\d+(?:[.,，．:：/\-–]\d+)*`;
const SIGN = String.raw`[+\-−±≥≤＜＞<>≈~～]?`;
const CURRENCY = String.raw`(?:[¥$￥€£]|RMB|US\$)?`;
/** After the number: a percent or degree sign, a Latin unit (km, m², kg/h), or a Han unit. */
const SUFFIX = String.raw`(?:[%％‰‱℃°]|[A-Za-zµμ]+[²³]?(?:\/[A-Za-z]+[²³]?)?|${UNIT})?`;
/** Chinese dates: 2023年5月1日, 2023年5月, 5月1日 (each part a number and its unit, kept as one). */
const DATE = String.raw`\d{2,4}年\d{1,2}月(?:\d{1,2}[日号])?|\d{1,2}月\d{1,2}[日号]`;
/** Latin words and codes with inner dots, hyphens, apostrophes (e-mail, U.S., PM2.5). */
const WORD = String.raw`[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ0-9]*(?:['’.\-_][A-Za-zÀ-ɏ0-9]+)*`;

const TOKEN = new RegExp(`${DATE}|${SIGN}${CURRENCY}${NUMBER}${SUFFIX}|${WORD}`, 'gu');

/** `[start, end)` UTF-16 offsets of each unbreakable token of `text`, in order, not overlapping. */
export function unbreakableSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    // A one-character token has no inside to protect.
    if (end - start > 1) spans.push([start, end]);
  }
  return spans;
}

/**
 * For each UTF-16 offset of `text`, whether a line must not break before it (it is inside a
 * token, not at its start). The PDF breaker reads this per cluster.
 */
export function glueMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const [start, end] of unbreakableSpans(text)) mask.fill(1, start + 1, end);
  return mask;
}
