import { SheetImportError } from './sheetImportError.ts';

/** Excel's own grid; anything beyond it is not a file Excel wrote. */
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLS = 16_384;

export type XlsxXmlScan = {
  /** `<c>` elements: cells with a value or a style. */
  cells: number;
  /** Cells covered by merges, data validations and defined names, which exceljs makes one object each for. */
  expandedCells: number;
};

const CELL = /<c[\s/>]/g;
const RANGE_ATTRIBUTE = /<(?:mergeCell\b[^>]*?\bref|dataValidation\b[^>]*?\bsqref)=["']([^"']*)["']/g;
const DEFINED_NAME = /<definedName\b[^>]*>([^<]*)/g;
const ROW_NUMBER = /<row\b[^>]*?\br=["'](\d+)["']/g;
const COLUMN_MAX = /<col\b[^>]*?\bmax=["'](\d+)["']/g;
const REFERENCE = /(?<![\w.$])\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/g;

/**
 * Counts, in a piece of worksheet or workbook XML that ends before a tag,
 * what exceljs would build objects for, without parsing it: a tiny file can
 * name a range of billions of cells.
 * @throws SheetImportError `CORRUPT_FILE` for rows or columns past Excel's grid.
 */
export function scanXlsxXml(xml: string): XlsxXmlScan {
  let cells = 0;
  for (const _ of xml.matchAll(CELL)) cells++;
  let expandedCells = 0;
  for (const [, refs] of xml.matchAll(RANGE_ATTRIBUTE)) expandedCells += areaOf(refs!);
  for (const [, refs] of xml.matchAll(DEFINED_NAME)) expandedCells += areaOf(refs!);
  for (const [, row] of xml.matchAll(ROW_NUMBER)) if (Number(row) > EXCEL_MAX_ROWS) throw new SheetImportError('CORRUPT_FILE');
  for (const [, col] of xml.matchAll(COLUMN_MAX)) if (Number(col) > EXCEL_MAX_COLS) throw new SheetImportError('CORRUPT_FILE');
  return { cells, expandedCells };
}

/** Cells in the A1 references of `text`, e.g. `A1:B2 D4` or `Sheet1!$A$1:$C$3`. */
function areaOf(text: string): number {
  let area = 0;
  for (const [, c1, r1, c2, r2] of text.matchAll(REFERENCE)) {
    if (!c2 || !r2) {
      area += 1;
      continue;
    }
    area += (Math.abs(Number(r2) - Number(r1)) + 1) * (Math.abs(columnNumber(c2) - columnNumber(c1!)) + 1);
  }
  return area;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
