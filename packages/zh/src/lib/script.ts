/**
 * Which script a text is written in, character by character, so that what is already
 * Traditional is left as it is.
 *
 * OpenCC converts every character it knows, whatever script it is in: a company name written in
 * Traditional, 台灣人壽, becomes 臺灣人壽, a filing number 台壽字第…號 becomes 臺壽字, because 台 is
 * also the Simplified form of 臺. An editor publishing a Traditional edition keeps a Traditional
 * source's own characters. So each character of a text gets a script:
 * - Simplified: a character OpenCC's Simplified → Traditional table changes and that no
 *   Traditional text OpenCC writes contains (对, 发, 湾);
 * - Traditional: a character OpenCC's Traditional → Simplified table changes and that no
 *   Simplified text contains (對, 發, 灣, 臺, 壽);
 * - either (台, 后, 干, 里, 采, 公, 司…): the script of the nearest character that has one
 *   (on a tie, the one after: a word's script is mostly decided by its end, 保险 after 人壽),
 *   or, in a text without any, the script of the document.
 * Characters that get the Traditional script are kept as written; the rest is converted, each
 * stretch as a whole (so phrases still convert as phrases).
 */
import { isTraditionalChinese, traditionalLanguageOf } from '@wenshu/parser';
import { type DictLike, openccConfig } from './opencc-data.js';

/** The script of a text or a character. */
export type Script = 'simplified' | 'traditional';

const EITHER = 0;
const SIMPLIFIED = 1;
const TRADITIONAL = 2;

let table: Uint8Array | undefined;

/** The script of each character up to U+FFFF (beyond it: either), built from opencc-js's tables on first use. */
function scriptTable(): Uint8Array {
  if (table) return table;
  const built = new Uint8Array(0x10000);
  markOneScript(built, 's2t', SIMPLIFIED);
  markOneScript(built, 't2s', TRADITIONAL);
  table = built;
  return built;
}

/**
 * Marks the characters the first stage of `config` changes (every alternative differs) and
 * that never occur in any of its outputs: characters of the source script only.
 */
function markOneScript(target: Uint8Array, config: string, mark: number): void {
  const [stage] = openccConfig(config).conversionChain;
  if (!stage) throw new Error(`opencc-js configuration ${config} has no conversion stage`);
  const output = new Set<number>();
  const changed: number[] = [];
  for (const dict of stage) {
    for (const [from, to] of dictEntriesWithAlternatives(dict)) {
      for (const value of to) for (const ch of value) output.add(ch.codePointAt(0) as number);
      const code = from.codePointAt(0) as number;
      if (from.length === 1 && !to.includes(from)) changed.push(code);
    }
  }
  for (const code of changed) if (!output.has(code) && code <= 0xffff) target[code] = mark;
}

// opencc-js keeps alternatives after the first value (`台 臺 檯`); dictEntries reads only the first.
function dictEntriesWithAlternatives(dict: DictLike): [string, string[]][] {
  if (typeof dict !== 'string') return dict.map(([from, to]) => [from, [to]]);
  if (dict === '') return [];
  return dict.split('|').map((line) => {
    const [from = '', ...to] = line.split(' ');
    return [from, to];
  });
}

/**
 * The script a document is written in: Traditional when its language says so (the parser tags a
 * Traditional document zh-TW or zh-HK), or, without a language, when the parser's rule finds it
 * Traditional (`traditionalLanguageOf`): one rule for the tag and for what editions keep.
 */
export function sourceScriptOf(text: string, lang?: string): Script {
  if (lang !== undefined) return isTraditionalChinese(lang) ? 'traditional' : 'simplified';
  return traditionalLanguageOf(text) ? 'traditional' : 'simplified';
}

/** The script most of `text`'s script-specific characters are in; `fallback` when it has none. */
export function scriptOf(text: string, fallback: Script = 'simplified'): Script {
  const marks = scriptTable();
  let simplified = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const mark = marks[text.charCodeAt(i)];
    if (mark === SIMPLIFIED) simplified++;
    else if (mark === TRADITIONAL) traditional++;
  }
  if (simplified === traditional) return fallback;
  return traditional > simplified ? 'traditional' : 'simplified';
}

/** CJK ideographs of the BMP (Ext. A, the unified block, compatibility ideographs). */
function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/**
 * The stretches of `text` already in Traditional, as `[start, end)` pairs in order: Han
 * characters whose script (see above) is Traditional. `unmarked` is the script of a text with no
 * script-specific character. Empty when nothing is to be kept (the common case of a Simplified
 * text, found in one pass).
 */
export function traditionalStretches(text: string, unmarked: Script): [number, number][] {
  const marks = scriptTable();
  const length = text.length;
  let anyTraditional = false;
  let anySimplified = false;
  for (let i = 0; i < length; i++) {
    const mark = marks[text.charCodeAt(i)];
    if (mark === TRADITIONAL) anyTraditional = true;
    else if (mark === SIMPLIFIED) anySimplified = true;
  }
  if (!anyTraditional && (anySimplified || unmarked === 'simplified')) return [];
  if (!anyTraditional && !anySimplified) return hanStretches(text, 0, length);
  // The nearest mark after each position (scanning backwards), then decide scanning forwards.
  const nextMark = new Uint8Array(length);
  const nextDistance = new Uint32Array(length);
  let mark = EITHER;
  let at = -1;
  for (let i = length - 1; i >= 0; i--) {
    const own = marks[text.charCodeAt(i)] as number;
    if (own !== EITHER) {
      mark = own;
      at = i;
    }
    nextMark[i] = mark;
    nextDistance[i] = at < 0 ? 0xffffffff : at - i;
  }
  const stretches: [number, number][] = [];
  let previousMark = EITHER;
  let previousAt = -1;
  let start = -1;
  for (let i = 0; i <= length; i++) {
    let traditional = false;
    if (i < length && isHan(text.charCodeAt(i))) {
      const own = marks[text.charCodeAt(i)] as number;
      if (own !== EITHER) {
        traditional = own === TRADITIONAL;
        previousMark = own;
        previousAt = i;
      } else {
        const after = nextMark[i] as number;
        const before = previousMark;
        const chosen =
          after === EITHER
            ? before
            : before === EITHER || (nextDistance[i] as number) <= i - previousAt
              ? after
              : before;
        traditional = chosen === TRADITIONAL;
      }
    }
    if (traditional && start < 0) start = i;
    else if (!traditional && start >= 0) {
      stretches.push([start, i]);
      start = -1;
    }
  }
  return stretches;
}

/** Every stretch of Han characters of `text[from, to)`. */
function hanStretches(text: string, from: number, to: number): [number, number][] {
  const stretches: [number, number][] = [];
  let start = -1;
  for (let i = from; i <= to; i++) {
    const han = i < to && isHan(text.charCodeAt(i));
    if (han && start < 0) start = i;
    else if (!han && start >= 0) {
      stretches.push([start, i]);
      start = -1;
    }
  }
  return stretches;
}
