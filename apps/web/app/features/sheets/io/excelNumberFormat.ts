import type { NumberFormat } from '@coffre/docs';
import { CURRENCY_SYMBOLS } from './currencySymbols.ts';

/**
 * The Excel number format code for the model's format; the inverse of
 * `numberFormatFromExcel`. Known currencies get their quoted symbol before
 * the number (`"€"#,##0.00`), others their ISO code (`[$CHF] #,##0.00`).
 */
export function excelNumberFormat(format: NumberFormat): string {
  const fraction = 'decimals' in format && format.decimals > 0 ? `.${'0'.repeat(format.decimals)}` : '';
  switch (format.kind) {
    case 'number':
      return `${format.thousands ? '#,##0' : '0'}${fraction}`;
    case 'percent':
      return `0${fraction}%`;
    case 'currency': {
      const symbol = CURRENCY_SYMBOLS[format.currency];
      return symbol && symbol !== format.currency ? `"${symbol}"#,##0${fraction}` : `[$${format.currency}] #,##0${fraction}`;
    }
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm:ss';
    case 'text':
      return '@';
  }
}
