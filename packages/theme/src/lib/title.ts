/**
 * Where a long title breaks, decided once for every exporter (the PDF sets these lines, the DOCX
 * writes them as explicit line breaks, so Word and the PDF agree). GB/T 9704-2012 7.3.1: a title
 * that runs over a line breaks between words ("回行时，要做到词意完整，排列对称，长短适宜"), its
 * lines in a trapezoid or a diamond. Words come from the platform's `Intl.Segmenter` (ICU's
 * dictionary for Chinese, in Node and every current browser).
 */
import { bodyArea } from './geometry.js';
import type { Theme } from './types.js';
import { mmToPt } from './units.js';

/**
 * Width in cells (ems). Latin letters, digits and half-width punctuation count 0.6: the digits of
 * the faces wenshu uses are 0.5–0.6 em wide, and a line estimated a little long breaks early
 * rather than being wrapped again by the renderer.
 */
function cells(text: string): number {
  let n = 0;
  for (const char of text) n += (char.codePointAt(0) as number) >= 0x2e80 || /[“”‘’—…]/.test(char) ? 1 : 0.6;
  return n;
}

/** Marks that never start a line, and marks that never end one. */
const CLOSING = /^[，。、；：？！）》」』”’…—,.;:?!)\]]/;
const OPENING = /[（《「『“‘([]$/;
/** Function words that make a poor line start (`的`, `等`) or line end (`关于`). */
const WEAK_START = /^(的|等|和|与|及|之|中|了)/;
const WEAK_END = /(关于|对|在|的|与|和|及)$/;
/** Chinese numerals, which ICU splits (`二|十九`): one number is one word. */
const NUMERAL = /^[零〇一二三四五六七八九十百千万亿两]+$/;

interface Unit {
  text: string;
  /** A segment of one character: a break between two of them risks splitting a word ICU did not know (`划|拨`). */
  single: boolean;
}

/** The title's words, with punctuation held to the word it belongs to and numbers to their unit. */
function units(text: string): Unit[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const out: Unit[] = [];
  let glue = false;
  for (const { segment } of segmenter.segment(text)) {
    const last = out.at(-1);
    const numeral = NUMERAL.test(segment) && NUMERAL.test(last?.text.slice(-1) ?? '');
    if (last && (glue || numeral || CLOSING.test(segment) || /^\s+$/.test(segment) || /\d$/.test(last.text))) {
      last.text += segment;
      last.single = last.single && [...segment].length === 0;
    } else out.push({ text: segment, single: [...segment].length === 1 });
    glue = OPENING.test(segment);
  }
  return out;
}

/**
 * The lines of a title of `text` set in `maxCells` cells a line (a cell is an em): one line when it
 * fits, else the fewest lines that fit, broken between words and as even as they can be (centred,
 * they make the trapezoid or diamond), avoiding breaks beside one-character segments, inside 《》
 * and （）, before `的` and after `关于`.
 */
export function breakTitle(text: string, maxCells: number): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '' || cells(clean) <= maxCells) return [clean];
  const words = units(clean);
  const widths = words.map((word) => cells(word.text));
  const n = words.length;
  const total = widths.reduce((a, b) => a + b, 0);
  // Lines [i, j) of words: the fewest lines that fit, then the least uneven of those.
  const width = (i: number, j: number) => widths.slice(i, j).reduce((a, b) => a + b, 0);
  // How many brackets are open before each word.
  const depth: number[] = [];
  let open = 0;
  for (const word of words) {
    depth.push(open);
    for (const char of word.text) open += '《（(「『“'.includes(char) ? 1 : '》）)」』”'.includes(char) ? -1 : 0;
    open = Math.max(0, open);
  }
  const breakCost = (j: number) => {
    if (j <= 0 || j >= n) return 0;
    const before = words[j - 1] as Unit;
    const after = words[j] as Unit;
    let cost = 0;
    // A line three or four characters off the even length costs 12; a split word more.
    if (before.single && after.single) cost += 30;
    if (WEAK_START.test(after.text)) cost += 12;
    if (WEAK_END.test(before.text)) cost += 12;
    if (depth[j]) cost += 6; // inside 《》 or （）: a name is better kept whole
    return cost;
  };
  // For k lines, `row[j]` is the best setting of words [0, j): its cost and where its lines start
  // (but the first).
  type Setting = { cost: number; breaks: number[] };
  let best: Setting | undefined;
  for (let lines = Math.ceil(total / maxCells); lines <= n && !best; lines++) {
    const ideal = total / lines;
    let row: (Setting | undefined)[] = [{ cost: 0, breaks: [] }];
    for (let k = 1; k <= lines; k++) {
      const next: (Setting | undefined)[] = [];
      for (let j = 1; j <= n; j++) {
        for (let i = 0; i < j; i++) {
          const from = row[i];
          const w = width(i, j);
          if (!from || w > maxCells) continue;
          // The small last term makes a longer line go above a shorter one when both are as even.
          const cost = from.cost + (w - ideal) ** 2 + breakCost(i) + 0.1 * k * w;
          const current = next[j];
          if (!current || cost < current.cost) {
            next[j] = { cost, breaks: i > 0 ? [...from.breaks, i] : [] };
          }
        }
      }
      row = next;
    }
    best = row[n];
  }
  if (!best) return [clean];
  const starts = [0, ...best.breaks, n];
  const out: string[] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    out.push(
      words
        .slice(starts[k], starts[k + 1])
        .map((word) => word.text)
        .join('')
        .trim(),
    );
  }
  return out;
}

