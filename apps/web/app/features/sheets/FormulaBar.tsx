import { useEffect, useState } from 'react';
import { columnIndex, columnLetters, type SheetView } from '@coffre/docs';
import { parseTypedInput } from './parseTypedInput.ts';
import type { GridSelection } from './SheetGrid.tsx';

/** The selected cell's address and input; Enter writes the input, Escape puts it back. */
export function FormulaBar({ view, sel, readOnly, version, onCommit, onJump }: { view: SheetView; sel: GridSelection; readOnly: boolean; version: number; onCommit(f: () => void): void; onJump(sel: GridSelection): void }) {
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
      <AddressBox address={address} onJump={(a) => {
        const target = parseAddress(a);
        if (target && target.row2 < view.rowCount && target.col2 < view.colCount) onJump(target);
      }} />
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

/** "B7" or "B7:D9" (any case, `$` allowed) as a selection; null if it is not an address. */
export function parseAddress(text: string): GridSelection | null {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?\s*$/.exec(text);
  if (!m) return null;
  const [r1, c1] = [Number(m[2]) - 1, columnIndex(m[1]!)];
  const [r2, c2] = m[3] ? [Number(m[4]) - 1, columnIndex(m[3])] : [r1, c1];
  if (r1 < 0 || r2 < 0) return null;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), row2: Math.max(r1, r2), col2: Math.max(c1, c2) };
}

/** The name box: shows the selection's address; type one and press Enter to go there. */
function AddressBox({ address, onJump }: { address: string; onJump(address: string): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      className="cell-address"
      aria-label="Cell address"
      data-testid="cell-address"
      value={draft ?? address}
      onFocus={(e) => e.target.select()}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => setDraft(null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          const target = draft ?? address;
          setDraft(null);
          // The grid takes the keyboard from here: arrows, typing and paste go to the chosen cell.
          (e.target as HTMLInputElement).blur();
          onJump(target);
        } else if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
