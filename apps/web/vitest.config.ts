import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    include: ['test/**/*.test.ts', 'app/**/*.test.ts', 'server/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
