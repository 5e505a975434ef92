/**
 * Reading the ordinal at the start of a heading or paragraph: `四十、`, `（一）`, `1.`, `（1）`,
 * `第一章`, `第一节`, `第一条`.
 *
 * Levels. Reports number their outline `一、` (1) › `（一）` (2) › `1.` (3) › `（1）` (4). Legal texts
 * number chapters, sections and articles; they get the levels whose typography they share in the
 * themes: `第一章` 1 (a level-1 heading, like `一、`), `第一节` 2 (like `（一）`), `第一条` 3 (a numbered
 * paragraph with a run-in marker, like `1.`). Levels say how a marker is set, not how numbering
 * nests: article numbers run on through chapters, and the `（一）` clauses inside an article are not
 * siblings of sections. `check` therefore reads how numberings nest from the order they appear in.
 */
import type { Ordinal, OrdinalStyle } from '../ast.js';
import { INDENT_CHARS } from './characters.js';

/** The level of each numbering style in its family (`decimal`: one number; `1.2` is 2). */
export const ORDINAL_LEVEL: { [S in OrdinalStyle]: number } = {
  'chinese-comma': 1,
  'chinese-space': 1,
  'formal-comma': 1,
  'stem-paren': 1,
  attachment: 1,
  'chinese-paren': 2,
  'arabic-dot': 3,
  'arabic-paren': 4,
  circled: 5,
  decimal: 1,
  part: 1,
  subpart: 1,
  chapter: 1,
  section: 2,
  subsection: 2,
  article: 3,
};

const DIGITS: { [key: string]: number } = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: { [key: string]: number } = { 十: 10, 百: 100, 千: 1000 };

/** The formal numerals of contracts and Taiwan's documents (大写): `壹貳參` are `一二三`. */
const FORMAL: { [key: string]: string } = {
  壹: '一',
  贰: '二',
  貳: '二',
  叁: '三',
  參: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  陸: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
};

/**
 * A Chinese numeral written with units (`四十二`, `一百零一`, `十`) as a number; `null` for
 * anything else, including digit-by-digit years (`一九五四`).
 */
