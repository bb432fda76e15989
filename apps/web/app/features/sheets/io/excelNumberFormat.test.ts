import type { NumberFormat } from '@coffre/docs';
import { describe, expect, it } from 'vitest';
import { excelNumberFormat } from './excelNumberFormat.ts';
import { numberFormatFromExcel } from './numberFormatFromExcel.ts';

const formats: [NumberFormat, string][] = [
  [{ kind: 'number', decimals: 0 }, '0'],
  [{ kind: 'number', decimals: 2 }, '0.00'],
  [{ kind: 'number', decimals: 1, thousands: true }, '#,##0.0'],
  [{ kind: 'percent', decimals: 0 }, '0%'],
  [{ kind: 'percent', decimals: 2 }, '0.00%'],
  [{ kind: 'currency', decimals: 2, currency: 'EUR' }, '"€"#,##0.00'],
  [{ kind: 'currency', decimals: 0, currency: 'USD' }, '"$"#,##0'],
  [{ kind: 'currency', decimals: 2, currency: 'CHF' }, '[$CHF] #,##0.00'],
  [{ kind: 'currency', decimals: 2, currency: 'SEK' }, '[$SEK] #,##0.00'],
  [{ kind: 'date' }, 'yyyy-mm-dd'],
  [{ kind: 'datetime' }, 'yyyy-mm-dd hh:mm:ss'],
  [{ kind: 'text' }, '@'],
];

describe('excelNumberFormat', () => {
  it('writes the Excel code for each format', () => {
    for (const [format, code] of formats) expect(excelNumberFormat(format), JSON.stringify(format)).toBe(code);
  });

  it('is read back as the same format by numberFormatFromExcel', () => {
    for (const [format] of formats) expect(numberFormatFromExcel(excelNumberFormat(format))).toEqual(format);
  });
});
