/**
 * The `wenshu` command as its users run it. The bundle's first line is `#!/usr/bin/env -S node
 * <V8 flags>`, and npm's and pnpm's bin shims start Node with those flags; the benchmarks do the
 * same, with this Node (`process.execPath`), so that a row times the command as it is installed.
 */
import { join } from 'node:path';
import { nodeFlags } from '../../apps/cli/scripts/node-flags.mjs';
import { REPO_DIR } from './inputs.mjs';

export const CLI = join(REPO_DIR, 'apps/cli/dist/cli.js');

/** `[node, …flags, cli.js, …args]`: the command line of `wenshu …args` (the flags are read now, after the build). */
export function wenshuCommand(/** @type {string[]} */ ...args) {
  return [process.execPath, ...nodeFlags(CLI), CLI, ...args];
}
