import { useEffect, useRef, useState } from 'react';
import type { FolderEntry } from '@coffre/docs';

/** In-place rename: selects the name without its extension; Enter or blur keeps it, Escape (or an empty name) cancels with null. */
export function RenameInput({ entry, onDone }: { entry: FolderEntry; onDone(name: string | null): void }) {
  const [value, setValue] = useState(entry.title);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    const dot = entry.kind === 'file' ? entry.title.lastIndexOf('.') : -1;
    el.setSelectionRange(0, dot > 0 ? dot : entry.title.length);
  }, [entry]);
  return (
    <input
      ref={ref}
      aria-label="New name"
      value={value}
      maxLength={255}
      onClick={(ev) => ev.stopPropagation()}
      onChange={(ev) => setValue(ev.target.value)}
      onKeyDown={(ev) => {
        ev.stopPropagation();
        if (ev.key === 'Enter') onDone(value.trim() ? value : null);
        if (ev.key === 'Escape') onDone(null);
      }}
      onBlur={() => onDone(value.trim() ? value : null)}
    />
  );
}
