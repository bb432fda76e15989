import { expect } from 'vitest';
import { DocError, type DocErrorCode } from '../wire/DocError.ts';

/** Asserts `run` throws a DocError whose code is `code` (or one of `code`). Returns the error. */
export function expectDocError(run: () => unknown, code: DocErrorCode | readonly DocErrorCode[], message?: string): DocError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  const allowed: readonly DocErrorCode[] = typeof code === 'string' ? [code] : code;
  // fast path: tamper loops call this thousands of times
  if (thrown instanceof DocError && allowed.includes(thrown.code)) return thrown;
  const prefix = message ? `${message}: ` : '';
  expect(thrown, `${prefix}expected a DocError ${allowed.join('|')}, got ${String(thrown)}`).toBeInstanceOf(DocError);
  const error = thrown as DocError;
  expect(allowed, `${prefix}unexpected code ${error.code}`).toContain(error.code);
  return error;
}
