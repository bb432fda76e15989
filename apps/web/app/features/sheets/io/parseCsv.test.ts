import { describe, expect, it } from 'vitest';
import { parseCsv } from './parseCsv.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';

const rows = (text: string) => parseCsv(text, { delimiter: ',' }).rows;

describe('parseCsv', () => {
  it('splits records on LF, CRLF and CR, without an empty record after the last newline', () => {
    expect(rows('a,b\nc,d\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(rows('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(rows('a,b\rc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(rows('a\r\n\r\nb')).toEqual([['a'], [''], ['b']]);
  });

  it('reads quoted fields with delimiters, escaped quotes and line breaks inside', () => {
    expect(rows('"a,b","say ""hi""","line 1\r\nline 2"\nx')).toEqual([['a,b', 'say "hi"', 'line 1\r\nline 2'], ['x']]);
    expect(rows('"",""""')).toEqual([['', '"']]);
  });

  it('keeps empty fields, leading, inner and trailing', () => {
    expect(rows(',a,,b,')).toEqual([['', 'a', '', 'b', '']]);
  });

  it('is lenient like Excel with stray quotes', () => {
    expect(rows('a"b,c')).toEqual([['a"b', 'c']]);
    expect(rows('"a"b,c')).toEqual([['ab', 'c']]);
    expect(rows('"open,never closed\nnext')).toEqual([['open,never closed\nnext']]);
  });

  it('drops a UTF-8 byte-order mark and returns nothing for empty text', () => {
    expect(rows('\uFEFFname\n1')).toEqual([['name'], ['1']]);
    expect(parseCsv('')).toEqual({ rows: [], delimiter: ',' });
  });

  it('detects the delimiter unless given', () => {
    expect(parseCsv('a;b\n1,5;2')).toEqual({ rows: [['a', 'b'], ['1,5', '2']], delimiter: ';' });
    expect(parseCsv('a\tb\n1\t2').rows).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a;b', { delimiter: ',' }).rows).toEqual([['a;b']]);
  });

  it('refuses text over MAX_CSV_BYTES, more than MAX_ROWS records, MAX_COLS fields or MAX_CSV_FIELDS fields', () => {
    const { MAX_CSV_BYTES, MAX_ROWS, MAX_COLS, MAX_CSV_FIELDS } = SHEET_IMPORT_LIMITS;
    expect(() => parseCsv('x'.repeat(MAX_CSV_BYTES + 1))).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE', limit: 'MAX_CSV_BYTES' }));
    expect(() => rows('x\n'.repeat(MAX_ROWS + 1))).toThrow(expect.objectContaining({ code: 'TOO_MANY_CELLS', limit: 'MAX_ROWS' }));
    expect(() => rows('x\n'.repeat(MAX_ROWS - 1) + 'last')).not.toThrow();
    expect(() => rows(','.repeat(MAX_COLS))).toThrow(expect.objectContaining({ code: 'TOO_MANY_CELLS', limit: 'MAX_COLS' }));
    expect(rows(','.repeat(MAX_COLS - 1))[0]).toHaveLength(MAX_COLS);
    const record = ','.repeat(MAX_COLS - 1) + '\n';
    expect(() => rows(record.repeat(MAX_CSV_FIELDS / MAX_COLS + 1))).toThrow(expect.objectContaining({ code: 'TOO_MANY_CELLS', limit: 'MAX_CSV_FIELDS' }));
  });
});
