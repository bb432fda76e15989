import type { WorkbookData } from '@coffre/docs';
import { excelSheetNames } from './excelSheetNames.ts';
import { loadExcelJs } from './loadExcelJs.ts';
import { renameSheetReferences } from './renameSheetReferences.ts';
import { writeXlsxSheet } from './writeXlsxSheet.ts';

/**
 * The workbook as an Excel .xlsx file, with exceljs loaded on first use.
 * Sheet names Excel would refuse are changed (see `excelSheetNames`), and
 * formulas on every sheet that name them follow. Excel is told to
 * recalculate on opening, so results the export did not know are filled in.
 */
export async function exportXlsx(data: WorkbookData): Promise<Uint8Array> {
  const excel = await loadExcelJs();
  const workbook = new excel.Workbook();
  workbook.calcProperties.fullCalcOnLoad = true;

  const names = excelSheetNames(data.sheets.map((sheet) => sheet.name));
  const renamed = new Map<string, string>();
  data.sheets.forEach((sheet, i) => {
    if (sheet.name !== names[i]) renamed.set(sheet.name, names[i]!);
  });
  // Formulas name sheets regardless of case, like the sheets' own uniqueness.
  const renamedFolded = new Map([...renamed].map(([from, to]) => [from.toLocaleLowerCase(), to]));
  const rename = (name: string) => renamed.get(name) ?? renamedFolded.get(name.toLocaleLowerCase());
  const renameSheets = renamed.size ? (formula: string) => renameSheetReferences(formula, rename) : (formula: string) => formula;

  data.sheets.forEach((sheet, i) => writeXlsxSheet(workbook.addWorksheet(names[i]), sheet, renameSheets));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
