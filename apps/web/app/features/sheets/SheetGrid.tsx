import { memo, useEffect, useMemo, useRef } from 'react';
import { HotTable, type HotTableRef } from '@handsontable/react-wrapper';
import type Handsontable from 'handsontable/base';
import { textRenderer } from 'handsontable/renderers';
import { SHEET_EDIT, SHEET_LIMITS, SheetError, shiftFormula, type CellChange, type Workbook } from '@coffre/docs';
import { registerGridModules } from './registerGridModules.ts';
import { parseTypedInput } from './parseTypedInput.ts';
import { formatCellValue } from './formatCellValue.ts';
import type { SheetEngine } from './SheetEngine.ts';

import type { RemoteSelection } from './useRemoteSelections.ts';
import type { WorkbookChanges } from './WorkbookWatcher.ts';

registerGridModules();

export type GridSelection = { row: number; col: number; row2: number; col2: number };

/** A filter of this tab's view only: rows (below the frozen ones) whose shown value in `col` contains `text`. */
export type RowFilter = { col: number; text: string };

export type GridApi = {
  hot(): Handsontable | null;
  /** Hides the rows the filter leaves out (null shows all); returns how many rows below the frozen ones match. */
  setFilter(filter: RowFilter | null): number;
  /** Redraws after the model changed (from watchWorkbook). */
  apply(changes: WorkbookChanges): void;
  render(): void;
  /** Selects a range and scrolls it into view. */
  select(sel: GridSelection): void;
};

type Props = {
  wb: Workbook;
  engine: SheetEngine;
  sheetId: string;
  readOnly: boolean;
  remote: React.RefObject<RemoteSelection[]>;
  apiRef: React.RefObject<GridApi | null>;
  onSelect(sel: GridSelection): void;
  onError(message: string): void;
  onUndo(redo: boolean): void;
};

const DEFAULT_COL_WIDTH = 100;
/** The change source our own model-to-grid writes carry, so the grid's hooks let them through. */
const REMOTE = 'remote' as Handsontable.ChangeSource;

/**
 * The grid for one sheet. The model is the only truth: every edit made in the
 * grid is cancelled there and written to the model, whose change events
 * (local or remote alike) redraw the grid. HyperFormula computes what cells
 * show; Handsontable holds the raw inputs, so editing a cell shows its formula.
 */
