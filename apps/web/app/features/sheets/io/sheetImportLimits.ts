const MiB = 1024 * 1024;

/** Limits on imported spreadsheets; byte limits are checked before any parsing. */
export const SHEET_IMPORT_LIMITS = {
  /** A .csv as picked by the user. */
  MAX_CSV_BYTES: 20 * MiB,
  /** Fields the CSV parser holds, empty or not: bounds its memory before the cell limit applies. */
  MAX_CSV_FIELDS: 2_000_000,
  /** A .xlsx as picked by the user. */
  MAX_XLSX_BYTES: 25 * MiB,
  /** Sum of what the parts of a .xlsx unpack to, declared and then measured while unpacking (a zip-bomb guard). */
  MAX_XLSX_UNCOMPRESSED_BYTES: 100 * MiB,
  /** Files in the .xlsx zip; a real workbook has a few dozen. */
  MAX_XLSX_ENTRIES: 10_000,
  /** Unpacked / packed size of one part over 1 MiB; XML rarely packs better than 50:1, a run of zeros does 1000:1. */
  MAX_XLSX_COMPRESSION_RATIO: 200,
  /**
   * Cells exceljs builds one object each for while it reads: merged areas, data
   * validation ranges and defined-name ranges. A 6 KB file merging A1:Z400000
   * otherwise takes 40 s and 3 GB.
   */
  MAX_XLSX_EXPANDED_CELLS: 2_000_000,
  /** Sheets, rows and columns as the live model allows them (`SHEET_LIMITS` in @coffre/docs). */
  MAX_SHEETS: 200,
  /** Cells in the whole import: values, and formatted empty cells of a .xlsx. */
  MAX_CELLS: 500_000,
  MAX_ROWS: 200_000,
  MAX_COLS: 1_000,
} as const;

export type SheetImportLimit = keyof typeof SHEET_IMPORT_LIMITS;
