import { describe, expect, it } from 'vitest';
import { exportCsv } from './exportCsv.ts';
import { importCsv } from './importCsv.ts';
import { buildSheetData } from './testing/buildSheetData.ts';

describe('exportCsv', () => {
  it('writes a rectangle of records with CRLF, quoting only where needed', () => {
    const sheet = buildSheetData({
      cells: [
        { row: 0, col: 0, input: 'plain' },
        { row: 0, col: 1, input: 'a,b' },
        { row: 0, col: 2, input: 'say "hi"' },
        { row: 2, col: 0, input: 'two\nlines' },
        { row: 2, col: 3, input: 1.5 },
      ],
    });
    expect(exportCsv(sheet)).toBe('plain,"a,b","say ""hi""",\r\n,,,\r\n"two\nlines",,,1.5\r\n');
  });

  it('quotes for the chosen delimiter', () => {
    const sheet = buildSheetData({ cells: [{ row: 0, col: 0, input: 'a;b' }, { row: 0, col: 1, input: 'c,d' }] });
    expect(exportCsv(sheet, { delimiter: ';' })).toBe('"a;b";c,d\r\n');
  });

  it('writes what a person sees: results, booleans, ISO dates', () => {
    const sheet = buildSheetData({
      cells: [
        { row: 0, col: 0, input: '=1+1', result: 2 },
        { row: 0, col: 1, input: '=A1>1', result: true },
        { row: 0, col: 2, input: 45000, style: { format: { kind: 'date' } } },
        { row: 0, col: 3, input: 45000.75, style: { format: { kind: 'datetime' } } },
        { row: 0, col: 4, input: 0.25, style: { format: { kind: 'percent', decimals: 0 } } },
        { row: 0, col: 5, input: '=B1', result: null },
        { row: 0, col: 6, input: 'end' },
      ],
    });
    expect(exportCsv(sheet)).toBe('2,TRUE,2023-03-15,2023-03-15 18:00:00,0.25,,end\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    const sheet = buildSheetData({
      cells: [
        { row: 0, col: 0, input: '=SUM(A2)' }, // a formula without a known result: its text
        { row: 0, col: 1, input: '=X', result: '=HYPERLINK("http://evil")' },
        { row: 0, col: 2, input: '+1+cmd' },
        { row: 0, col: 3, input: '-2-3' },
        { row: 0, col: 4, input: '@SUM(1)' },
        { row: 0, col: 5, input: '\tx' },
        { row: 0, col: 6, input: '\rx' },
        { row: 0, col: 7, input: -5 },
        { row: 0, col: 8, input: '-5' },
        { row: 0, col: 9, input: '+1e3' },
      ],
    });
    expect(exportCsv(sheet)).toBe(`'=SUM(A2),"'=HYPERLINK(""http://evil"")",'+1+cmd,'-2-3,'@SUM(1),'\tx,"'\rx",-5,-5,+1e3\r\n`);
  });

  it('writes nothing for an empty sheet, and leaves out trailing empty cells', () => {
    expect(exportCsv(buildSheetData())).toBe('');
    expect(exportCsv(buildSheetData({ cells: [{ row: 0, col: 0, input: 'x' }, { row: 5, col: 5, input: null, style: { bold: true } }] }))).toBe('x\r\n');
  });

  it('round-trips through importCsv', () => {
    const cells = [
      { row: 0, col: 0, input: 'name' },
      { row: 0, col: 1, input: 'note, with "quotes"\nand a line' },
      { row: 1, col: 0, input: 'ada' },
      { row: 1, col: 1, input: -12.5 },
      { row: 2, col: 1, input: false },
    ];
    expect(importCsv(new TextEncoder().encode(exportCsv(buildSheetData({ cells }))), 'Sheet1')).toEqual(buildSheetData({ cells }));
  });
});
