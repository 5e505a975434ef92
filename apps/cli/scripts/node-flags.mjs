/**
 * The Node flags on the first line of the built command (`#!/usr/bin/env -S node <flags>`), which
 * npm's and pnpm's bin shims pass to Node. The build's warm-up run and the benchmarks start the
 * command with them, as an installed `wenshu` starts.
 */
import { readFileSync } from 'node:fs';

/** @param {string} cli the path of `dist/cli.js` @returns {string[]} */
export function nodeFlags(cli) {
  const first = readFileSync(cli, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\s*\/usr\/bin\/env\s+(?:-S\s+)?node((?:\s+--\S+)*)\s*$/.exec(first);
  if (!match) throw new Error(`${cli}: a first line that does not start Node: ${first}`);
  return (match[1] ?? '').split(/\s+/).filter(Boolean);
}