export function chineseNumber(text: string): number | null {
  if (text === '') return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  let afterZero = false;
  for (const char of text) {
    const value = DIGITS[char];
    if (value !== undefined) {
      // Two digits in a row only after a zero (`一百零五`).
      if (digit !== null && !(afterZero && digit === 0)) return null;
      digit = value;
      afterZero = value === 0;
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return null;
    // `十二` is ten-two: a leading ten has no digit.
    total += (digit ?? (total === 0 && unit === 10 ? 1 : Number.NaN)) * unit;
    if (Number.isNaN(total) || digit === 0) return null;
    lastUnit = unit;
    digit = null;
    afterZero = false;
  }
  total += digit ?? 0;
  return total > 0 ? total : null;
}

function arabicNumber(text: string): number {
  return Number(text.replace(/[０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)));
}

/** An ordinal found at the start of a text. */
export interface OrdinalMatch {
  ordinal: Ordinal;
  /** Where the marker starts (after leading whitespace). */
  start: number;
  /** Where the text after the marker starts (after the marker and the whitespace following it). */
  end: number;
}

export interface MatchOptions {
  /**
   * `heading`: the whole text is a heading, so `第一章总则` (no space) is a chapter. In a paragraph a
   * legal marker must be followed by a space (`第一条 中华人民共和国…`): `第一条规定的…` is prose.
   */
  context?: 'heading' | 'paragraph';
  /**
   * The `1.` number expected next in this section. `8.6个重大科技专项` reads as the amount 8.6 on
   * its own, but as item 8 right after item 7.
   */
  expectedArabic?: number;
}

const LEAD = new RegExp(`^[${INDENT_CHARS}]*`);
const CHINESE_NUMERAL = '[零〇一二三四五六七八九十百千]+';
const FORMAL_NUMERAL = '[壹贰貳叁參肆伍陆陸柒捌玖拾佰]+';
const ARABIC_NUMERAL = '[0-9０-９]{1,3}';
const SPACE = `[${INDENT_CHARS}]`;
/** A legal unit's number: `十八`, `18`, `18-1` (Taiwan's inserted articles), with spaces around it (`第 1 條`, `第 一 章`). */
const LEGAL_NUMBER = `(${SPACE}*${CHINESE_NUMERAL}${SPACE}*|${SPACE}*[0-9０-９]{1,4}(?:[-－][0-9０-９]{1,2})?${SPACE}*)`;
/** Units a decimal number is followed by in prose (`2.5亿元`), never a section title. */
const DECIMAL_UNIT = '[亿万千百十元个倍年月日号期次名家项件户人吨米%％]';
/** What follows an amount, never a section title even in a heading (`# 2.5亿元投入`, `# 1.2 mm`). */
const AMOUNT_UNIT =
  '(?:[亿万千百十元倍%％]|(?:mm|cm|km|kg|mg|ml|m|g|s|h|Hz|kHz|MHz|GHz|KB|MB|GB|TB|kW|W|V|A)(?![A-Za-z]))';
const PATTERNS: { style: OrdinalStyle; pattern: RegExp; heading?: true; paragraph?: true }[] = [
  { style: 'chinese-comma', pattern: new RegExp(`^(${CHINESE_NUMERAL})、`) },
  // `壹、推動 2050 達到淨零排放的意義`: the formal numerals number the level above `一、`.
  { style: 'formal-comma', pattern: new RegExp(`^(${FORMAL_NUMERAL})、`) },
  // `一　選舉總統、副總統。`: a numeral and a wide space (or two plain ones), in a paragraph only.
  { style: 'chinese-space', pattern: new RegExp(`^(${CHINESE_NUMERAL})(?=[\\u3000]|  )`), paragraph: true },
  { style: 'chinese-paren', pattern: new RegExp(`^[（(](${CHINESE_NUMERAL})[）)]`) },
  // `（甲）存款`: the heavenly stems number the level above `一、` in older and legal texts.
  { style: 'stem-paren', pattern: /^[（(]([甲乙丙丁戊己庚辛壬癸])[）)]/ },
  // `附件1` alone on a line heads the document attached after a 公文's closing.
  { style: 'attachment', pattern: /^附\s*件\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})/ },
  { style: 'arabic-paren', pattern: new RegExp(`^[（(](${ARABIC_NUMERAL})[）)]`) },
  // `1.2 研究区概况`, `2.3.1　方法`: section numbers of papers and standards.
  {
    style: 'decimal',
    pattern: new RegExp(`^([0-9]{1,2}(?:[.．][0-9]{1,2})+)(?=${SPACE})(?!${SPACE}*(?:${DECIMAL_UNIT}|[A-Za-z]))`),
  },
  {
    style: 'decimal',
    pattern: new RegExp(`^([0-9]{1,2}(?:[.．][0-9]{1,2})+)(?=[\\u4e00-\\u9fff])(?!${DECIMAL_UNIT})`),
    heading: true,
  },
  // `4.4.1获取模块图6中的…`: a section number of three levels or more, glued to its run-in heading by
  // OCR, in a paragraph too: no amount or date is written with two dots and one or two digits a part.
  {
    style: 'decimal',
    pattern: new RegExp(`^([0-9]{1,2}(?:[.．][0-9]{1,2}){2,})(?=[\\u4e00-\\u9fff])(?!${DECIMAL_UNIT})`),
  },
  // `# 2.21990年以来，…`: OCR glued a year to the section number 2.2 (a year wins over `2.21`).
  {
    style: 'decimal',
    pattern: /^([0-9]{1,2}(?:[.．][0-9]{1,2})*[.．][0-9]{1,2}?)(?=(?:1[89]|20)[0-9]{2}年)/,
    heading: true,
  },
  // `# 2.2Social Software与用户行为`, `# 4.2 IM使用调查`, `# 4.1个人通讯系统调查`: in a heading a word
  // (Latin too) may follow a section number, and OCR loses the space; only an amount (`2.5亿元`) may not.
  {
    style: 'decimal',
    pattern: new RegExp(
      `^([0-9]{1,2}(?:[.．][0-9]{1,2})+)(?=${SPACE}*[A-Za-z\\u4e00-\\u9fff])(?!${SPACE}*${AMOUNT_UNIT})`,
    ),
    heading: true,
  },
  // `# 1 引言`: a paper's first-level section number, in a heading only.
  { style: 'decimal', pattern: new RegExp(`^([0-9]{1,2})(?=${SPACE}+[^\\s0-9])`), heading: true },
  // `# 1经济转型的理论与事实`: OCR lost the space.
  { style: 'decimal', pattern: new RegExp(`^([0-9]{1,2})(?=[\\u4e00-\\u9fff])(?!${DECIMAL_UNIT})`), heading: true },
  { style: 'arabic-dot', pattern: new RegExp(`^(${ARABIC_NUMERAL})[.．、]`) },
  { style: 'arabic-paren', pattern: new RegExp(`^(${ARABIC_NUMERAL})[)）]`) },
  { style: 'circled', pattern: /^([\u2460-\u2473])/ },
  { style: 'part', pattern: new RegExp(`^第${LEGAL_NUMBER}[编編]`) },
  { style: 'subpart', pattern: new RegExp(`^第${LEGAL_NUMBER}分[编編]`) },
  // 之一 inserts a chapter too (`第 四 章之一`); 款 divides a 节 in Taiwan's laws (`第 一 款 著作財產權之種類`).
  { style: 'chapter', pattern: new RegExp(`^第${LEGAL_NUMBER}章(?:之(${CHINESE_NUMERAL}))?`) },
  { style: 'section', pattern: new RegExp(`^第${LEGAL_NUMBER}[节節](?:之(${CHINESE_NUMERAL}))?`) },
  { style: 'subsection', pattern: new RegExp(`^第${LEGAL_NUMBER}款`) },
  { style: 'article', pattern: new RegExp(`^第${LEGAL_NUMBER}[条條](?:之(${CHINESE_NUMERAL}))?`) },
];

