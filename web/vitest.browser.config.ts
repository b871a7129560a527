import { defineConfig } from 'vitest/config';

// Browser tests: each file starts the real `reunite serve` on a fresh SQLite
// file and drives Debian's Chromium through playwright-core
// (test/browser/harness.ts). Files run one at a time: the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
