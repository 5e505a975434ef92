// The command itself, bundled into dist/cli.cjs and started by boot/cli.ts (see boot/run-bundle.ts).
import { EXIT_INPUT } from './lib/errors.js';
import { safeForTerminal } from './lib/messages.js';
import { removePendingTemporariesSync } from './lib/output.js';
import { describeSystemError } from './lib/system-errors.js';
import { run } from './main.js';

// The command is bundled (scripts/bundle.mjs), so its dependencies' code no longer sits under
// node_modules, where Node keeps quiet about their deprecated calls (archiver's `new Buffer()`).
// Those warnings are for the dependencies' authors; the command's users would only be puzzled.
process.noDeprecation = true;

// Reading a closed pipe (`wenshu ast x.md | head`) is not an error worth a stack trace; any other
// failure to write standard output (a full disk, /dev/full, a closed descriptor) is one line and exit 1.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  removePendingTemporariesSync();
  process.stderr.write(`wenshu: cannot write to standard output: ${describeSystemError(error)}\n`);
  process.exit(EXIT_INPUT);
});

// An error nothing caught (a dependency throwing in a callback) is one line, not Node's report,
// which quotes the line of the bundle it came from: a minified line of megabytes.
// WENSHU_DEBUG=1 shows the stack for a bug report.
const fatal = (error: unknown) => {
  removePendingTemporariesSync();
  const detail = process.env.WENSHU_DEBUG ? ((error as Error)?.stack ?? String(error)) : describeSystemError(error);
  process.stderr.write(`wenshu: internal error: ${safeForTerminal(detail)}\n`);
  process.exit(EXIT_INPUT);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
