import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    include: ['**/*.spec.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['./support/globalSetup.ts'],
    setupFiles: ['./support/reportFailure.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
