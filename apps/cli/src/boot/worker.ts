// A worker thread of `wenshu convert --jobs N` (see lib/pool.ts), started like the command itself.
import { runBundle } from './run-bundle.js';

runBundle('worker.cjs', import.meta.url);
