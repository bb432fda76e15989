import { isFormula, type CellData } from '@coffre/docs';
import type { CellValue } from 'exceljs';
import { excelFutureFunctions } from './excelFutureFunctions.ts';

/** Excel's error literals, which a cached result must be written as errors, not text. */
const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!']);

/**
 * A model cell as an exceljs value: a formula without its '=' (as exceljs
 * wants it) and with the computed result, when known, as the cached value
 * Excel shows until it recalculates; other inputs as they are.
 * `renameSheets` rewrites sheet names the export had to change.
 */
export function excelCellValue(cell: CellData, renameSheets: (formula: string) => string): CellValue {
  const { input, result } = cell;
  if (!isFormula(input)) return input;
  const formula = excelFutureFunctions(renameSheets(input.slice(1)));
  if (result === undefined || result === null) return { formula };
  return { formula, result: typeof result === 'string' && ERROR_VALUES.has(result) ? { error: result as never } : result };
}
