import { availableParallelism } from 'node:os';
import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // Every test file loads two WebAssembly modules; on a 2-CPU machine vitest's
    // default (CPUs - 1 = one worker) runs the files serially and doubles the wall time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
