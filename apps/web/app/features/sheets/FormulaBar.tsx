import { useEffect, useState } from 'react';
import { columnLetters, type SheetView } from '@coffre/docs';
import { parseTypedInput } from './parseTypedInput.ts';
import type { GridSelection } from './SheetGrid.tsx';

/** The selected cell's address and input; Enter writes the input, Escape puts it back. */
export function FormulaBar({ view, sel, readOnly, version, onCommit }: { view: SheetView; sel: GridSelection; readOnly: boolean; version: number; onCommit(f: () => void): void }) {
  const current = view.getInput(sel.row, sel.col);
  const text = current === null ? '' : String(current);
  const [draft, setDraft] = useState(text);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(text);
  }, [text, editing, version]);
  const address = `${columnLetters(sel.col)}${sel.row + 1}` + (sel.row2 !== sel.row || sel.col2 !== sel.col ? `:${columnLetters(sel.col2)}${sel.row2 + 1}` : '');
  const commit = () => {
    setEditing(false);
    if (draft !== text) onCommit(() => view.setInput(sel.row, sel.col, parseTypedInput(draft)));
  };
  return (
    <div className="formula-bar">
      <span className="cell-address" data-testid="cell-address">{address}</span>
      <span className="fx" aria-hidden>fx</span>
      <input
        aria-label="Cell contents"
        value={draft}
        readOnly={readOnly}
        onFocus={() => setEditing(true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
            (e.target as HTMLInputElement).blur();
          } else if (e.key === 'Escape') {
            setDraft(text);
            setEditing(false);
            (e.target as HTMLInputElement).blur();
          }
        }}
      />
    </div>
  );
}
