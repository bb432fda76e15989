import { describe, expect, it } from 'vitest';
import { cellStyleFromExcel } from './cellStyleFromExcel.ts';

describe('cellStyleFromExcel', () => {
  it('keeps bold, italic, RGB colours, alignment and number format', () => {
    expect(
      cellStyleFromExcel({
        font: { bold: true, italic: true, color: { argb: 'FF1A2B3C' }, name: 'Arial', size: 14 },
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } },
        alignment: { horizontal: 'right' },
        numFmt: '0.00%',
      }),
    ).toEqual({ bold: true, italic: true, color: '#1a2b3c', background: '#ffff00', align: 'right', format: { kind: 'percent', decimals: 2 } });
  });

  it('reads centerContinuous as center and drops other alignments', () => {
    expect(cellStyleFromExcel({ alignment: { horizontal: 'centerContinuous' } })).toEqual({ align: 'center' });
    expect(cellStyleFromExcel({ alignment: { horizontal: 'justify' } })).toBeUndefined();
  });

  it('drops theme and indexed colours, non-solid fills and General', () => {
    expect(
      cellStyleFromExcel({
        font: { color: { theme: 1 }, name: 'Calibri' },
        fill: { type: 'pattern', pattern: 'darkGray', fgColor: { argb: 'FF000000' } },
        numFmt: 'General',
      }),
    ).toBeUndefined();
    expect(cellStyleFromExcel({ fill: { type: 'pattern', pattern: 'solid', fgColor: { indexed: 64 } as never } })).toBeUndefined();
    expect(cellStyleFromExcel({})).toBeUndefined();
    expect(cellStyleFromExcel(undefined)).toBeUndefined();
  });
});
