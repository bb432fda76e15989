import { useState } from 'react';
import type { SheetInfo } from '@coffre/docs';

type Props = {
  sheets: SheetInfo[];
  active: string;
  readOnly: boolean;
  onSelect(id: string): void;
  onAdd(): void;
  onRename(id: string, name: string): void;
  onMove(id: string, index: number): void;
  onDelete(id: string): void;
};

/** The workbook's sheets: pick, add, rename (double-click), reorder and delete. */
export function SheetTabs({ sheets, active, readOnly, onSelect, onAdd, onRename, onMove, onDelete }: Props) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const index = sheets.findIndex((s) => s.id === active);
  const finish = (id: string) => {
    setRenaming(null);
    if (draft.trim()) onRename(id, draft);
  };
  return (
    <div className="sheet-tabs" role="tablist" aria-label="Sheets">
      {sheets.map((s) =>
        renaming === s.id ? (
          <input
            key={s.id}
            className="sheet-tab-rename"
            aria-label="Sheet name"
            autoFocus
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => finish(s.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') finish(s.id);
              if (e.key === 'Escape') setRenaming(null);
            }}
          />
        ) : (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s.id === active}
            className={s.id === active ? 'sheet-tab active' : 'sheet-tab'}
            onClick={() => onSelect(s.id)}
            onDoubleClick={() => {
              if (readOnly) return;
              setDraft(s.name);
              setRenaming(s.id);
            }}
          >
            {s.name}
          </button>
        ),
      )}
      {!readOnly && (
        <>
          <button type="button" className="sheet-tab-add" aria-label="Add sheet" title="Add sheet" onClick={onAdd}>+</button>
          <span className="sheet-tab-actions">
            <button type="button" title="Rename sheet" onClick={() => { setDraft(sheets[index]?.name ?? ''); setRenaming(active); }}>Rename</button>
            <button type="button" title="Move sheet left" aria-label="Move sheet left" disabled={index <= 0} onClick={() => onMove(active, index - 1)}>◀</button>
            <button type="button" title="Move sheet right" aria-label="Move sheet right" disabled={index >= sheets.length - 1} onClick={() => onMove(active, index + 1)}>▶</button>
            <button type="button" title="Delete sheet" disabled={sheets.length <= 1} onClick={() => { if (confirm(`Delete the sheet “${sheets[index]?.name}”? Undo brings it back.`)) onDelete(active); }}>Delete</button>
          </span>
        </>
      )}
    </div>
  );
}
