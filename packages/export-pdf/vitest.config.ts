import { defineConfig } from 'vitest/config';

// Rendering a report to PDF and reading it back with poppler takes seconds, more on a busy CI runner.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
