import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/failOnConsoleError.ts'],
    testTimeout: 30_000,
  },
});
