import { defineConfig } from 'vitest/config';

// Every test runs the built command in a child process; a loaded 2-core CI machine needs time.
export default defineConfig({ test: { testTimeout: 120_000 } });
