import type { CellInput } from '@coffre/docs';
import type { Cell, CellErrorValue, CellHyperlinkValue, CellRichTextValue } from 'exceljs';
import { dateToSerial } from './dateToSerial.ts';
import type { ExcelJs } from './loadExcelJs.ts';

/** Prefixes Excel writes before functions newer than 2007 (`_xlfn.XLOOKUP`), which formula engines know by their bare names; string literals are matched to be skipped. */
const FUTURE_FUNCTION_PREFIX = /"(?:[^"]|"")*"|\b_xl(?:fn|ws)\./g;

/**
 * What a person typed into an exceljs cell, as the model stores it: '=' and
 * the formula text (shared formulas resolved by exceljs to this cell's own),
 * dates as serial numbers, rich text and hyperlinks as their plain text,
 * errors as their text (`#N/A`). Null for an empty or merged-away cell.
 */
export function readXlsxCellInput(cell: Cell, { ValueType }: ExcelJs): CellInput {
  const value = cell.value;
  switch (cell.type) {
    case ValueType.Number:
    case ValueType.String:
    case ValueType.Boolean:
      return value as number | string | boolean;
    case ValueType.Date:
      return dateToSerial(value as Date);
    case ValueType.RichText:
      return plainText(value as CellRichTextValue);
    case ValueType.Hyperlink: {
      const text = (value as CellHyperlinkValue).text as string | CellRichTextValue | undefined;
      return typeof text === 'object' ? plainText(text) : (text ?? '');
    }
    case ValueType.Error:
      return (value as CellErrorValue).error;
    case ValueType.Formula: {
      const formula = cell.formula;
      if (formula) return `=${formula.replace(FUTURE_FUNCTION_PREFIX, (match) => (match.startsWith('"') ? match : ''))}`;
      // A shared formula whose master cell is missing: keep what it showed.
      const result = cell.result as number | string | boolean | Date | CellErrorValue | undefined; // the .d.ts leaves out booleans and errors
      if (result instanceof Date) return dateToSerial(result);
      if (typeof result === 'object') return result.error;
      return result ?? null;
    }
    default:
      return null;
  }
}

function plainText(value: CellRichTextValue): string {
  return (value.richText ?? []).map((run) => run.text).join('');
}
