import type { NumberFormat } from '@coffre/docs';
import type { ComputedCell } from './SheetEngine.ts';

/** Spreadsheet day 0 is 1899-12-30 (the 1900 leap-year bug kept, as everyone does). */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function serialToDate(serial: number): Date {
  return new Date(EPOCH_MS + Math.round(serial * DAY_MS));
}

const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const numberFmts = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = numberFmts.get(key);
  if (!f) numberFmts.set(key, (f = new Intl.NumberFormat(undefined, options)));
  return f;
}

function plainNumber(n: number): string {
  // Up to 10 significant decimals, like a spreadsheet's General format, without float noise.
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/** What a cell shows: its computed value in its number format (or the type HyperFormula gave it). */
export function formatCellValue(cell: ComputedCell, format: NumberFormat | undefined): string {
  const { value } = cell;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const kind = format?.kind ?? cell.kind;
  try {
    switch (kind) {
      case 'number': {
        if (!format || format.kind !== 'number') return plainNumber(value);
        return numberFormat(`n${format.decimals}${format.thousands ? 't' : ''}`, { minimumFractionDigits: format.decimals, maximumFractionDigits: format.decimals, useGrouping: !!format.thousands }).format(value);
      }
      case 'currency': {
        const currency = format?.kind === 'currency' ? format.currency : 'EUR';
        const decimals = format?.kind === 'currency' ? format.decimals : 2;
        return numberFormat(`c${currency}${decimals}`, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
      }
      case 'percent': {
        const decimals = format?.kind === 'percent' ? format.decimals : 0;
        return numberFormat(`p${decimals}`, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
      }
      case 'date':
        return dateFmt.format(serialToDate(value));
      case 'datetime':
        return dateTimeFmt.format(serialToDate(value));
      case 'time':
        return timeFmt.format(serialToDate(value));
      default:
        return plainNumber(value);
    }
  } catch {
    return plainNumber(value);
  }
}
