import { describe, expect, it } from 'vitest';
import { DocumentImportError } from './importError.ts';

describe('DocumentImportError', () => {
  it('is an Error with a code and, for limits, the limit', () => {
    const error = new DocumentImportError('TOO_LARGE', 'Too big.', 10);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'DocumentImportError', code: 'TOO_LARGE', limitBytes: 10, message: 'Too big.' });
  });
});
