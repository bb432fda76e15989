import { describe, expect, it } from 'vitest';
import { SHEET_IMPORT_MESSAGES, SheetImportError } from './sheetImportError.ts';

describe('SheetImportError', () => {
  it('is an Error with a code, its message and, for limits, which limit', () => {
    const error = new SheetImportError('TOO_MANY_CELLS', 'MAX_ROWS');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'SheetImportError', code: 'TOO_MANY_CELLS', limit: 'MAX_ROWS', message: SHEET_IMPORT_MESSAGES.TOO_MANY_CELLS });
    expect(error.message).toContain('200,000 rows');
  });

  it('has a distinct message for every code', () => {
    const messages = Object.values(SHEET_IMPORT_MESSAGES);
    expect(new Set(messages).size).toBe(messages.length);
    expect(messages.every((m) => m.endsWith('.'))).toBe(true);
  });
});
