import { afterEach, beforeEach, vi } from 'vitest';

// House rule (STYLE.md): an unexpected console.error fails the test. Import this
// module for its side effect at the top of a test file. (The package's
// vitest.config.ts has no setupFiles, and test code may not change it.)
let calls: unknown[][] = [];

beforeEach(() => {
  calls = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    calls.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (calls.length > 0) throw new Error(`unexpected console.error: ${calls.map((c) => c.map(String).join(' ')).join('\n')}`);
});
