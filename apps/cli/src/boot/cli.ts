#!/usr/bin/env -S node --single-threaded-gc
// The first line gives V8 a flag that only works from the start (the heap is made with it): garbage
// is collected in the thread that made it, not also in helper threads. A conversion thread keeps
// its core busy; V8's helpers then compete with the other conversion threads for the cores and
// gain nothing. On a 200-report batch this took 10-20% less CPU time with `--jobs 1` and with
// `--jobs 2`, and the single report to three formats was as fast. Package managers' bin shims
// (npm, pnpm) pass the flags on; `node dist/cli.js` runs without them, as before.
import { VERSION_FLAGS, version } from '../lib/version.js';
import { runBundle } from './run-bundle.js';

// `wenshu --version` is answered here, as the whole command would answer it: the bundle, with
// the parser and three exporters, takes 0.2 s to load even from its code cache.
const args = process.argv.slice(2);
if (args.length === 1 && VERSION_FLAGS.includes(args[0] ?? '')) process.stdout.write(`${version}\n`);
else runBundle('cli.cjs', import.meta.url);
