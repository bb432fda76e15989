import type { CellStyle } from '@coffre/docs';
import { describe, expect, it } from 'vitest';
import { cellStyleFromExcel } from './cellStyleFromExcel.ts';
import { excelStyle } from './excelStyle.ts';

describe('excelStyle', () => {
  it('writes fonts with the default face, solid fills, alignment and the number format', () => {
    expect(excelStyle({ bold: true, color: '#ff0000', background: '#00ff00', align: 'center', format: { kind: 'number', decimals: 2 } })).toEqual({
      font: { name: 'Calibri', size: 11, family: 2, bold: true, color: { argb: 'FFFF0000' } },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } },
      alignment: { horizontal: 'center' },
      numFmt: '0.00',
    });
  });

  it('writes nothing for no style, and drops colours that are not #rrggbb', () => {
    expect(excelStyle(undefined)).toBeUndefined();
    expect(excelStyle({})).toBeUndefined();
    expect(excelStyle({ color: 'red', background: '#12345' })).toBeUndefined();
  });

  it('is read back as the same style by cellStyleFromExcel', () => {
    const styles: CellStyle[] = [
      { bold: true },
      { italic: true, color: '#123abc' },
      { background: '#fafafa', align: 'left' },
      { align: 'right', format: { kind: 'currency', decimals: 2, currency: 'GBP' } },
      { format: { kind: 'date' } },
    ];
    for (const style of styles) expect(cellStyleFromExcel(excelStyle(style))).toEqual(style);
  });
});
