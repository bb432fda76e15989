import type { CellStyle, NumberFormat, SheetView } from '@coffre/docs';
import type { GridSelection } from './SheetGrid.tsx';

const FORMATS: { label: string; format: NumberFormat | undefined }[] = [
  { label: 'General', format: undefined },
  { label: 'Number 1,234.56', format: { kind: 'number', decimals: 2, thousands: true } },
  { label: 'Number 1234', format: { kind: 'number', decimals: 0 } },
  { label: 'Euro €', format: { kind: 'currency', decimals: 2, currency: 'EUR' } },
  { label: 'Dollar $', format: { kind: 'currency', decimals: 2, currency: 'USD' } },
  { label: 'Pound £', format: { kind: 'currency', decimals: 2, currency: 'GBP' } },
  { label: 'Percent %', format: { kind: 'percent', decimals: 0 } },
  { label: 'Percent 0.00%', format: { kind: 'percent', decimals: 2 } },
  { label: 'Date', format: { kind: 'date' } },
  { label: 'Date and time', format: { kind: 'datetime' } },
  { label: 'Plain text', format: { kind: 'text' } },
];

type Props = {
  view: SheetView;
  sel: GridSelection;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(redo: boolean): void;
  onEdit(f: () => void): void;
  onSort(descending: boolean): void;
  onFilter(): void;
};

/** Formatting and structure for the selected range; every button is one model edit. */
export function SheetToolbar({ view, sel, canUndo, canRedo, onUndo, onEdit, onSort, onFilter }: Props) {
  const style: CellStyle = view.getStyle(sel.row, sel.col) ?? {};
  const set = (patch: Partial<Record<keyof CellStyle, unknown>>) => onEdit(() => view.setStyle(sel, patch));
  const formatIndex = FORMATS.findIndex((f) => JSON.stringify(f.format) === JSON.stringify(style.format));
  const decimals = style.format && 'decimals' in style.format ? style.format.decimals : null;
  return (
    <div className="sheet-toolbar" role="toolbar" aria-label="Formatting">
      <button type="button" title="Undo (Ctrl+Z)" aria-label="Undo" disabled={!canUndo} onClick={() => onUndo(false)}>↶</button>
      <button type="button" title="Redo (Ctrl+Y)" aria-label="Redo" disabled={!canRedo} onClick={() => onUndo(true)}>↷</button>
      <span className="sep" />
      <button type="button" aria-pressed={!!style.bold} title="Bold" aria-label="Bold" onClick={() => set({ bold: style.bold ? undefined : true })}><b>B</b></button>
      <button type="button" aria-pressed={!!style.italic} title="Italic" aria-label="Italic" onClick={() => set({ italic: style.italic ? undefined : true })}><i>I</i></button>
      <label className="color-pick" title="Text colour">
        A<input type="color" aria-label="Text colour" value={style.color ?? '#000000'} onChange={(e) => set({ color: e.target.value })} />
      </label>
      <label className="color-pick" title="Fill colour">
        ▧<input type="color" aria-label="Fill colour" value={style.background ?? '#ffffff'} onChange={(e) => set({ background: e.target.value === '#ffffff' ? undefined : e.target.value })} />
      </label>
      <span className="sep" />
      {(['left', 'center', 'right'] as const).map((a) => (
        <button key={a} type="button" aria-pressed={style.align === a} title={`Align ${a}`} aria-label={`Align ${a}`} onClick={() => set({ align: style.align === a ? undefined : a })}>
          {a === 'left' ? '⇤' : a === 'center' ? '↔' : '⇥'}
        </button>
      ))}
      <span className="sep" />
      <select aria-label="Number format" value={formatIndex < 0 ? 0 : formatIndex} onChange={(e) => set({ format: FORMATS[Number(e.target.value)]?.format })}>
        {FORMATS.map((f, i) => (
          <option key={f.label} value={i}>{f.label}</option>
        ))}
      </select>
      <button type="button" title="Fewer decimals" aria-label="Fewer decimals" disabled={decimals === null || decimals <= 0} onClick={() => style.format && set({ format: { ...style.format, decimals: (decimals ?? 1) - 1 } })}>.0←</button>
      <button type="button" title="More decimals" aria-label="More decimals" disabled={decimals === null || decimals >= 10} onClick={() => style.format && set({ format: { ...style.format, decimals: (decimals ?? 0) + 1 } })}>→.00</button>
      <span className="sep" />
      <button type="button" title="Sort rows by this column, A to Z" onClick={() => onSort(false)}>Sort A→Z</button>
      <button type="button" title="Sort rows by this column, Z to A" onClick={() => onSort(true)}>Sort Z→A</button>
      <button type="button" title="Show only some rows, in your view" onClick={onFilter}>Filter</button>
      <span className="sep" />
      <button type="button" title="Merge the selected cells" onClick={() => onEdit(() => view.merge(sel))}>Merge</button>
      <button type="button" title="Unmerge" onClick={() => onEdit(() => view.unmerge(sel.row, sel.col))}>Unmerge</button>
      <button type="button" title="Freeze the rows above and columns left of the selection" onClick={() => onEdit(() => view.setFrozen(sel.row, sel.col))}>Freeze</button>
      <button type="button" title="Unfreeze rows and columns" onClick={() => onEdit(() => view.setFrozen(0, 0))}>Unfreeze</button>
    </div>
  );
}
