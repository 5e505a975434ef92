/**
 * The figure reader's words are Simplified (`万人`, `增长`, `个百分点`, `全省`). A Traditional
 * edition writes them `萬人`, `增長`, `個百分點`, `全省`: without this fold the tw and hk workbooks
 * of the seed had 102 figures where the cn one had 291. Rather than a second copy of every rule,
 * a sentence is read through a fold that puts each Traditional form of a character the rules use
 * back to its Simplified form, one character for one (so offsets do not move), and the figures'
 * texts are then taken from the sentence as written.
 *
 * The pairs are every Traditional form that OpenCC (opencc-js 1.4.2: each alternative in
 * STCharacters, and what the t, tw, twp and hk editions make of the character) gives a Han
 * character used in `extract.ts`, `subject.ts`, `units.ts` and `numerals.ts`, plus 佔 (占, as in
 * 佔比). `traditional.test.ts` checks that every such character, converted by every edition,
 * folds back.
 */
const PAIRS =
  '標标別别並并冊册場场處处牀床從从達达當当點点棟栋噸吨個个國国過过戶户環环緩缓會会躋跻級级計计間间' +
  '減减將将較较節节僅仅經经據据擴扩類类裏里裡里兩两輛辆鄰邻臨临輪轮畝亩內内歐欧籤签頃顷區区時时實实' +
  '縮缩臺台條条頭头萬万違违爲为為为穩稳縣县現现項项億亿隱隐擁拥於于餘余與与預预約约躍跃張张長长鍾钟' +
  '鐘钟種种準准總总組组佔占';

const FOLD = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) FOLD.set(PAIRS.charAt(i), PAIRS.charAt(i + 1));

const TRADITIONAL = new RegExp(`[${[...FOLD.keys()].join('')}]`, 'g');

/** `text` with the Traditional forms of the reader's characters in Simplified; same length. */
export function foldTraditional(text: string): string {
  return text.replace(TRADITIONAL, (ch) => FOLD.get(ch) ?? ch);
}

/** The pairs, for the tests: `[Traditional, Simplified]`. */
export function foldPairs(): [string, string][] {
  return [...FOLD];
}
