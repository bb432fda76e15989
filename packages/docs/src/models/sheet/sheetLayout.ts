/** The shape of a workbook inside its encrypted Y.Doc. */
export const SHEET_DOC = {
  TITLE: 'title',
  /** Y.Array of sheet ids: tab order. A moved tab is deleted and re-inserted; readers keep the first copy. */
  ORDER: 'sheetOrder',
  /** Y.Map sheet id → Y.Map of that sheet's fields (below). */
  SHEETS: 'sheets',
} as const;

/** Fields of one sheet's Y.Map. Rows and columns are Y.Arrays of ids that are never removed, only marked. */
export const SHEET_FIELDS = {
  NAME: 'name',
  ROWS: 'rows',
  COLS: 'cols',
  /** Y.Map id → true: deleted rows/columns stay in the order so a range that lost a corner can shrink. */
  REMOVED_ROWS: 'removedRows',
  REMOVED_COLS: 'removedCols',
  /** Y.Map `${rowId}:${colId}` → string | number | boolean; formulas in stored (id-bound) form. */
  CELLS: 'cells',
  /** Y.Map `${rowId}:${colId}` → CellStyle. */
  STYLES: 'styles',
  COL_WIDTHS: 'colWidths',
  ROW_HEIGHTS: 'rowHeights',
  /** Y.Map merge id → { r, c, r2, c2 } (corner row and column ids). */
  MERGES: 'merges',
  /** Y.Map with `rows` and `cols`: how many are frozen at the top and left. */
  FROZEN: 'frozen',
} as const;

/** Transaction origin of every local sheet edit; an UndoManager tracks only this, so undo never undoes others. */
export const SHEET_EDIT = Symbol('coffre/sheet-edit');

/** Hard limits, so a hostile or runaway collaborator or file cannot make the grid unusable. */
export const SHEET_LIMITS = {
  MAX_SHEETS: 200,
  MAX_ROWS: 200_000,
  MAX_COLS: 1_000,
  /** Excel's own limit per cell. */
  MAX_CELL_CHARS: 32_767,
  MAX_SHEET_NAME_CHARS: 100,
  MIN_SIZE_PX: 8,
  MAX_SIZE_PX: 2_000,
  NEW_SHEET_ROWS: 100,
  NEW_SHEET_COLS: 26,
} as const;

/** The first sheet has a fixed id, so two people opening a new workbook at once create one sheet, not two. */
export const FIRST_SHEET_ID = 'first';

export const cellKey = (rowId: string, colId: string) => `${rowId}:${colId}`;
