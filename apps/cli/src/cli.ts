// The command itself, bundled into dist/cli.cjs and started by boot/cli.ts (see boot/run-bundle.ts).
import { run } from './main.js';

// The command is bundled (scripts/bundle.mjs), so its dependencies' code no longer sits under
// node_modules, where Node keeps quiet about their deprecated calls (archiver's `new Buffer()`).
// Those warnings are for the dependencies' authors; the command's users would only be puzzled.
process.noDeprecation = true;

// Reading a closed pipe (`wenshu ast x.md | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
