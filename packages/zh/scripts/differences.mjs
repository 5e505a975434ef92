/**
 * Where two renderings of one text differ, as words: the pure part of `wrong-words.mjs`.
 *
 * A character diff (Myers' O(ND) algorithm: the editions differ in few places, so D is small)
 * gives runs of differing characters; each run is widened to the words around it (Intl.Segmenter
 * on the reference text), so that 程式 against 程序 reads as that pair and not as 式 against 序,
 * and two runs inside one word count once. One widened run is one wrong word.
 */

/**
 * The edit script from `a` to `b` as `[kind, aIndex, bIndex]` steps, kind `=` (same character),
 * `-` (only in `a`) or `+` (only in `b`).
 * @param {string[]} a
 * @param {string[]} b
 * @returns {Array<['=' | '-' | '+', number, number]>}
 */
export function editScript(a, b) {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  // trace[d] is the furthest x reached on each diagonal k before round d (Myers 1986; the
  // backtracking as in James Coglan's "The Myers diff algorithm").
  /** @type {Int32Array[]} */
  const trace = [];
  const v = new Int32Array(2 * max + 3);
  search: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  /** @type {Array<['=' | '-' | '+', number, number]>} */
  const steps = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const before = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && before[offset + k - 1] < before[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = before[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      steps.push(['=', x, y]);
    }
    if (d > 0) {
      if (x === prevX) steps.push(['+', x, prevY]);
      else steps.push(['-', prevX, y]);
    }
    x = prevX;
    y = prevY;
  }
  return steps.reverse();
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Word boundaries of `text` (code-unit offsets, 0 and text.length included). */
function wordBoundaries(text) {
  const cuts = new Set([0, text.length]);
  for (const { index } of segmenter.segment(text)) cuts.add(index);
  return cuts;
}

/**
 * @typedef {object} Difference
 * @property {string} a the words as `a` has them
 * @property {string} b the words as `b` (the reference) has them
 * @property {string} context the reference around the words
 */

/**
 * The words where `a` and the reference `b` differ: one entry per widened run.
 * Both are compared as arrays of code points.
 * @param {string} a
 * @param {string} b
 * @returns {Difference[]}
 */
export function differences(a, b) {
  if (a === b) return [];
  const ac = Array.from(a);
  const bc = Array.from(b);
  const steps = editScript(ac, bc);
  // Runs of non-`=` steps, as [aStart, aEnd, bStart, bEnd) in code points.
  /** @type {Array<[number, number, number, number]>} */
  const runs = [];
  let ai = 0;
  let bi = 0;
  /** @type {[number, number, number, number] | undefined} */
  let open;
  for (const [kind] of steps) {
    if (kind === '=') {
      if (open) runs.push(open);
      // A deletion and an insertion around one common character are one change of word: 產業叢集
      // against 產業集群 (叢 out before 集, 群 in after it), 建立 against 創建.
      for (let i = runs.length - 1; i > 0; i--) {
        const [ps, pe, qs, qe] = runs[i - 1];
        const [rs, re, ts, te] = runs[i];
        const emptySide = ps === pe || qs === qe || rs === re || ts === te;
        if (emptySide && rs - pe === 1 && ts - qe === 1) {
          runs.splice(i - 1, 2, [ps, re, qs, te]);
        }
      }
      open = undefined;
      ai++;
      bi++;
      continue;
    }
    open ??= [ai, ai, bi, bi];
    if (kind === '-') open[1] = ++ai;
    else open[3] = ++bi;
  }
  if (open) runs.push(open);
  // Widen each run to the reference's word boundaries (the same equal characters are added on
  // `a`'s side), and merge runs that overlap there or in `a`'s own words: 產業叢集 against
  // 產業集群 is one word (叢集 in `a`), 最佳化 against 優化 and 程式 against 程序 are two.
  const offsetsOf = (/** @type {string[]} */ chars) => {
    const offsets = [0];
    for (const ch of chars) offsets.push((offsets.at(-1) ?? 0) + ch.length);
    return offsets;
  };
  const aCuts = wordBoundaries(a);
  const bCuts = wordBoundaries(b);
  const aOffsets = offsetsOf(ac);
  const bOffsets = offsetsOf(bc);
  const aCut = (/** @type {number} */ i) => aCuts.has(aOffsets[i] ?? a.length);
  const bCut = (/** @type {number} */ i) => bCuts.has(bOffsets[i] ?? b.length);
  const isHan = (/** @type {string | undefined} */ ch) => ch !== undefined && /\p{Script=Han}/u.test(ch);
  /** @type {Array<{ run: [number, number, number, number], aFrom: number, aTo: number, oneSided: boolean }>} */
  const widened = [];
  for (const [as, ae, bs, be] of runs) {
    let left = 0;
    while (bs - left > 0 && as - left > 0 && !bCut(bs - left)) left++;
    let right = 0;
    while (be + right < bc.length && ae + right < ac.length && !bCut(be + right)) right++;
    // An insertion or deletion between two words takes the word before it, and a one-character
    // word (the segmenter knows 優 but not 優化) the Han character after it, or else the one
    // before: so that the pair reads as words.
    if (bs === be && left === 0 && right === 0 && bs > 0 && as > 0) {
      left = 1;
      while (bs - left > 0 && as - left > 0 && !bCut(bs - left)) left++;
    }
    if (be + right - (bs - left) < 2) {
      if (be + right < bc.length && ae + right < ac.length && isHan(bc[be + right])) right++;
      else if (bs - left > 0 && as - left > 0 && isHan(bc[bs - left - 1])) left++;
    }
    // The run's extent in `a`'s words, for merging only.
    let aFrom = as;
    while (aFrom > 0 && !aCut(aFrom)) aFrom--;
    let aTo = ae;
    while (aTo < ac.length && !aCut(aTo)) aTo++;
    /** @type {[number, number, number, number]} */
    const run = [as - left, ae + right, bs - left, be + right];
    const last = widened.at(-1);
    // A run only in one text (an insertion or a deletion) next to another run is part of its word.
    const oneSided = as === ae || bs === be;
    const touching =
      last !== undefined && (oneSided || last.oneSided) && run[2] <= last.run[3] && run[0] <= last.run[1];
    if (last && (run[2] < last.run[3] || aFrom < last.aTo || touching)) {
      last.run[1] = Math.max(last.run[1], run[1]);
      last.run[3] = Math.max(last.run[3], run[3]);
      last.aTo = Math.max(last.aTo, aTo);
      last.oneSided = last.oneSided && oneSided;
    } else widened.push({ run, aFrom, aTo, oneSided });
  }
  return widened.map(({ run: [as, ae, bs, be] }) => ({
    a: ac.slice(as, ae).join(''),
    b: bc.slice(bs, be).join(''),
    context: bc.slice(Math.max(0, bs - 8), be + 8).join(''),
  }));
}

/**
 * Reviewed differences: a TSV of `a<TAB>b<TAB>wrong<TAB>why[<TAB>context]`, `wrong` naming which
 * rendering is the wrong one (`opencc`, `wenshu`, `both`, or `neither` when both are right). An
 * entry with a context (a piece of the reference text around the words) is for the occurrences
 * in that context only, where the sense differs from the entry without one. Lines starting with
 * `#` and blank lines are comments.
 * @param {string} text
 * @param {string} file for error messages
 */
export function parseReviewed(text, file) {
  /** @type {Map<string, Array<{ wrong: 'opencc' | 'wenshu' | 'both' | 'neither', why: string, context?: string }>>} */
  const reviewed = new Map();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [a, b, wrong, why, context] = line.split('\t');
    if (!a || !b || !why || !['opencc', 'wenshu', 'both', 'neither'].includes(wrong ?? '')) {
      throw new Error(
        `${file}:${index + 1}: expected "opencc form<TAB>wenshu form<TAB>opencc|wenshu|both|neither<TAB>why[<TAB>context]"`,
      );
    }
    const key = `${a}\t${b}`;
    const entries = reviewed.get(key) ?? [];
    if (entries.some((entry) => entry.context === (context || undefined))) {
      throw new Error(`${file}:${index + 1}: ${a} → ${b} is reviewed twice${context ? ` in ${context}` : ''}`);
    }
    entries.push(context ? { wrong, why, context } : { wrong, why });
    reviewed.set(key, entries);
  });
  return {
    /** The verdict on one difference: the entry for its context, or else the one for any context. */
    verdict(/** @type {{ a: string, b: string, context: string }} */ d) {
      const entries = reviewed.get(`${d.a}\t${d.b}`) ?? [];
      return (
        entries.find((entry) => entry.context && d.context.includes(entry.context)) ??
        entries.find((entry) => !entry.context)
      );
    },
    /** Whether `a` against `b` is listed at all. */
    has(/** @type {{ a: string, b: string, context: string }} */ d) {
      return this.verdict(d) !== undefined;
    },
  };
}
