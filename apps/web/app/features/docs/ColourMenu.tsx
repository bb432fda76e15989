import { useRef, useState } from 'react';
import { useDismiss } from '../../components/useDismiss.ts';

export type Swatch = { name: string; value: string | null };

/**
 * A toolbar button that opens a row of colour swatches (text colour, highlight). The first swatch
 * has no value: it removes the colour. Picking one, Escape or a click elsewhere closes it; the
 * buttons keep the editor's selection and focus (mousedown does not take the focus).
 */
export function ColourMenu({ label, title, swatches, current, kind, onPick }: { label: string; title: string; swatches: readonly Swatch[]; current: string | null; kind: 'text' | 'highlight'; onPick(value: string | null): void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useDismiss(open, root, () => setOpen(false));

  const shown = swatches.find((s) => s.value !== null && s.value.toLowerCase() === current?.toLowerCase());
  return (
    <div className="tool-menu" ref={root}>
      <button type="button" className={shown ? 'tool on' : 'tool'} title={shown ? `${title}: ${shown.name}` : title} aria-label={title} aria-haspopup="menu" aria-expanded={open} onMouseDown={(ev) => ev.preventDefault()} onClick={() => setOpen((o) => !o)}>
        <span className={`colour-sample ${kind}`} style={kind === 'text' ? { borderBottomColor: shown?.value ?? 'currentColor' } : { background: shown?.value ?? 'transparent' }}>
          {label}
        </span>
      </button>
      {open && (
        <div className="tool-popover colour-swatches" role="menu" aria-label={title}>
          {swatches.map((s) => (
            <button
              key={s.name}
              type="button"
              role="menuitemradio"
              aria-checked={s === shown || (s.value === null && !shown)}
              aria-label={s.name}
              title={s.name}
              className={s.value ? `swatch ${kind}` : `swatch ${kind} none`}
              style={s.value ? (kind === 'text' ? { color: s.value } : { background: s.value }) : undefined}
              onMouseDown={(ev) => ev.preventDefault()}
              onClick={() => {
                setOpen(false);
                onPick(s.value);
              }}
            >
              {kind === 'text' ? 'A' : ''}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
