import * as Y from 'yjs';
import { AxisOrder } from './AxisOrder.ts';
import { isFormula, toA1Formula, toStoredFormula, type RefLocator, type RefResolver } from './formulaRefs.ts';
import { newSheetId } from './newSheetId.ts';
import { readCellStyle } from './readCellStyle.ts';
import { SheetError } from './SheetError.ts';
import { SHEET_EDIT, SHEET_FIELDS as F, SHEET_LIMITS, cellKey } from './sheetLayout.ts';
import type { CellInput, CellStyle, MergeData } from './WorkbookData.ts';

/** What a sheet needs from its workbook: how to read and bind references to other sheets. */
export type SheetContext = {
  locator(ownSheetId: string): RefLocator;
  resolver(ownSheetId: string): RefResolver;
};

export type CellChange = { row: number; col: number; input: CellInput };
export type CellRange = { row: number; col: number; row2: number; col2: number };

/** A field of the sheet's map; a detached empty one if a (hostile) peer left it out or wrote something else. */
const scratch = new Y.Doc();
const standIns = new WeakMap<Y.Map<unknown>, Map<string, unknown>>();
let standInCount = 0;

function child<T extends object>(m: Y.Map<unknown>, key: string, Type: new () => T): T {
  const v = m.get(key);
  if (v instanceof Type) return v;
  // An empty stand-in that lives in a document of its own, so reading it is legal and writing it goes nowhere.
  let known = standIns.get(m);
  if (!known) standIns.set(m, (known = new Map()));
  let t = known.get(key) as T | undefined;
  if (!t) {
    const holder = scratch.getMap<unknown>('standIns');
    const k = String(standInCount++);
    holder.set(k, new Type() as unknown);
    t = holder.get(k) as T;
    known.set(key, t);
  }
  return t;
}

function readInput(raw: unknown): CellInput {
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  return null;
}

function readSize(raw: unknown): number | undefined {
  return typeof raw === 'number' && raw >= SHEET_LIMITS.MIN_SIZE_PX && raw <= SHEET_LIMITS.MAX_SIZE_PX ? Math.round(raw) : undefined;
}

/**
 * One sheet of a workbook, addressed by position. Positions are read from the
 * row and column id orders at the moment of each call; everything written is
 * keyed by ids, so concurrent inserts, deletes and moves never shift an edit
 * into another cell.
 */
export class SheetView {
  private rowOrder: AxisOrder | null = null;
  private colOrder: AxisOrder | null = null;

  constructor(
    readonly id: string,
    readonly map: Y.Map<unknown>,
    private readonly context: SheetContext,
  ) {
    this.rowsArray().observe(() => (this.rowOrder = null));
    this.removedRows().observe(() => (this.rowOrder = null));
    this.colsArray().observe(() => (this.colOrder = null));
    this.removedCols().observe(() => (this.colOrder = null));
  }

  private get doc(): Y.Doc {
    return this.map.doc!;
  }

  private transact(f: () => void): void {
    this.doc.transact(f, SHEET_EDIT);
    // Observers run when the outermost transaction ends; a caller inside a larger one reads fresh orders now.
    this.rowOrder = this.colOrder = null;
  }

  rowsArray = () => child(this.map, F.ROWS, Y.Array) as Y.Array<string>;
  colsArray = () => child(this.map, F.COLS, Y.Array) as Y.Array<string>;
  removedRows = () => child(this.map, F.REMOVED_ROWS, Y.Map) as Y.Map<boolean>;
  removedCols = () => child(this.map, F.REMOVED_COLS, Y.Map) as Y.Map<boolean>;
  cells = () => child(this.map, F.CELLS, Y.Map) as Y.Map<unknown>;
  styles = () => child(this.map, F.STYLES, Y.Map) as Y.Map<unknown>;
  private colWidthMap = () => child(this.map, F.COL_WIDTHS, Y.Map) as Y.Map<unknown>;
  private rowHeightMap = () => child(this.map, F.ROW_HEIGHTS, Y.Map) as Y.Map<unknown>;
  private mergeMap = () => child(this.map, F.MERGES, Y.Map) as Y.Map<unknown>;
  private frozenMap = () => child(this.map, F.FROZEN, Y.Map) as Y.Map<unknown>;

  /** The name as stored; tabs, formulas and exports use `Workbook.sheets()`, which settles clashes. */
  get name(): string {
    const n = this.map.get(F.NAME);
    return typeof n === 'string' ? n : 'Sheet';
  }

  rows(): AxisOrder {
    return (this.rowOrder ??= new AxisOrder(this.rowsArray(), this.removedRows()));
  }

