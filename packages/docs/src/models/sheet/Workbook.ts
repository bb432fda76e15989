import * as Y from 'yjs';
import type { RefLocator, RefResolver } from './formulaRefs.ts';
import { newSheetId } from './newSheetId.ts';
import { SheetError } from './SheetError.ts';
import { SheetView } from './SheetView.ts';
import { FIRST_SHEET_ID, SHEET_DOC, SHEET_EDIT, SHEET_FIELDS as F, SHEET_LIMITS } from './sheetLayout.ts';

export type SheetInfo = { id: string; name: string };

/** A sheet name as we keep it: no control characters, trimmed, bounded. */
export function cleanSheetName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
  return [...clean].slice(0, SHEET_LIMITS.MAX_SHEET_NAME_CHARS).join('') || 'Sheet';
}

/**
 * A workbook inside a plaintext Y.Doc: ordered sheets, each with rows and
 * columns that have stable ids. The headless API for the grid, import and
 * export, and tests. Every edit is one transaction with origin `SHEET_EDIT`.
 */
export class Workbook {
  private readonly views = new Map<string, SheetView>();
  private orderCache: SheetInfo[] | null = null;

  constructor(readonly doc: Y.Doc) {
    this.order().observe(() => (this.orderCache = null));
    this.sheetMaps().observeDeep(() => (this.orderCache = null));
  }

  order(): Y.Array<string> {
    return this.doc.getArray<string>(SHEET_DOC.ORDER);
  }

  sheetMaps(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap<Y.Map<unknown>>(SHEET_DOC.SHEETS);
  }

  title(): Y.Text {
    return this.doc.getText(SHEET_DOC.TITLE);
  }

  /**
   * The sheets in tab order; ids without a sheet, and repeated ids, are
   * skipped. Two people naming sheets alike at once leave two equal names:
   * the later tab shows (and formulas name) it with a number, on every peer.
   */
  sheets(): SheetInfo[] {
    if (this.orderCache) return this.orderCache;
    const seen = new Set<string>();
    const names = new Set<string>();
    const out: SheetInfo[] = [];
    for (const id of this.order()) {
      if (typeof id !== 'string' || seen.has(id)) continue;
      seen.add(id);
      const m = this.sheetMaps().get(id);
      if (!(m instanceof Y.Map)) continue;
      const raw = m.get(F.NAME);
      let name = typeof raw === 'string' ? cleanSheetName(raw) : 'Sheet';
      for (let n = 2; names.has(name.toLocaleLowerCase()); n++) name = `${typeof raw === 'string' ? cleanSheetName(raw) : 'Sheet'} ${n}`;
      names.add(name.toLocaleLowerCase());
      out.push({ id, name });
    }
    return (this.orderCache = out);
  }

  /** The live view of one sheet, or null if there is no such sheet. */
  sheet(id: string): SheetView | null {
    const m = this.sheetMaps().get(id);
    if (!(m instanceof Y.Map)) return null;
    const known = this.views.get(id);
    if (known && known.map === m) return known;
    const view = new SheetView(id, m, this);
    this.views.set(id, view);
    return view;
  }

  /** @throws SheetError NO_SUCH_SHEET */
  requireSheet(id: string): SheetView {
    const s = this.sheet(id);
    if (!s) throw new SheetError('NO_SUCH_SHEET');
    return s;
  }

  /** A name not used by another sheet (compared without case), from `wanted`. */
  uniqueSheetName(wanted: string, exceptId?: string): string {
    const taken = new Set(this.sheets().filter((s) => s.id !== exceptId).map((s) => s.name.toLocaleLowerCase()));
    const base = cleanSheetName(wanted);
    if (!taken.has(base.toLocaleLowerCase())) return base;
    for (let n = 2; ; n++) {
      const suffix = ` ${n}`;
      const candidate = [...base].slice(0, SHEET_LIMITS.MAX_SHEET_NAME_CHARS - suffix.length).join('').trimEnd() + suffix;
      if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
    }
  }

