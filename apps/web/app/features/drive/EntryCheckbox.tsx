import type { FolderEntry } from '@coffre/docs';

/** Adds or removes one entry from the selection without the click also selecting it alone. */
export function EntryCheckbox({ entry, selected, onSelect }: { entry: FolderEntry; selected: Set<string>; onSelect(ids: Set<string>): void }) {
  return (
    <input
      type="checkbox"
      aria-label={`Select ${entry.title}`}
      checked={selected.has(entry.id)}
      onClick={(ev) => ev.stopPropagation()}
      onChange={(ev) => {
        const next = new Set(selected);
        if (ev.target.checked) next.add(entry.id);
        else next.delete(entry.id);
        onSelect(next);
      }}
    />
  );
}
