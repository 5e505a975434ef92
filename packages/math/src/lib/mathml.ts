/** TeX → MathML with Temml (https://temml.org), which needs no DOM in its string renderer. */
import temml from 'temml';
import { temmlMacros } from './macros.js';
import { memoize } from './memo.js';
import { repairTex } from './repair.js';
import { type MathResult, reasonOf } from './result.js';
import { inlineTag } from './tag.js';

export interface TexOptions {
  /** Display (`$$…$$`) rather than inline (`$…$`) math. */
  readonly display: boolean;
}

/** Bounds that keep a hostile formula (`\def\a{\a\a}\a`) from hanging or exhausting memory. */
const LIMITS = { maxExpand: 2000, maxSize: [50, 50] as [number, number] };

const convert = memoize(2000, (key: string): MathResult<string> => {
  const display = key.startsWith('D');
  const repaired = repairTex(key.slice(1));
  if (repaired === '') return { ok: false, tex: repaired, stage: 'tex', reason: 'empty formula' };
  try {
    const mathml = temml.renderToString(inlineTag(repaired), {
      displayMode: display,
      throwOnError: true,
      xml: true,
      // A fresh table each time: Temml adds the formula's own \def's to the object it is given.
      macros: temmlMacros(),
      ...LIMITS,
    });
    return { ok: true, tex: repaired, value: mathml };
  } catch (error) {
    return { ok: false, tex: repaired, stage: 'tex', reason: reasonOf(error) };
  }
});

/** Converts TeX to a MathML `<math>` element. The TeX is repaired first (see `repairTex`). */
export function texToMathml(tex: string, options: TexOptions): MathResult<string> {
  return convert(`${options.display ? 'D' : 'I'}${tex}`);
}