  /**
   * Adds a sheet with `rows` × `cols` empty cells at `index` (default: last).
   * @throws SheetError TOO_MANY_SHEETS, TOO_MANY_ROWS or TOO_MANY_COLUMNS; nothing is added then.
   */
  addSheet(options: { name?: string; index?: number; rows?: number; cols?: number; id?: string } = {}): string {
    if (this.sheets().length >= SHEET_LIMITS.MAX_SHEETS) throw new SheetError('TOO_MANY_SHEETS');
    const rows = options.rows ?? SHEET_LIMITS.NEW_SHEET_ROWS;
    const cols = options.cols ?? SHEET_LIMITS.NEW_SHEET_COLS;
    if (rows > SHEET_LIMITS.MAX_ROWS) throw new SheetError('TOO_MANY_ROWS');
    if (cols > SHEET_LIMITS.MAX_COLS) throw new SheetError('TOO_MANY_COLUMNS');
    const id = options.id ?? newSheetId();
    const name = this.uniqueSheetName(options.name ?? `Sheet ${this.sheets().length + 1}`);
    this.doc.transact(() => {
      const m = new Y.Map<unknown>();
      m.set(F.NAME, name);
      const rowIds = new Y.Array<string>();
      rowIds.push(Array.from({ length: rows }, newSheetId));
      const colIds = new Y.Array<string>();
      colIds.push(Array.from({ length: cols }, newSheetId));
      m.set(F.ROWS, rowIds);
      m.set(F.COLS, colIds);
      for (const f of [F.REMOVED_ROWS, F.REMOVED_COLS, F.CELLS, F.STYLES, F.COL_WIDTHS, F.ROW_HEIGHTS, F.MERGES, F.FROZEN]) m.set(f, new Y.Map());
      this.sheetMaps().set(id, m);
      const at = options.index === undefined ? this.order().length : this.orderInsertionPoint(options.index);
      this.order().insert(at, [id]);
    }, SHEET_EDIT);
    this.orderCache = null;
    return id;
  }

  /** Makes sure there is a sheet to show; the first one has a fixed id so concurrent first opens agree. */
  ensureFirstSheet(): void {
    if (this.sheets().length === 0) this.addSheet({ id: FIRST_SHEET_ID, name: 'Sheet 1' });
  }

  private orderInsertionPoint(index: number): number {
    const visible = this.sheets();
    if (index >= visible.length) return this.order().length;
    const target = visible[Math.max(0, index)]!.id;
    return this.order().toArray().indexOf(target);
  }

  renameSheet(id: string, name: string): void {
    const m = this.requireSheet(id).map;
    const clean = this.uniqueSheetName(name, id);
    if (m.get(F.NAME) !== clean) this.doc.transact(() => m.set(F.NAME, clean), SHEET_EDIT);
    this.orderCache = null;
  }

  /** Moves a tab to position `index` among the sheets. */
  moveSheet(id: string, index: number): void {
    this.requireSheet(id);
    const rest = this.sheets().filter((s) => s.id !== id);
    const before = rest[index]?.id;
    this.doc.transact(() => {
      const order = this.order();
      const all = order.toArray();
      for (let i = all.length - 1; i >= 0; i--) if (all[i] === id) order.delete(i, 1);
      const at = before === undefined ? order.length : order.toArray().indexOf(before);
      order.insert(at < 0 ? order.length : at, [id]);
    }, SHEET_EDIT);
    this.orderCache = null;
  }

  /** @throws SheetError LAST_SHEET or NO_SUCH_SHEET; nothing is deleted then. */
  deleteSheet(id: string): void {
    this.requireSheet(id);
    if (this.sheets().length <= 1) throw new SheetError('LAST_SHEET');
    this.doc.transact(() => {
      const order = this.order();
      const all = order.toArray();
      for (let i = all.length - 1; i >= 0; i--) if (all[i] === id) order.delete(i, 1);
      this.sheetMaps().delete(id);
    }, SHEET_EDIT);
    this.orderCache = null;
    this.views.delete(id);
  }

  /** Reads stored references back as positions on any sheet ('' = the formula's own sheet). */
  locator(ownSheetId: string): RefLocator {
    const view = (sheet: string) => this.sheet(sheet === '' ? ownSheetId : sheet);
    return {
      sheetName: (sheet) => (sheet === '' ? '' : this.sheets().find((s) => s.id === sheet)?.name ?? null),
      rowIndex: (sheet, row) => view(sheet)?.rows().indexOf(row) ?? null,
      colIndex: (sheet, col) => view(sheet)?.cols().indexOf(col) ?? null,
      nearestRow: (sheet, from, to) => view(sheet)?.rows().nearest(from, to) ?? null,
      nearestCol: (sheet, from, to) => view(sheet)?.cols().nearest(from, to) ?? null,
    };
  }

  /** Binds A1 positions to ids when a formula is stored; sheet names are matched without case. */
  resolver(ownSheetId: string, names?: ReadonlyMap<string, string>): RefResolver {
    const view = (sheet: string) => this.sheet(sheet === '' ? ownSheetId : sheet);
    return {
      sheetId: (name) => {
        const lower = name.toLocaleLowerCase();
        const id = names?.get(lower) ?? this.sheets().find((s) => s.name.toLocaleLowerCase() === lower)?.id ?? null;
        return id === ownSheetId ? '' : id;
      },
      rowId: (sheet, index) => view(sheet)?.rows().visible[index] ?? null,
      colId: (sheet, index) => view(sheet)?.cols().visible[index] ?? null,
    };
  }
}
