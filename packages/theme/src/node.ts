/**
 * `@wenshu/theme` on Node (the `node` export condition, or `@wenshu/theme/node`): the core and
 * `loadTheme`, which reads theme files.
 */
export * from './index.js';
export { loadTheme } from './lib/load-file.js';
