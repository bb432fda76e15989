import { describe, expect, it } from 'vitest';
import { numberFormatFromExcel } from './numberFormatFromExcel.ts';

describe('numberFormatFromExcel', () => {
  it('reads plain number formats, with decimals and thousands', () => {
    expect(numberFormatFromExcel('0')).toEqual({ kind: 'number', decimals: 0 });
    expect(numberFormatFromExcel('0.00')).toEqual({ kind: 'number', decimals: 2 });
    expect(numberFormatFromExcel('#,##0')).toEqual({ kind: 'number', decimals: 0, thousands: true });
    expect(numberFormatFromExcel('#,##0.000;[Red]-#,##0.000')).toEqual({ kind: 'number', decimals: 3, thousands: true });
    expect(numberFormatFromExcel('0.00E+00')).toEqual({ kind: 'number', decimals: 2 });
  });

  it('reads percentages', () => {
    expect(numberFormatFromExcel('0%')).toEqual({ kind: 'percent', decimals: 0 });
    expect(numberFormatFromExcel('0.00%')).toEqual({ kind: 'percent', decimals: 2 });
  });

  it('reads currencies from quoted, bracketed and bare symbols, as ISO codes', () => {
    expect(numberFormatFromExcel('"€"#,##0.00')).toEqual({ kind: 'currency', decimals: 2, currency: 'EUR' });
    expect(numberFormatFromExcel('#,##0.00 [$€-407]')).toEqual({ kind: 'currency', decimals: 2, currency: 'EUR' });
    expect(numberFormatFromExcel('[$$-409]#,##0')).toEqual({ kind: 'currency', decimals: 0, currency: 'USD' });
    expect(numberFormatFromExcel('"$"#,##0.00_);[Red]\\("$"#,##0.00\\)')).toEqual({ kind: 'currency', decimals: 2, currency: 'USD' });
    expect(numberFormatFromExcel('£#,##0.0')).toEqual({ kind: 'currency', decimals: 1, currency: 'GBP' });
    expect(numberFormatFromExcel('[$CHF] #,##0.00')).toEqual({ kind: 'currency', decimals: 2, currency: 'CHF' });
    expect(numberFormatFromExcel('#,##0.00\\ "zł"')).toEqual({ kind: 'currency', decimals: 2, currency: 'PLN' });
  });

  it('reads dates, and anything with a time as datetime', () => {
    for (const code of ['yyyy-mm-dd', 'm/d/yy', 'mm-dd-yy', 'd-mmm-yy', 'dddd, mmmm d, yyyy', '[$-409]mmmm d, yyyy']) expect(numberFormatFromExcel(code), code).toEqual({ kind: 'date' });
    for (const code of ['m/d/yy h:mm', 'yyyy-mm-dd hh:mm:ss', 'h:mm AM/PM', 'mm:ss', '[h]:mm']) expect(numberFormatFromExcel(code), code).toEqual({ kind: 'datetime' });
  });

  it('reads @ as text and leaves General and unknown formats out', () => {
    expect(numberFormatFromExcel('@')).toEqual({ kind: 'text' });
    for (const code of [undefined, '', 'General', '# ?/?', '"yes"', ';;;']) expect(numberFormatFromExcel(code), String(code)).toBeUndefined();
  });

  it('does not take letters in quotes or brackets for date parts', () => {
    expect(numberFormatFromExcel('0.0 "days"')).toEqual({ kind: 'number', decimals: 1 });
    expect(numberFormatFromExcel('[Red]0.00')).toEqual({ kind: 'number', decimals: 2 });
  });
});
