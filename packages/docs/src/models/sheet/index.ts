export { Workbook, cleanSheetName, type SheetInfo } from './Workbook.ts';
export { SheetView, type CellChange, type CellRange } from './SheetView.ts';
export { SheetError, type SheetErrorCode } from './SheetError.ts';
export { SHEET_DOC, SHEET_EDIT, SHEET_LIMITS, FIRST_SHEET_ID } from './sheetLayout.ts';
export { columnIndex, columnLetters, isFormula, sheetPrefix, shiftFormula } from './formulaRefs.ts';
export { workbookToData } from './workbookToData.ts';
export { addSheetsFromData } from './addSheetsFromData.ts';
export type { CellData, CellInput, CellStyle, HorizontalAlign, MergeData, NumberFormat, SheetData, WorkbookData } from './WorkbookData.ts';
