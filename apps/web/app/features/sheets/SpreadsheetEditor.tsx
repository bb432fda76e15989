import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import * as Y from 'yjs';
import { SHEET_EDIT, SheetError, Workbook, setTextDocTitle } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { PresenceList } from '../docs/PresenceList.tsx';
import { SyncBadge } from '../docs/SyncBadge.tsx';
import { useTitleSync, type TitleSync } from '../docs/useTitleSync.ts';
import { useYText } from '../docs/useYText.ts';
import { FilterBar } from './FilterBar.tsx';
import { FormulaBar } from './FormulaBar.tsx';
import { SheetEngine } from './SheetEngine.ts';
import { SheetFileMenu } from './SheetFileMenu.tsx';
import { SheetGrid, type GridApi, type GridSelection } from './SheetGrid.tsx';
import { SheetTabs } from './SheetTabs.tsx';
import { SheetToolbar } from './SheetToolbar.tsx';
import { sortOrder } from './sortOrder.ts';
import { useRemoteSelections } from './useRemoteSelections.ts';
import { watchWorkbook } from './WorkbookWatcher.ts';

import 'handsontable/styles/handsontable.min.css';
import 'handsontable/styles/ht-theme-main.min.css';

type Props = {
  open: OpenDoc;
  readOnly: boolean;
  user: { name: string; color: string };
  headerExtra?: React.ReactNode;
  /** How the spreadsheet's title and its folder entry's keep in step (useTitleSync). */
  titleSync: TitleSync;
};

const FIRST: GridSelection = { row: 0, col: 0, row2: 0, col2: 0 };