  cols(): AxisOrder {
    return (this.colOrder ??= new AxisOrder(this.colsArray(), this.removedCols()));
  }

  get rowCount(): number {
    return this.rows().count;
  }

  get colCount(): number {
    return this.cols().count;
  }

  private key(row: number, col: number): string {
    const r = this.rows().visible[row];
    const c = this.cols().visible[col];
    if (r === undefined || c === undefined) throw new SheetError('OUT_OF_RANGE');
    return cellKey(r, c);
  }

  /** What was typed into a cell, formulas as A1 text at today's positions. */
  getInput(row: number, col: number): CellInput {
    const r = this.rows().visible[row];
    const c = this.cols().visible[col];
    if (r === undefined || c === undefined) return null;
    return this.present(this.cells().get(cellKey(r, c)));
  }

  private present(raw: unknown): CellInput {
    const input = readInput(raw);
    return isFormula(input) ? toA1Formula(input, this.context.locator(this.id)) : input;
  }

  getStyle(row: number, col: number): CellStyle | undefined {
    const r = this.rows().visible[row];
    const c = this.cols().visible[col];
    if (r === undefined || c === undefined) return undefined;
    return readCellStyle(this.styles().get(cellKey(r, c)));
  }

  /** @throws SheetError CELL_TOO_LONG or OUT_OF_RANGE; nothing is written then. */
  setInput(row: number, col: number, input: CellInput): void {
    this.setInputs([{ row, col, input }]);
  }

  /**
   * Writes several cells in one transaction (a paste, a fill). Empty strings
   * and null clear a cell.
   * @throws SheetError CELL_TOO_LONG or OUT_OF_RANGE; nothing is written then.
   */
  setInputs(changes: readonly CellChange[], resolver: RefResolver = this.context.resolver(this.id)): void {
    const writes = changes.map(({ row, col, input }) => {
      if (typeof input === 'string' && input.length > SHEET_LIMITS.MAX_CELL_CHARS) throw new SheetError('CELL_TOO_LONG');
      if (typeof input === 'number' && !Number.isFinite(input)) return [this.key(row, col), null] as const;
      const stored = isFormula(input) ? toStoredFormula(input, resolver) : input;
      return [this.key(row, col), stored === '' ? null : stored] as const;
    });
    const cells = this.cells();
    this.transact(() => {
      for (const [k, v] of writes) {
        if (v === null) {
          if (cells.has(k)) cells.delete(k);
        } else if (cells.get(k) !== v) cells.set(k, v);
      }
    });
  }

  /** Merges `patch` into the style of every cell of `range`; a field set to undefined is cleared. */
  setStyle(range: CellRange, patch: Partial<Record<keyof CellStyle, unknown>>): void {
    const styles = this.styles();
    const keys: string[] = [];
    for (let r = Math.min(range.row, range.row2); r <= Math.max(range.row, range.row2); r++)
      for (let c = Math.min(range.col, range.col2); c <= Math.max(range.col, range.col2); c++) keys.push(this.key(r, c));
    this.transact(() => {
      for (const k of keys) {
        const merged: Record<string, unknown> = { ...readCellStyle(styles.get(k)) };
        for (const [f, v] of Object.entries(patch)) {
          if (v === undefined) delete merged[f];
          else merged[f] = v;
        }
        const clean = readCellStyle(merged);
        if (clean) styles.set(k, clean);
        else if (styles.has(k)) styles.delete(k);
      }
    });
  }

  /** @throws SheetError TOO_MANY_ROWS; nothing is inserted then. Returns the new rows' ids. */
  insertRows(index: number, count: number): string[] {
    if (this.rowCount + count > SHEET_LIMITS.MAX_ROWS) throw new SheetError('TOO_MANY_ROWS');
    return this.insertIds(this.rowsArray(), this.rows(), index, count);
  }

  /** @throws SheetError TOO_MANY_COLUMNS; nothing is inserted then. Returns the new columns' ids. */
  insertCols(index: number, count: number): string[] {
    if (this.colCount + count > SHEET_LIMITS.MAX_COLS) throw new SheetError('TOO_MANY_COLUMNS');
    return this.insertIds(this.colsArray(), this.cols(), index, count);
  }

  private insertIds(ids: Y.Array<string>, order: AxisOrder, index: number, count: number): string[] {
    const fresh = Array.from({ length: Math.max(0, count) }, newSheetId);
    const at = order.insertionPoint(ids, Math.max(0, Math.min(index, order.count)));
    this.transact(() => ids.insert(at, fresh));
    return fresh;
  }

