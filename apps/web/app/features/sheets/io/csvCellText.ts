import type { CellData } from '@coffre/docs';
import { isPlainNumber } from './isPlainNumber.ts';

const MS_PER_DAY = 86_400_000;
/** Serial number of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** What Excel, LibreOffice and Google Sheets start evaluating a field with when it is opened. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * A cell as the text a person sees in it, for CSV: a formula's result when
 * known, else the formula; booleans as TRUE/FALSE; dates as ISO text (a bare
 * serial number would mean nothing to the reader). Other number formats are
 * left out so numbers keep their full precision.
 *
 * Text that a spreadsheet would run as a formula gets a leading apostrophe
 * (CSV injection): a shared sheet can hold `=HYPERLINK(…)` or `=cmd|…` typed
 * by anyone, and opening the export in Excel would evaluate it on the
 * reader's machine. Numbers are never changed, nor is text that is a plain
 * number such as `-5`, which a spreadsheet reads as that number.
 */
export function csvCellText(cell: CellData): string {
  const isFormula = typeof cell.input === 'string' && cell.input.startsWith('=');
  const value = isFormula && cell.result !== undefined ? cell.result : cell.input;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    const kind = cell.style?.format?.kind;
    if ((kind === 'date' || kind === 'datetime') && Number.isFinite(value)) {
      const iso = new Date(Math.round((value - UNIX_EPOCH_SERIAL) * MS_PER_DAY)).toISOString();
      return kind === 'date' ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
    }
    return String(value);
  }
  return FORMULA_TRIGGER.test(value) && !isPlainNumber(value) ? `'${value}` : value;
}
