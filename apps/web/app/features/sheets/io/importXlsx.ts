import type { WorkbookData } from '@coffre/docs';
import { inspectXlsxParts } from './inspectXlsxParts.ts';
import { inspectXlsxZip } from './inspectXlsxZip.ts';
import { loadExcelJs } from './loadExcelJs.ts';
import { readXlsxSheet, type CellBudget } from './readXlsxSheet.ts';
import { SheetImportError } from './sheetImportError.ts';
import { SHEET_IMPORT_LIMITS } from './sheetImportLimits.ts';

/**
 * An Excel .xlsx as the model's workbook: sheets in their order, values and
 * formulas, bold/italic/colours/alignment/number formats, column widths,
 * row heights, merges and frozen panes. Charts, images, comments, borders,
 * fonts and conditional formats are dropped. The zip's directory and its
 * unpacked parts are checked (`inspectXlsxZip`, `inspectXlsxParts`) before
 * exceljs, loaded on first use, reads anything; nothing is returned on failure.
 * @throws SheetImportError `FILE_TOO_LARGE`, `TOO_MANY_CELLS`, `LEGACY_XLS`, `ENCRYPTED_WORKBOOK`, `NOT_A_SPREADSHEET` or `CORRUPT_FILE`.
 */
export async function importXlsx(bytes: Uint8Array): Promise<WorkbookData> {
  const entries = inspectXlsxZip(bytes);
  await inspectXlsxParts(bytes, entries);
  const excel = await loadExcelJs();
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as never); // typed as a Node Buffer; exceljs hands it to JSZip, which takes any bytes
  } catch {
    throw new SheetImportError('CORRUPT_FILE');
  }
  const worksheets = workbook.worksheets;
  if (worksheets.length === 0) throw new SheetImportError('CORRUPT_FILE');
  if (worksheets.length > SHEET_IMPORT_LIMITS.MAX_SHEETS) throw new SheetImportError('TOO_MANY_CELLS', 'MAX_SHEETS');
  const budget: CellBudget = { left: SHEET_IMPORT_LIMITS.MAX_CELLS };
  return { sheets: worksheets.map((worksheet) => readXlsxSheet(worksheet, excel, budget)) };
}
