import { describe, expect, it } from 'vitest';
import { importCsv } from './importCsv.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';
import { buildSheetData } from './testing/buildSheetData.ts';
import { codeOf } from './testing/codeOf.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('importCsv', () => {
  it('makes one sparse sheet of typed cells, at least the minimum size', () => {
    const sheet = importCsv(bytes('\uFEFFitem;qty;price;ok\r\nbread;2;1,50;TRUE\r\n;;;\r\n"total";=B2*2;;false\r\n'), 'Groceries');
    expect(sheet).toEqual(
      buildSheetData({
        name: 'Groceries',
        cells: [
          { row: 0, col: 0, input: 'item' },
          { row: 0, col: 1, input: 'qty' },
          { row: 0, col: 2, input: 'price' },
          { row: 0, col: 3, input: 'ok' },
          { row: 1, col: 0, input: 'bread' },
          { row: 1, col: 1, input: 2 },
          { row: 1, col: 2, input: '1,50' },
          { row: 1, col: 3, input: true },
          { row: 3, col: 0, input: 'total' },
          { row: 3, col: 1, input: '=B2*2' },
          { row: 3, col: 3, input: false },
        ],
      }),
    );
  });

  it('grows past the minimum size to fit the data', () => {
    const sheet = importCsv(bytes(`${'x,'.repeat(29)}x\n`.repeat(120)), 'Wide');
    expect([sheet.rowCount, sheet.colCount]).toEqual([120, 30]);
  });

  it('refuses more than MAX_CELLS values', async () => {
    const record = `${'1,'.repeat(SHEET_IMPORT_LIMITS.MAX_COLS - 1)}1\n`;
    const text = record.repeat(SHEET_IMPORT_LIMITS.MAX_CELLS / SHEET_IMPORT_LIMITS.MAX_COLS) + '1\n';
    expect(await codeOf(() => importCsv(bytes(text), 'Big'))).toBe('SheetImportError:TOO_MANY_CELLS');
    expect(importCsv(bytes(text.slice(0, -2)), 'Big').cells).toHaveLength(SHEET_IMPORT_LIMITS.MAX_CELLS);
  });

  it('refuses invalid UTF-8', async () => {
    expect(await codeOf(() => importCsv(Uint8Array.of(0x61, 0x2c, 0xff), 'Bad'))).toBe('SheetImportError:INVALID_TEXT_ENCODING');
  });
});
