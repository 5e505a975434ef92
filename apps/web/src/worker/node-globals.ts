/**
 * The two Node globals pdfkit and its stream polyfills read, given before they load: `Buffer` (the
 * `buffer` package, as pdfmake's own browser bundle provides it) and `process.nextTick`. No
 * `process.versions`: nothing may take the worker for Node.
 */
import { Buffer } from 'buffer';

// A worker's global scope has no `Buffer` or `process` in its types (they are Node's): the two are set on it here.
const scope = globalThis as unknown as { Buffer?: unknown; process?: unknown };
scope.Buffer ??= Buffer;
scope.process ??= {
  env: {},
  browser: true,
  nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
};
