/**
 * The `wenshu` command as its users run it. The bundle's first line is `#!/usr/bin/env -S node
 * <V8 flags>`, and npm's and pnpm's bin shims start Node with those flags; the benchmarks do the
 * same, with this Node (`process.execPath`), so that a row times the command as it is installed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_DIR } from './inputs.mjs';

export const CLI = join(REPO_DIR, 'apps/cli/dist/cli.js');

/** The Node flags of the bundle's first line; read when a row is about to run (after the build). */
function nodeFlags() {
  const first = readFileSync(CLI, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\s*\/usr\/bin\/env\s+(?:-S\s+)?node((?:\s+--\S+)*)\s*$/.exec(first);
  if (!match) throw new Error(`${CLI}: a first line that does not start Node: ${first}`);
  return (match[1] ?? '').split(/\s+/).filter(Boolean);
}

/** `[node, …flags, cli.js, …args]`: the command line of `wenshu …args`. */
export function wenshuCommand(/** @type {string[]} */ ...args) {
  return [process.execPath, ...nodeFlags(), CLI, ...args];
}
