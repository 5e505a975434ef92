/**
 * The outcome of converting one formula. A failure is a value, never an exception, so an exporter can always
 * fall back to the formula's TeX source and warn.
 */
export type MathResult<T> =
  | { readonly ok: true; readonly value: T /** The TeX that was converted (after repair). */; readonly tex: string }
  | {
      readonly ok: false;
      /** The TeX that was tried (after repair). */
      readonly tex: string;
      /** Which step failed. */
      readonly stage: 'tex' | 'omml' | 'svg';
      /** The converter's message, one line. */
      readonly reason: string;
    };

/** A converter's error message on one line (Temml's messages carry the TeX with combining underlines). */
export function reasonOf(error: unknown): string {
  // MathJax throws TexError objects that are not Error instances but carry a `message`.
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  const line = message.split('\n')[0] ?? '';
  return (
    line
      .replace(/\s+/g, ' ')
      .replace(/[\s:]+$/, '')
      .trim()
      .slice(0, 200) || 'unknown error'
  );
}
