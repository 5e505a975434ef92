/**
 * Benchmark inputs: files of the shared corpus, repeated N times to make larger documents.
 * The corpus lives next to the repository (`<repo>/../shared/corpus`) and is not part of it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = resolve(BENCH_DIR, '..');
export const CORPUS_DIR = resolve(REPO_DIR, '..', 'shared', 'corpus');
/** Scratch space for generated inputs and command outputs (ignored by git). */
export const OUT_DIR = join(BENCH_DIR, 'out');

/** Named inputs, relative to the corpus directory. */
export const INPUTS = {
  seed: 'seed/weifang-2023-departments.md',
};

/**
 * Where the corpus file of a named input is; `undefined` when the name is unknown.
 * @param {string} name
 */
export function corpusFile(name) {
  const relative = INPUTS[/** @type {keyof typeof INPUTS} */ (name)];
  return relative ? join(CORPUS_DIR, relative) : undefined;
}

/** Input names whose corpus file is missing. @param {Iterable<string>} names */
export function missingInputs(names) {
  return [...new Set(names)].filter((name) => {
    const file = corpusFile(name);
    return !file || !existsSync(file);
  });
}

/** Label of an input at a scale, as printed in the table: `seed×10`. */
export function inputLabel(/** @type {string} */ name, /** @type {number} */ scale) {
  return `${name}×${scale}`;
}

/**
 * @typedef {object} Input
 * @property {string} name    input name (`seed`)
 * @property {number} scale   how many copies of the corpus file
 * @property {string} label   `seed×10`
 * @property {string} text    the document
 * @property {number} bytes   UTF-8 size of `text`
 * @property {string} path    a file holding exactly `text` (for external commands)
 * @property {string} outDir  a scratch directory for outputs of this case and input
 */

/**
 * The input `name` repeated `scale` times (copies separated by a blank line), also written to
 * `bench/out/inputs/` so that external commands read the very same bytes.
 * @param {string} name
 * @param {number} scale
 * @param {string} caseName used for the scratch directory
 * @returns {Input}
 */
export function loadInput(name, scale, caseName) {
  const file = corpusFile(name);
  if (!file) throw new Error(`unknown input "${name}" (known: ${Object.keys(INPUTS).join(', ')})`);
  let one = readFileSync(file, 'utf8');
  if (one.charCodeAt(0) === 0xfeff) one = one.slice(1);
  one = one.replace(/\s+$/, '');
  const text = `${Array(scale).fill(one).join('\n\n')}\n`;
  const inputsDir = join(OUT_DIR, 'inputs');
  mkdirSync(inputsDir, { recursive: true });
  const extension = file.match(/\.[^./]+$/)?.[0] ?? '.txt';
  const path = join(inputsDir, `${name}-x${scale}${extension}`);
  // Several workers never run at once, but do not rewrite a file another command may be reading.
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
  const outDir = join(OUT_DIR, 'runs', `${caseName.replace(/[^\w.-]+/g, '_')}-${name}-x${scale}`);
  mkdirSync(outDir, { recursive: true });
  return { name, scale, label: inputLabel(name, scale), text, bytes: Buffer.byteLength(text), path, outDir };
}