/** The spreadsheet: a Workbook over the document's plaintext Y.Doc, HyperFormula computing, Handsontable showing. */
export function SpreadsheetEditor({ open, readOnly, user, headerExtra, titleSync }: Props) {
  const doc = open.session.doc;
  const wb = useMemo(() => new Workbook(doc), [doc]);
  const engine = useMemo(() => new SheetEngine(wb), [wb]);
  useEffect(() => () => engine.destroy(), [engine]);
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const [active, setActive] = useState<string | null>(null);
  const [sel, setSel] = useState<GridSelection>(FIRST);
  const [error, setError] = useState<string | null>(null);
  const [filtering, setFiltering] = useState(false);
  const grid = useRef<GridApi | null>(null);
  const awareness = open.presence.awareness;
  const undo = useMemo(() => new Y.UndoManager([wb.sheetMaps(), wb.order()], { trackedOrigins: new Set([SHEET_EDIT]), captureTimeout: 400 }), [wb]);
  useEffect(() => () => undo.destroy(), [undo]);

  // A new workbook gets its first sheet once we know the server has nothing else.
  useEffect(() => {
    if (readOnly) return;
    const ensure = (s: string) => {
      if (s === 'synced') wb.ensureFirstSheet();
    };
    ensure(open.connection.status);
    return open.connection.onStatus(ensure);
  }, [open, wb, readOnly]);

  useEffect(
    () =>
      watchWorkbook(wb, (changes) => {
        if (changes.structural) engine.rebuild();
        else
          for (const [id, keys] of changes.cells) {
            const s = wb.sheet(id);
            const cells = s ? [...keys].map((k) => s.positionOf(k)).filter((p) => p !== null).map((p) => ({ ...p, input: s.getInput(p.row, p.col) })) : [];
            if (!engine.setCells(id, cells)) engine.rebuild();
          }
        // Two people deleting the last two sheets at once leave none: put a fresh one back.
        if (changes.structural && !readOnly && open.connection.status === 'synced') wb.ensureFirstSheet();
        grid.current?.apply(changes);
        bump();
      }),
    [wb, engine, readOnly, open],
  );

  const sheets = wb.sheets();
  const activeId = sheets.some((s) => s.id === active) ? active! : sheets[0]?.id ?? null;
  const view = activeId ? wb.sheet(activeId) : null;
  const clamped: GridSelection = view
    ? { row: Math.min(sel.row, view.rowCount - 1), col: Math.min(sel.col, view.colCount - 1), row2: Math.min(sel.row2, view.rowCount - 1), col2: Math.min(sel.col2, view.colCount - 1) }
    : FIRST;

  useEffect(() => {
    awareness.setLocalStateField('user', user);
  }, [awareness, user.name, user.color]);

  const remote = useRemoteSelections(awareness, useCallback(() => grid.current?.render(), []));

  const edit = useCallback((f: () => void) => {
    try {
      setError(null);
      f();
    } catch (e) {
      if (e instanceof SheetError) setError(e.message);
      else throw e;
    }
  }, []);
  const onError = useCallback((m: string) => setError(m), []);
  const onUndo = useCallback((redo: boolean) => (redo ? undo.redo() : undo.undo()), [undo]);
  const onSelect = useCallback(
    (s: GridSelection) => {
      setSel(s);
      const v = activeId ? wb.sheet(activeId) : null;
      if (!v) return;
      const rows = v.rows().visible;
      const cols = v.cols().visible;
      awareness.setLocalStateField('sheetSel', { sheetId: v.id, r: rows[s.row], c: cols[s.col], r2: rows[s.row2], c2: cols[s.col2] });
    },
    [awareness, wb, activeId],
  );

  const sort = (descending: boolean) => {
    if (!view) return;
    const values = Array.from({ length: view.rowCount }, (_, r) => engine.computed(view.id, r, clamped.col).value);
    edit(() => view.reorderRows(sortOrder(values, view.frozen().rows, descending)));
  };

  const title = useYText(wb.title());
  useTitleSync(open, title, titleSync);

  return (
    <div className="sheet-editor" data-epoch={open.session.currentEpoch} data-version={version}>
      <div className="doc-head">
        <input className="doc-title" aria-label="Title" placeholder={titleSync.entryTitle || 'Untitled spreadsheet'} value={title} readOnly={readOnly} onChange={(e) => setTextDocTitle(doc, e.target.value)} />
        {readOnly && <span className="badge">View only</span>}
        <PresenceList awareness={awareness} />
        <SyncBadge open={open} />
        <SheetFileMenu wb={wb} engine={engine} activeId={activeId} readOnly={readOnly} title={title} onError={onError} onImported={(ids) => ids[0] && setActive(ids[0])} />
        {headerExtra}
      </div>
      {view && !readOnly && <SheetToolbar view={view} sel={clamped} canUndo={undo.canUndo()} canRedo={undo.canRedo()} onUndo={onUndo} onEdit={edit} onSort={sort} onFilter={() => setFiltering(true)} />}
      {view && filtering && <FilterBar key={view.id} colCount={view.colCount} initialCol={clamped.col} apply={(f) => grid.current?.setFilter(f) ?? 0} onClose={() => setFiltering(false)} />}
      {error && (
        <p role="alert" className="error sheet-error">
          {error} <button type="button" onClick={() => setError(null)}>Dismiss</button>
        </p>
      )}
      {view && <FormulaBar view={view} sel={clamped} readOnly={readOnly} version={version} onCommit={edit} onJump={(s) => grid.current?.select(s)} />}
      <div className="sheet-grid" data-testid="sheet-grid">
        {view ? (
          <SheetGrid key={view.id} wb={wb} engine={engine} sheetId={view.id} readOnly={readOnly} remote={remote} apiRef={grid} onSelect={onSelect} onError={onError} onUndo={onUndo} />
        ) : (
          <p className="muted">{readOnly ? 'This workbook is empty.' : 'Preparing the first sheet…'}</p>
        )}
      </div>
      {activeId && (
        <SheetTabs
          sheets={sheets}
          active={activeId}
          readOnly={readOnly}
          onSelect={(id) => { setActive(id); setSel(FIRST); setFiltering(false); }}
          onAdd={() => edit(() => setActive(wb.addSheet()))}
          onRename={(id, name) => edit(() => wb.renameSheet(id, name))}
          onMove={(id, i) => edit(() => wb.moveSheet(id, i))}
          onDelete={(id) => edit(() => wb.deleteSheet(id))}
        />
      )}
    </div>
  );
}
