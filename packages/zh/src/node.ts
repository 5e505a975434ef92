/**
 * `@wenshu/zh` on Node (the `node` export condition, or `@wenshu/zh/node`): the core, and the
 * dictionary and protected-terms files read from disk.
 */
export * from './index.js';
export { loadDictionary, loadProtectedTerms } from './lib/load-file.js';
