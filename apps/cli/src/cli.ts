#!/usr/bin/env -S node --single-threaded-gc
// The first line gives V8 a flag that only works from the start (the heap is made with it): garbage
// is collected in the thread that made it, not also in helper threads. A conversion thread keeps
// its core busy; V8's helpers then compete with the other conversion threads for the cores and
// gain nothing. On a 200-report batch this took 10-20% less CPU time with `--jobs 1` and with
// `--jobs 2`, and the single report to three formats was as fast. Package managers' bin shims
// (npm, pnpm) pass the flags on; `node dist/cli.js` runs without them, as before.
import { setFlagsFromString } from 'node:v8';
import { run } from './main.js';

// V8 optimises a report's hot functions again in every thread (and, as reports come and go, again
// and again), inlining generously: on a batch its compiler threads took some 8 s of CPU for 200
// reports beside 14 s of conversion, and with two worker threads they crowded out the second.
// Without inlining the optimised code is about as fast here and much cheaper to make. V8 flags
// are the process's, so the worker threads started later have it too.
setFlagsFromString('--no-turbo-inlining');

// The command is bundled (scripts/bundle.mjs), so its dependencies' code no longer sits under
// node_modules, where Node keeps quiet about their deprecated calls (archiver's `new Buffer()`).
// Those warnings are for the dependencies' authors; the command's users would only be puzzled.
process.noDeprecation = true;

// Reading a closed pipe (`wenshu ast x.md | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
