import { defineConfig } from 'vitest/config';

// Unit tests of the UI's pure logic (no DOM, no network).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
