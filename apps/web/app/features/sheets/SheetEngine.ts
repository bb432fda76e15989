import { DetailedCellError, HyperFormula, type CellValue, type ConfigParams, type RawCellContent } from 'hyperformula';
import { isFormula, type CellInput, type Workbook } from '@coffre/docs';
import { engineFormula } from './engineFormula.ts';

/** A computed cell: what HyperFormula made of the input, with its type for default formatting. */
export type ComputedCell = { value: string | number | boolean | null; error: boolean; kind: 'number' | 'date' | 'datetime' | 'time' | 'percent' | 'currency' | 'text' | 'boolean' | 'empty' | 'error' };

const CONFIG: Partial<ConfigParams> = {
  licenseKey: 'gpl-v3',
  // The model keeps its own history per person; the engine never undoes.
  undoLimit: 0,
  dateFormats: ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY'],
  timeFormats: ['hh:mm', 'hh:mm:ss'],
  maxRows: 200_000,
  maxColumns: 1_000,
};

const KIND: Record<string, ComputedCell['kind']> = {
  NUMBER_RAW: 'number',
  NUMBER_DATE: 'date',
  NUMBER_DATETIME: 'datetime',
  NUMBER_TIME: 'time',
  NUMBER_PERCENT: 'percent',
  NUMBER_CURRENCY: 'currency',
  STRING: 'text',
  BOOLEAN: 'boolean',
  EMPTY: 'empty',
  ERROR: 'error',
};

const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * A number kept as text on purpose (`007`, a long ID: see parseTypedInput and
 * the CSV import) reaches the engine with a leading apostrophe, HyperFormula's
 * mark for text, so it is not read as 7.
 */
const raw = (input: CellInput): RawCellContent => {
  if (typeof input !== 'string') return input;
  if (NUMERIC.test(input)) return `'${input}`;
  return isFormula(input) ? engineFormula(input) : input;
};

/**
 * HyperFormula kept in step with the workbook: a derived, plaintext,
 * in-browser computation. Formulas reach it as A1 text at today's positions,
 * so any change to rows, columns or sheet names rebuilds it; a cell edit only
 * touches that cell.
 */
export class SheetEngine {
  private hf: HyperFormula;
  private readonly ids = new Map<string, number>();

  constructor(private readonly wb: Workbook) {
    this.hf = HyperFormula.buildEmpty(CONFIG);
    this.rebuild();
  }

  /** Reloads every sheet from the model (after structural changes, renames, imports). */
  rebuild(): void {
    this.hf.destroy();
    this.hf = HyperFormula.buildEmpty(CONFIG);
    this.ids.clear();
    const sheets = this.wb.sheets();
    // Names first, so formulas that name a later sheet resolve on the first pass.
    for (const s of sheets) this.ids.set(s.id, this.hf.getSheetId(this.hf.addSheet(s.name))!);
    this.hf.batch(() => {
      for (const s of sheets) {
        const view = this.wb.sheet(s.id);
        if (view) this.hf.setSheetContent(this.ids.get(s.id)!, view.toMatrix().map((row) => row.map(raw)));
      }
    });
  }

  /** Applies cell edits of one sheet; returns false if the sheet is unknown (the caller should rebuild). */
  setCells(sheetId: string, cells: { row: number; col: number; input: CellInput }[]): boolean {
    const sheet = this.ids.get(sheetId);
    if (sheet === undefined) return false;
    this.hf.batch(() => {
      for (const c of cells) this.hf.setCellContents({ sheet, row: c.row, col: c.col }, [[raw(c.input)]]);
    });
    return true;
  }

  computed(sheetId: string, row: number, col: number): ComputedCell {
    const sheet = this.ids.get(sheetId);
    if (sheet === undefined) return { value: null, error: false, kind: 'empty' };
    const address = { sheet, row, col };
    const value: CellValue = this.hf.getCellValue(address);
    if (value instanceof DetailedCellError) return { value: value.value, error: true, kind: 'error' };
    return { value: value ?? null, error: false, kind: KIND[this.hf.getCellValueDetailedType(address)] ?? 'text' };
  }

  destroy(): void {
    this.hf.destroy();
  }
}
