/**
 * OCR tools (MinerU, marker, Mathpix-style models) write TeX one token at a time, separated by spaces:
 * `\mathrm { R F }`, `x _ { i }`, `\left (`. TeX itself ignores most of these spaces in math mode, but not all:
 * inside `\text{…}`-like commands and inside font switches the letters are words, and `\operatorname { s i n }`
 * names an operator `s i n`. `repairTex` undoes the spacing where it changes meaning or breaks converters, and
 * leaves everything else as written. It never adds or removes anything but whitespace and braces it can prove
 * are the OCR's own (a `\left` with no `\right`).
 */

/** Commands whose argument is a word: the OCR's spaces between its letters are not the author's. */
const WORD_ARGUMENT =
  /\\(mathrm|mathbf|mathit|mathsf|mathtt|mathcal|mathbb|mathfrak|mathscr|boldsymbol|bm|pmb|operatorname\*?|textrm|textbf|textit|textsf|texttt|text|mbox|rm|bf)\s*\{([^{}]*)\}/g;

/** A run of single letters or digits separated by single spaces: `R F`, `m m`, `1 0 8`. */
const SPACED_LETTERS = /^(?:[A-Za-z0-9.,'](?: |$))+$/;

function squeezeWord(command: string, argument: string): string {
  const inner = argument.trim();
  // `\mathrm { R F }` → `\mathrm{RF}`; a real phrase (`\text { per hour }`) keeps its spaces.
  const squeezed = SPACED_LETTERS.test(inner) ? inner.replace(/ /g, '') : inner;
  return `\\${command}{${squeezed}}`;
}

/** Drops `\left` / `\right` when the two do not pair up (OCR loses one of them), keeping the delimiter. */
function balanceFences(tex: string): string {
  const tokens = [...tex.matchAll(/\\(left|right)(?![A-Za-z])/g)];
  let depth = 0;
  let broken = false;
  for (const token of tokens) {
    depth += token[1] === 'left' ? 1 : -1;
    if (depth < 0) broken = true;
  }
  if (!broken && depth === 0) return tex;
  return tex.replace(/\\(left|right)(?![A-Za-z])\s*/g, '');
}

const ACCENT_BEFORE_FONT =
  /\\(mathring|hat|widehat|bar|overline|tilde|widetilde|dot|ddot|vec|check|breve|acute|grave|boldsymbol|bm)\s*\\(mathrm|mathbf|mathit|mathsf|mathcal|mathbb|textrm|text)\s*\{([^{}]*)\}/g;

/** TeX with the OCR's spacing repaired (see the module comment). Pure; idempotent. */
export function repairTex(tex: string): string {
  let out = tex.replace(/[\u00a0\u3000]/g, ' ').trim();
  out = out.replace(WORD_ARGUMENT, (_m, command: string, argument: string) => squeezeWord(command, argument));
  // `\textcircled { \mathbb { 1 } }`: MinerU's ① puts a math font inside a text-mode command, which TeX rejects.
  out = out.replace(/\\textcircled\s*\{\s*\\math[a-z]+\s*\{\s*([^{}]*?)\s*\}\s*\}/g, '\\textcircled{$1}');
  // `\left (` / `\right )` / `\big (`: a delimiter separated from its sizing command.
  out = out.replace(
    /\\(left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg)\s+(?=[()[\]|./<>]|\\[{}|]|\\[a-zA-Z])/g,
    '\\$1',
  );
  out = balanceFences(out);
  // An accent before a font command (`\mathring \mathrm { A }`) takes the bare command as its argument,
  // which TeX rejects: the OCR lost the braces around the two.
  out = out.replace(
    ACCENT_BEFORE_FONT,
    (_m, accent: string, font: string, argument: string) => `\\${accent}{\\${font}{${argument}}}`,
  );
  // A formula that ends with `\\` (a table row cut by OCR) renders an empty line; one that ends with a lone
  // `\` (MinerU writes one before the closing `$`) is not TeX at all.
  out = out.replace(/(?:\\\\\s*)+$/, '').trim();
  out = out.replace(/(?<!\\)\\$/, '').trim();
  return out;
}
