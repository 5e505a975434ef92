#!/usr/bin/env node
import { run } from './main.js';

// Reading a closed pipe (`wenshu ast x.md | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