  /** Deletes rows: marked removed (so ranges can shrink), their cells and styles erased. */
  deleteRows(index: number, count: number): void {
    this.removeIds(this.rows(), this.removedRows(), index, count, 0, this.rowHeightMap());
  }

  deleteCols(index: number, count: number): void {
    this.removeIds(this.cols(), this.removedCols(), index, count, 1, this.colWidthMap());
  }

  private removeIds(order: AxisOrder, removed: Y.Map<boolean>, index: number, count: number, part: 0 | 1, sizes: Y.Map<unknown>): void {
    const gone = new Set(order.visible.slice(Math.max(0, index), Math.max(0, index + count)));
    if (gone.size === 0) return;
    const cells = this.cells();
    const styles = this.styles();
    this.transact(() => {
      for (const id of gone) {
        removed.set(id, true);
        sizes.delete(id);
      }
      for (const m of [cells, styles]) for (const k of [...m.keys()]) if (gone.has(k.split(':')[part]!)) m.delete(k);
    });
  }

  /** Moves the rows at `indexes` so the first of them ends up at `finalIndex` (Handsontable's convention). */
  moveRows(indexes: readonly number[], finalIndex: number): void {
    this.moveIds(this.rowsArray(), this.rows(), indexes, finalIndex);
  }

  moveCols(indexes: readonly number[], finalIndex: number): void {
    this.moveIds(this.colsArray(), this.cols(), indexes, finalIndex);
  }

  private moveIds(ids: Y.Array<string>, order: AxisOrder, indexes: readonly number[], finalIndex: number): void {
    const moving = [...new Set(indexes)].sort((a, b) => a - b).map((i) => order.visible[i]).filter((id): id is string => id !== undefined);
    if (moving.length === 0) return;
    const set = new Set(moving);
    const rest = order.visible.filter((id) => !set.has(id));
    const before = rest[finalIndex];
    this.transact(() => {
      const all = ids.toArray();
      for (let i = all.length - 1; i >= 0; i--) if (set.has(all[i]!)) ids.delete(i, 1);
      const after = ids.toArray();
      const at = before === undefined ? after.length : after.indexOf(before);
      ids.insert(at < 0 ? after.length : at, moving);
    });
  }

  /**
   * Puts the visible rows in a new order (a sort): `order` lists visible row
   * positions, first to last. Rows it leaves out keep their place after them.
   * Cells move with their rows, so edits made meanwhile stay in their row.
   */
  reorderRows(order: readonly number[]): void {
    const rows = this.rows();
    const ids = this.rowsArray();
    const first = [...new Set(order)].map((i) => rows.visible[i]).filter((id): id is string => id !== undefined);
    const placed = new Set(first);
    const rest = rows.all.filter((id) => !placed.has(id));
    this.transact(() => {
      ids.delete(0, ids.length);
      ids.insert(0, [...first, ...rest]);
    });
  }

  colWidth(col: number): number | undefined {
    const c = this.cols().visible[col];
    return c === undefined ? undefined : readSize(this.colWidthMap().get(c));
  }

  rowHeight(row: number): number | undefined {
    const r = this.rows().visible[row];
    return r === undefined ? undefined : readSize(this.rowHeightMap().get(r));
  }

  setColWidth(col: number, px: number | null): void {
    const c = this.cols().visible[col];
    if (c !== undefined) this.setSize(this.colWidthMap(), c, px);
  }

  setRowHeight(row: number, px: number | null): void {
    const r = this.rows().visible[row];
    if (r !== undefined) this.setSize(this.rowHeightMap(), r, px);
  }

  private setSize(m: Y.Map<unknown>, id: string, px: number | null): void {
    if (px !== null && Number.isNaN(px)) return;
    this.transact(() => {
      if (px === null) m.delete(id);
      else m.set(id, Math.round(Math.max(SHEET_LIMITS.MIN_SIZE_PX, Math.min(SHEET_LIMITS.MAX_SIZE_PX, px))));
    });
  }