/** The number a numeral of any of the patterns stands for, with the sub-number of `18-1`; `null` when it is none. */
function numberOf(style: OrdinalStyle, numeral: string): { number: number; sub?: number } | null {
  const value = numeral.replace(new RegExp(SPACE, 'g'), '');
  if (style === 'circled') return { number: value.charCodeAt(0) - 0x2460 + 1 };
  if (style === 'decimal') {
    const parts = value.split(/[.．]/);
    return { number: Number(parts[parts.length - 1]) };
  }
  if (style === 'stem-paren') return { number: '甲乙丙丁戊己庚辛壬癸'.indexOf(value) + 1 };
  if (style === 'formal-comma') {
    const number = chineseNumber([...value].map((char) => FORMAL[char] ?? char).join(''));
    return number === null ? null : { number };
  }
  if (/^[0-9０-９]/.test(value)) {
    const [main, sub] = value.split(/[-－]/);
    const number = arabicNumber(main as string);
    return sub === undefined ? { number } : { number, sub: arabicNumber(sub) };
  }
  const number = chineseNumber(value);
  return number === null ? null : { number };
}

/** `一、二线城市`, `三、四级医院`: a range of numerals, not an ordinal. */
const NUMERAL_RANGE = /^[一二三四五六七八九十][、线级类档等]/;

/**
 * The ordinal a heading or paragraph text starts with, or `null`. Rejects what only looks like
 * one: amounts and versions (`1.5亿元`, `1.29万亩`, `2023.`), numeral ranges (`一、二线城市`).
 */
export function matchOrdinal(text: string, options: MatchOptions = {}): OrdinalMatch | null {
  const start = (LEAD.exec(text)?.[0] ?? '').length;
  const rest = text.slice(start);
  for (const { style, pattern, heading, paragraph } of PATTERNS) {
    if (heading && options.context !== 'heading') continue;
    if (paragraph && options.context === 'heading') continue;
    const match = pattern.exec(rest);
    if (!match) continue;
    const value = numberOf(style, match[1] as string);
    if (value === null || value.number <= 0) return null;
    // 之一 after an article: `第一百二十条之一` is article 120, sub 1.
    const inserted = match[2] === undefined ? null : chineseNumber(match[2]);
    const sub = inserted ?? value.sub;
    const marker = match[0];
    const after = rest.slice(marker.length);
    if (!acceptable(style, value.number, after, options)) return null;
    const separator = (LEAD.exec(after)?.[0] ?? '').length;
    const level = style === 'decimal' ? (match[1] as string).split(/[.．]/).length : ORDINAL_LEVEL[style];
    const ordinal: Ordinal = { level, number: value.number, marker, style };
    if (sub !== undefined && sub !== null) ordinal.sub = sub;
    return { ordinal, start, end: start + marker.length + separator };
  }
  return null;
}

function acceptable(style: OrdinalStyle, number: number, after: string, options: MatchOptions): boolean {
  switch (style) {
    case 'arabic-dot':
      // A digit after the dot makes a decimal (`1.5亿元`); it is an ordinal only where one is due.
      if (/^[0-9０-９]/.test(after)) return number >= 2 && options.expectedArabic === number;
      return true;
    case 'chinese-comma':
      return !NUMERAL_RANGE.test(after);
    case 'attachment':
      return /^[\s：:]*$/.test(after);
    case 'part':
    case 'subpart':
    case 'chapter':
    case 'section':
    case 'subsection':
    case 'article':
      return options.context === 'heading' || after === '' || LEAD.exec(after)?.[0] !== '';
    default:
      return true;
  }
}
