import type * as Y from 'yjs';
import type { Workbook } from '@coffre/docs';

/** What changed in a batch of transactions, by sheet. */
export type WorkbookChanges = {
  /** Rows, columns, sheets or names changed: positions of formulas may have moved everywhere. */
  structural: boolean;
  /** Cell keys (`rowId:colId`) whose input changed, per sheet. */
  cells: Map<string, Set<string>>;
  /** Styles, sizes, merges or frozen panes changed on these sheets. */
  layout: Set<string>;
};

const STRUCTURAL_FIELDS = new Set(['rows', 'cols', 'removedRows', 'removedCols', 'name']);
const LAYOUT_FIELDS = new Set(['styles', 'colWidths', 'rowHeights', 'merges', 'frozen']);

/**
 * Sorts the workbook's Yjs events into what the grid and the engine must
 * redo, gathered over a microtask so a paste or a remote batch is handled
 * once, and never re-entered from inside a grid hook.
 */
export function watchWorkbook(wb: Workbook, onChanges: (c: WorkbookChanges) => void): () => void {
  let pending: WorkbookChanges | null = null;
  let stopped = false;
  const take = (): WorkbookChanges => {
    if (pending) return pending;
    const fresh: WorkbookChanges = { structural: false, cells: new Map(), layout: new Set() };
    pending = fresh;
    queueMicrotask(() => {
      pending = null;
      if (!stopped) onChanges(fresh);
    });
    return fresh;
  };
  const onDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const c = take();
    for (const e of events) {
      const [sheetId, field] = e.path as string[];
      if (sheetId === undefined || field === undefined) {
        // A sheet added, removed or replaced, or a field of a sheet's map set.
        c.structural = true;
        if (sheetId !== undefined) c.layout.add(sheetId);
        continue;
      }
      if (STRUCTURAL_FIELDS.has(field)) c.structural = true;
      else if (LAYOUT_FIELDS.has(field)) c.layout.add(sheetId);
      else if (field === 'cells') {
        let set = c.cells.get(sheetId);
        if (!set) c.cells.set(sheetId, (set = new Set()));
        for (const k of (e as Y.YMapEvent<unknown>).keys.keys()) set.add(k);
      }
    }
  };
  const onOrder = () => {
    take().structural = true;
  };
  const maps = wb.sheetMaps();
  const order = wb.order();
  maps.observeDeep(onDeep);
  order.observe(onOrder);
  return () => {
    maps.unobserveDeep(onDeep);
    order.unobserve(onOrder);
    stopped = true;
  };
}