/** How many cells of the title's size a line of the body area holds. */
export function titleCells(theme: Theme): number {
  return Math.floor(mmToPt(bodyArea(theme).widthMm) / theme.title.sizePt);
}

/** The lines of the document's title in `theme` (see {@link breakTitle}). */
export function titleLines(theme: Theme, text: string): string[] {
  return breakTitle(text, titleCells(theme));
}

/** The phrasing of a title as the exporters hold it: mdast-like nodes (the parser's AST). */
export interface TitleNode {
  type: string;
  value?: string;
  children?: TitleNode[];
}

/** Phrasing without its line breaks (at any depth). */
function withoutBreaks(nodes: readonly TitleNode[]): TitleNode[] {
  return nodes
    .filter((node) => node.type !== 'break')
    .map((node) => (node.children ? { ...node, children: withoutBreaks(node.children) } : node));
}

/**
 * `nodes` (a title's phrasing) with a `{ type: 'break' }` node where each line of `lines` after the
 * first starts: the exporters render those breaks as they render any line break, so the PDF sets
 * the lines and the DOCX carries them as explicit breaks. Lines are matched on the text without its
 * white space; the space at a break is left where it is (a line drops its leading spaces).
 */
export function withTitleBreaks<T extends TitleNode>(nodes: readonly T[], lines: readonly string[]): T[] {
  // The lines decide: a break the source set inside the title (a title typed on two lines) goes.
  const unbroken = withoutBreaks(nodes);
  if (lines.length < 2) return unbroken as T[];
  const starts = new Set<number>();
  let count = 0;
  for (const line of lines.slice(0, -1)) {
    count += line.replace(/\s+/g, '').length;
    starts.add(count);
  }
  let seen = 0;
  const walk = (list: readonly TitleNode[]): TitleNode[] => {
    const out: TitleNode[] = [];
    for (const node of list) {
      if (node.type === 'text' && typeof node.value === 'string') {
        let piece = '';
        for (const char of node.value) {
          if (!/\s/.test(char)) {
            if (starts.has(seen) && seen > 0) {
              if (piece !== '') out.push({ ...node, value: piece });
              out.push({ type: 'break' });
              piece = '';
              starts.delete(seen);
            }
            seen += char.length;
          }
          piece += char;
        }
        if (piece !== '') out.push({ ...node, value: piece });
      } else if (node.children) out.push({ ...node, children: walk(node.children) });
      else {
        out.push(node);
        // Inline code and math count their text too (toText reads them so).
        if (typeof node.value === 'string') seen += node.value.replace(/\s+/g, '').length;
      }
    }
    return out;
  };
  return walk(unbroken) as T[];
}