export const SheetGrid = memo(function SheetGrid({ wb, engine, sheetId, readOnly, remote, apiRef, onSelect, onError, onUndo }: Props) {
  const hotRef = useRef<HotTableRef>(null);
  const view = wb.sheet(sheetId)!;
  const live = useRef({ onSelect, onError, onUndo });
  const lastCopy = useRef<{ text: string; row: number; col: number } | null>(null);
  const reloadLater = useRef<ReturnType<typeof setInterval> | null>(null);
  /** The cell an open editor belongs to, by ids: a row inserted above meanwhile must not move the edit. */
  const editing = useRef<{ rowId: string; colId: string } | null>(null);
  live.current = { onSelect, onError, onUndo };

  const guarded = (f: () => void) => {
    try {
      f();
    } catch (e) {
      if (e instanceof SheetError) live.current.onError(e.message);
      else throw e;
    }
  };

  const layout = () => {
    const frozen = view.frozen();
    return {
      manualColumnResize: Array.from({ length: view.colCount }, (_, c) => view.colWidth(c) ?? DEFAULT_COL_WIDTH),
      manualRowResize: Array.from({ length: view.rowCount }, (_, r) => view.rowHeight(r) ?? 0).map((h) => (h === 0 ? undefined : h)) as number[],
      mergeCells: view.merges().map(({ row, col, rowspan, colspan }) => ({ row, col, rowspan, colspan })),
      fixedRowsTop: frozen.rows,
      fixedColumnsStart: frozen.cols,
    };
  };

  const filter = useRef<RowFilter | null>(null);
  const applyFilter = (): number => {
    const hot = hotRef.current?.hotInstance;
    if (!hot) return view.rowCount;
    const plugin = hot.getPlugin('hiddenRows');
    plugin.showRows(plugin.getHiddenRows());
    const f = filter.current;
    const hide: number[] = [];
    const top = view.frozen().rows;
    if (f && f.text.trim()) {
      const needle = f.text.trim().toLocaleLowerCase();
      for (let r = top; r < view.rowCount; r++) {
        const shown = formatCellValue(engine.computed(sheetId, r, f.col), view.getStyle(r, f.col)?.format).toLocaleLowerCase();
        if (!shown.includes(needle)) hide.push(r);
      }
      plugin.hideRows(hide);
    }
    hot.render();
    return view.rowCount - top - hide.length;
  };

  useEffect(() => {
    apiRef.current = {
      hot: () => hotRef.current?.hotInstance ?? null,
      setFilter(f) {
        filter.current = f;
        return applyFilter();
      },
      render: () => hotRef.current?.hotInstance?.render(),
      select: (sel) => {
        const hot = hotRef.current?.hotInstance;
        if (!hot) return;
        hot.selectCell(sel.row, sel.col, sel.row2, sel.col2);
        hot.scrollViewportTo({ row: sel.row, col: sel.col });
        hot.listen();
      },
      apply(changes) {
        const hot = hotRef.current?.hotInstance;
        if (!hot || !wb.sheet(sheetId)) return;
        if (changes.structural || reloadLater.current) {
          // Rows moved under an open editor: reload once it closes; its edit is written by ids meanwhile.
          if (hot.getActiveEditor()?.isOpened()) {
            if (!reloadLater.current) reloadLater.current = setInterval(() => {
              if (hot.isDestroyed || hot.getActiveEditor()?.isOpened()) return;
              clearInterval(reloadLater.current!);
              reloadLater.current = null;
              apiRef.current?.apply({ structural: true, cells: new Map(), layout: new Set() });
            }, 150);
            return;
          }
          hot.updateData(view.toMatrix());
          hot.updateSettings(layout());
          if (filter.current) applyFilter();
          return;
        }
        // One render for the whole change (the bench showed two or three per edit otherwise).
        hot.batch(() => {
          const keys = changes.cells.get(sheetId);
          if (keys) {
            const cells = [...keys].map((k) => view.positionOf(k)).filter((p) => p !== null);
            hot.setDataAtCell(cells.map((p) => [p.row, p.col, view.getInput(p.row, p.col)]), REMOTE);
          }
          if (changes.layout.has(sheetId)) hot.updateSettings(layout());
          if (filter.current) applyFilter();
          else hot.render();
        });
      },
    };
    return () => {
      apiRef.current = null;
      if (reloadLater.current) clearInterval(reloadLater.current);
      reloadLater.current = null;
    };
  }, [wb, engine, sheetId]);

  const settings = useMemo(() => {
    const remoteAt = (r: number, c: number) => {
      for (const s of remote.current ?? []) {
        if (s.sheetId !== sheetId) continue;
        const rows = view.rows();
        const cols = view.cols();
        const [r1, r2, c1, c2] = [rows.indexOf(s.rowId), rows.indexOf(s.rowId2), cols.indexOf(s.colId), cols.indexOf(s.colId2)];
        if (r1 === null || r2 === null || c1 === null || c2 === null) continue;
        if (r >= Math.min(r1, r2) && r <= Math.max(r1, r2) && c >= Math.min(c1, c2) && c <= Math.max(c1, c2)) return { ...s, anchor: r === Math.min(r1, r2) && c === Math.min(c1, c2) };
      }
      return null;
    };
    const renderer: Handsontable.GridSettings['renderer'] = function (instance, td, row, col, prop, value, cellProperties) {
      const r = instance.toPhysicalRow(row);
      const c = instance.toPhysicalColumn(col);
      const computed = engine.computed(sheetId, r, c);
      const style = view.getStyle(r, c);
      textRenderer(instance, td, row, col, prop, formatCellValue(computed, style?.format), cellProperties);
      // Written only when they change: most cells have no style, and touching a cell's inline style makes
      // the browser recompute it, which a jump across the sheet pays for every rendered cell.
      setStyle(td, 'fontWeight', style?.bold ? '700' : '');
      setStyle(td, 'fontStyle', style?.italic ? 'italic' : '');
      setStyle(td, 'color', computed.error ? '#b3261e' : style?.color ?? '');
      setStyle(td, 'background', style?.background ?? '');
      setStyle(td, 'textAlign', style?.align ?? (typeof computed.value === 'number' || computed.kind === 'boolean' ? 'right' : 'left'));
      const sel = remoteAt(r, c);
      setStyle(td, 'boxShadow', sel ? `inset 0 0 0 2px ${sel.color}` : '');
      if (sel?.anchor) {
        td.dataset.remoteName = sel.name;
        td.classList.add('remote-anchor');
        td.style.setProperty('--remote-color', sel.color);
      } else if (td.dataset.remoteName !== undefined) {
        delete td.dataset.remoteName;
        td.classList.remove('remote-anchor');
      }
    };
    const custom = (name: string, callback: (sel: GridSelection) => void, disabled?: () => boolean) => ({
      name,
      disabled,
      callback(this: Handsontable, _key: string, selection: { start: { row: number; col: number }; end: { row: number; col: number } }[]) {
        const s = selection[0];
        if (!s) return;
        guarded(() =>
          callback({ row: Math.max(0, Math.min(s.start.row, s.end.row)), col: Math.max(0, Math.min(s.start.col, s.end.col)), row2: Math.max(s.start.row, s.end.row), col2: Math.max(s.start.col, s.end.col) }),
        );
      },
    });
    const items = readOnly
      ? { copy: {} }
      : {
          row_above_c: custom('Insert row above', (s) => view.insertRows(s.row, s.row2 - s.row + 1)),
          row_below_c: custom('Insert row below', (s) => view.insertRows(s.row2 + 1, s.row2 - s.row + 1)),
          col_left_c: custom('Insert column left', (s) => view.insertCols(s.col, s.col2 - s.col + 1)),
          col_right_c: custom('Insert column right', (s) => view.insertCols(s.col2 + 1, s.col2 - s.col + 1)),
          sep1: '---------',
          remove_row_c: custom('Delete rows', (s) => view.deleteRows(s.row, s.row2 - s.row + 1), () => view.rowCount <= 1),
          remove_col_c: custom('Delete columns', (s) => view.deleteCols(s.col, s.col2 - s.col + 1), () => view.colCount <= 1),
          sep2: '---------',
          merge_c: custom('Merge cells', (s) => view.merge(s)),
          unmerge_c: custom('Unmerge cells', (s) => view.unmerge(s.row, s.col)),
          freeze_c: custom('Freeze up to here', (s) => view.setFrozen(s.row + 1, s.col + 1)),
          unfreeze_c: custom('Unfreeze', () => view.setFrozen(0, 0)),
          sep3: '---------',
          clear_c: custom('Clear contents', (s) => {
            const changes = [];
            for (let r = s.row; r <= s.row2; r++) for (let c = s.col; c <= s.col2; c++) changes.push({ row: r, col: c, input: null });
            view.setInputs(changes);
          }),
          copy: {},
          cut: {},
        };
    const s: Handsontable.GridSettings = {
      data: view.toMatrix(),
      licenseKey: 'non-commercial-and-evaluation',
      themeName: 'ht-theme-main',
      rowHeaders: true,
      colHeaders: true,
      width: '100%',
      height: '100%',
      readOnly,
      renderer,
      contextMenu: { items } as Handsontable.GridSettings['contextMenu'],
      copyPaste: true,
      hiddenRows: { rows: [], indicators: true },
      fillHandle: readOnly ? false : { autoInsertRow: false },
      manualRowMove: !readOnly,
      manualColumnMove: !readOnly,
      undo: false,
      outsideClickDeselects: false,
      autoWrapRow: true,
      autoWrapCol: true,
      rowHeights: 23,
      wordWrap: false,
      // Widths come from the model; measuring columns on every render cost ~40% of an edit.
      autoColumnSize: false,
      enterBeginsEditing: true,
      ...layout(),
      manualColumnResize: readOnly ? false : layout().manualColumnResize,
      manualRowResize: readOnly ? false : layout().manualRowResize,
      beforeChange(changes, source) {
        if (source === REMOTE || source === 'loadData' || source === 'updateData') return;
        const writes: CellChange[] = [];
        const edited = source === 'edit' ? editing.current : null;
        editing.current = null;
        if (edited && changes.length === 1 && changes[0]) {
          const row = view.rows().indexOf(edited.rowId);
          const col = view.cols().indexOf(edited.colId);
          if (row === null || col === null) live.current.onError('Someone deleted the row or column you were editing; your entry was not saved.');
          else guarded(() => view.setInput(row, col, parseTypedInput(changes[0]![3])));
          return false;
        }
        for (const ch of changes) {
          if (!ch) continue;
          const [row, prop, , next] = ch;
          if (typeof prop !== 'number' || row >= view.rowCount || prop >= view.colCount) continue;
          writes.push({ row, col: prop, input: parseTypedInput(next) });
        }
        guarded(() => view.setInputs(writes));
        return false;
      },
      beforeAutofill(data, sourceRange, targetRange) {
        // Relative references follow the filled cell, as in other spreadsheets.
        const src = sourceRange.getTopStartCorner();
        const dst = targetRange.getTopStartCorner();
        const height = data.length;
        const width = data[0]?.length ?? 1;
        const rows = targetRange.getHeight();
        const cols = targetRange.getWidth();
        const out: unknown[][] = [];
        for (let r = 0; r < rows; r++) {
          const line: unknown[] = [];
          for (let c = 0; c < cols; c++) {
            const v = data[r % height]?.[c % width];
            const dr = (dst.row ?? 0) + r - ((src.row ?? 0) + (r % height));
            const dc = (dst.col ?? 0) + c - ((src.col ?? 0) + (c % width));
            line.push(typeof v === 'string' ? shiftFormula(v, dr, dc) : v);
          }
          out.push(line);
        }
        return out as Handsontable.CellValue[][];
      },
      beforeCreateRow: (_i, _n, source) => source === REMOTE,
      beforeCreateCol: (_i, _n, source) => source === REMOTE,
      beforeRemoveRow: ((_i: number, _n: number, _p: number[], source?: string) => source === REMOTE) as Handsontable.GridSettings['beforeRemoveRow'],
      beforeRemoveCol: ((_i: number, _n: number, _p: number[], source?: string) => source === REMOTE) as Handsontable.GridSettings['beforeRemoveCol'],
      beforeRowMove(rows, finalIndex, _drop, possible) {
        if (possible) guarded(() => view.moveRows(rows.map((r) => hotRef.current!.hotInstance!.toPhysicalRow(r)), finalIndex));
        return false;
      },
      beforeColumnMove(cols, finalIndex, _drop, possible) {
        if (possible) guarded(() => view.moveCols(cols.map((c) => hotRef.current!.hotInstance!.toPhysicalColumn(c)), finalIndex));
        return false;
      },
      afterCopy(data, coords) {
        const c = coords[0];
        lastCopy.current = c ? { text: JSON.stringify(data), row: c.startRow, col: c.startCol } : null;
      },
      beforePaste(data, coords) {
        // The paste is written to the model here, in one transaction, growing the sheet when it does not fit;
        // our own copy pasted elsewhere has its relative references moved, as in other spreadsheets.
        const to = coords[0];
        if (!to || readOnly) return false;
        const from = lastCopy.current;
        const ours = !!from && from.text === JSON.stringify(data);
        const dr = ours ? to.startRow - from!.row : 0;
        const dc = ours ? to.startCol - from!.col : 0;
        const width = Math.max(0, ...data.map((line) => line.length));
        // Checked before anything is written: a transaction that throws half-way keeps its first half.
        const refusal = data.some((line) => line.some((v) => typeof v === 'string' && v.length > SHEET_LIMITS.MAX_CELL_CHARS))
          ? new SheetError('CELL_TOO_LONG')
          : to.startRow + data.length > SHEET_LIMITS.MAX_ROWS
            ? new SheetError('TOO_MANY_ROWS')
            : to.startCol + width > SHEET_LIMITS.MAX_COLS
              ? new SheetError('TOO_MANY_COLUMNS')
              : null;
        if (refusal) {
          live.current.onError(refusal.message);
          return false;
        }
        guarded(() =>
          wb.doc.transact(() => {
            const moreRows = to.startRow + data.length - view.rowCount;
            const moreCols = to.startCol + width - view.colCount;
            if (moreRows > 0) view.insertRows(view.rowCount, moreRows);
            if (moreCols > 0) view.insertCols(view.colCount, moreCols);
            const changes: CellChange[] = [];
            data.forEach((line, r) =>
              line.forEach((v, c) => {
                const text = typeof v === 'string' && ours ? shiftFormula(v, dr, dc) : v;
                changes.push({ row: to.startRow + r, col: to.startCol + c, input: parseTypedInput(text) });
              }),
            );
            view.setInputs(changes);
          }, SHEET_EDIT),
        );
        return false;
      },
      afterBeginEditing(row, col) {
        const hot = hotRef.current?.hotInstance;
        const rowId = hot && view.rows().visible[hot.toPhysicalRow(row)];
        const colId = hot && view.cols().visible[hot.toPhysicalColumn(col)];
        editing.current = rowId && colId ? { rowId, colId } : null;
      },
      afterColumnResize(size, col) {
        if (!readOnly) view.setColWidth(col, size);
      },
      afterRowResize(size, row) {
        if (!readOnly) view.setRowHeight(row, size);
      },
      afterSelectionEnd(row, col, row2, col2) {
        const hot = hotRef.current?.hotInstance;
        if (!hot) return;
        const r = [hot.toPhysicalRow(Math.max(0, row)), hot.toPhysicalRow(Math.max(0, row2))];
        const c = [hot.toPhysicalColumn(Math.max(0, col)), hot.toPhysicalColumn(Math.max(0, col2))];
        live.current.onSelect({ row: Math.min(r[0]!, r[1]!), col: Math.min(c[0]!, c[1]!), row2: Math.max(r[0]!, r[1]!), col2: Math.max(c[0]!, c[1]!) });
      },
      beforeKeyDown(event) {
        const hot = hotRef.current?.hotInstance;
        if (!hot || hot.getActiveEditor()?.isOpened()) return;
        const mod = event.ctrlKey || event.metaKey;
        const key = event.key.toLowerCase();
        if (mod && (key === 'z' || key === 'y')) {
          event.preventDefault();
          event.stopImmediatePropagation();
          if (!readOnly) live.current.onUndo(key === 'y' || event.shiftKey);
        }
      },
    };
    return s;
  }, [wb, engine, sheetId, readOnly]);

  const { renderer, ...rest } = settings;
  return <HotTable ref={hotRef} {...(rest as Record<string, unknown>)} hotRenderer={renderer} />;
});

type StyleProp = 'fontWeight' | 'fontStyle' | 'color' | 'background' | 'textAlign' | 'boxShadow';

function setStyle(td: HTMLTableCellElement, prop: StyleProp, value: string): void {
  if (td.style[prop] !== value) td.style[prop] = value;
}