  /** Merged ranges at today's positions; one whose rows or columns are all gone, or that shrank to one cell, is left out. */
  merges(): (MergeData & { id: string })[] {
    const rows = this.rows();
    const cols = this.cols();
    const out: (MergeData & { id: string })[] = [];
    for (const [id, raw] of this.mergeMap()) {
      if (!raw || typeof raw !== 'object') continue;
      const m = raw as Record<string, unknown>;
      if (typeof m.r !== 'string' || typeof m.c !== 'string' || typeof m.r2 !== 'string' || typeof m.c2 !== 'string') continue;
      const r = rows.indexOf(m.r) ?? rows.nearest(m.r, m.r2);
      const r2 = rows.indexOf(m.r2) ?? rows.nearest(m.r2, m.r);
      const c = cols.indexOf(m.c) ?? cols.nearest(m.c, m.c2);
      const c2 = cols.indexOf(m.c2) ?? cols.nearest(m.c2, m.c);
      if (r === null || r2 === null || c === null || c2 === null || r2 < r || c2 < c) continue;
      if (r === r2 && c === c2) continue;
      out.push({ id, row: r, col: c, rowspan: r2 - r + 1, colspan: c2 - c + 1 });
    }
    // Same answer on every peer: by id, and of two merges made at once over the same cells, the first id wins.
    out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const kept: typeof out = [];
    for (const m of out) {
      const overlaps = kept.some((k) => m.row <= k.row + k.rowspan - 1 && m.row + m.rowspan - 1 >= k.row && m.col <= k.col + k.colspan - 1 && m.col + m.colspan - 1 >= k.col);
      if (!overlaps) kept.push(m);
    }
    return kept.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  /** Merges a range, replacing any merge it overlaps. */
  merge(range: CellRange): void {
    const row = Math.min(range.row, range.row2);
    const col = Math.min(range.col, range.col2);
    const row2 = Math.max(range.row, range.row2);
    const col2 = Math.max(range.col, range.col2);
    if (row === row2 && col === col2) return;
    const rows = this.rows().visible;
    const cols = this.cols().visible;
    const ids = { r: rows[row], c: cols[col], r2: rows[row2], c2: cols[col2] };
    if (!ids.r || !ids.c || !ids.r2 || !ids.c2) throw new SheetError('OUT_OF_RANGE');
    const overlapping = this.merges().filter((m) => m.row <= row2 && m.row + m.rowspan - 1 >= row && m.col <= col2 && m.col + m.colspan - 1 >= col);
    this.transact(() => {
      for (const m of overlapping) this.mergeMap().delete(m.id);
      this.mergeMap().set(newSheetId(), ids);
    });
  }

  /** Removes every merge that covers the cell. */
  unmerge(row: number, col: number): void {
    const hits = this.merges().filter((m) => row >= m.row && row < m.row + m.rowspan && col >= m.col && col < m.col + m.colspan);
    if (hits.length) this.transact(() => hits.forEach((m) => this.mergeMap().delete(m.id)));
  }

  frozen(): { rows: number; cols: number } {
    const m = this.frozenMap();
    const n = (v: unknown, max: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? Math.min(v, max) : 0);
    return { rows: n(m.get('rows'), Math.min(this.rowCount, 100)), cols: n(m.get('cols'), Math.min(this.colCount, 50)) };
  }

  setFrozen(rows: number, cols: number): void {
    if (!Number.isFinite(rows) || !Number.isFinite(cols)) return;
    this.transact(() => {
      this.frozenMap().set('rows', Math.max(0, Math.floor(rows)));
      this.frozenMap().set('cols', Math.max(0, Math.floor(cols)));
    });
  }

  /** Every cell with an input, as positions; formulas as A1 text. Costs one pass over the sheet's cells. */
  forEachInput(f: (row: number, col: number, input: CellInput) => void): void {
    const rows = this.rows();
    const cols = this.cols();
    for (const [k, raw] of this.cells()) {
      const sep = k.indexOf(':');
      const r = rows.indexOf(k.slice(0, sep));
      const c = cols.indexOf(k.slice(sep + 1));
      if (r === null || c === null) continue;
      const input = this.present(raw);
      if (input !== null) f(r, c, input);
    }
  }

  forEachStyle(f: (row: number, col: number, style: CellStyle) => void): void {
    const rows = this.rows();
    const cols = this.cols();
    for (const [k, raw] of this.styles()) {
      const sep = k.indexOf(':');
      const r = rows.indexOf(k.slice(0, sep));
      const c = cols.indexOf(k.slice(sep + 1));
      const style = readCellStyle(raw);
      if (r !== null && c !== null && style) f(r, c, style);
    }
  }

  /** The sheet as a dense matrix of inputs (what HyperFormula and the grid load). */
  toMatrix(): CellInput[][] {
    const m: CellInput[][] = Array.from({ length: this.rowCount }, () => new Array<CellInput>(this.colCount).fill(null));
    this.forEachInput((r, c, input) => (m[r]![c] = input));
    return m;
  }

  /** The position of a cell key (`rowId:colId`), or null if its row or column is gone. */
  positionOf(key: string): { row: number; col: number } | null {
    const sep = key.indexOf(':');
    const row = this.rows().indexOf(key.slice(0, sep));
    const col = this.cols().indexOf(key.slice(sep + 1));
    return row === null || col === null ? null : { row, col };
  }
}
