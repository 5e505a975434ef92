// The tests run in Node and drive a real browser (test/browser.ts); none of the site's build
// settings (vite.config.ts) apply to them. One file at a time: each drives a browser of its own.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false },
});
