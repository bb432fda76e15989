import { useEffect, useState } from 'react';
import { columnLetters } from '@coffre/docs';
import type { RowFilter } from './SheetGrid.tsx';

/** Filters the rows of this view (nobody else's) by what a column shows. */
export function FilterBar({ colCount, initialCol, apply, onClose }: { colCount: number; initialCol: number; apply(f: RowFilter | null): number; onClose(): void }) {
  const [col, setCol] = useState(initialCol);
  const [text, setText] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  useEffect(() => {
    setShown(text.trim() ? apply({ col, text }) : (apply(null), null));
  }, [col, text]);
  useEffect(() => () => void apply(null), []);
  return (
    <div className="sheet-filter" role="search">
      <label>
        Show rows where column{' '}
        <select aria-label="Filter column" value={col} onChange={(e) => setCol(Number(e.target.value))}>
          {Array.from({ length: colCount }, (_, c) => (
            <option key={c} value={c}>{columnLetters(c)}</option>
          ))}
        </select>
      </label>
      <label>
        contains <input aria-label="Filter text" value={text} autoFocus onChange={(e) => setText(e.target.value)} />
      </label>
      {shown !== null && <span className="muted small" data-testid="filter-count">{shown} matching {shown === 1 ? 'row' : 'rows'} (only in your view)</span>}
      <button type="button" onClick={onClose}>Clear filter</button>
    </div>
  );
}
