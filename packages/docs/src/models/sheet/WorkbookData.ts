/**
 * A workbook as plain data, by position: what import produces and export
 * consumes. The live model (`Workbook`) reads and writes it; nothing here is
 * tied to Yjs. Formulas are A1 text with sheet names (`='Q1 sales'!B2*2`).
 */

/** What a person typed into a cell: a formula starts with '='; null is empty. */
export type CellInput = string | number | boolean | null;

export type HorizontalAlign = 'left' | 'center' | 'right';

/** How a number is shown; the value itself is never changed by its format. */
export type NumberFormat =
  | { kind: 'number'; decimals: number; thousands?: boolean }
  | { kind: 'currency'; decimals: number; currency: string }
  | { kind: 'percent'; decimals: number }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'text' };

export type CellStyle = {
  bold?: boolean;
  italic?: boolean;
  /** Text colour, `#rrggbb`. */
  color?: string;
  /** Fill colour, `#rrggbb`. */
  background?: string;
  align?: HorizontalAlign;
  format?: NumberFormat;
};

export type CellData = {
  row: number;
  col: number;
  input: CellInput;
  style?: CellStyle;
  /** The computed value of a formula, when known (export only; import ignores it). */
  result?: string | number | boolean | null;
};

export type MergeData = { row: number; col: number; rowspan: number; colspan: number };

export type SheetData = {
  name: string;
  rowCount: number;
  colCount: number;
  /** Sparse; only cells with an input or a style. */
  cells: CellData[];
  /** Pixels, by column / row index; absent means the default. */
  colWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  merges: MergeData[];
  frozenRows: number;
  frozenCols: number;
};

export type WorkbookData = { sheets: SheetData[] };
