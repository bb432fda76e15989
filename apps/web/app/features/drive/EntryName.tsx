import type { FolderEntry } from '@coffre/docs';
import type { EntryListProps } from './EntryListProps.ts';
import { RenameInput } from './RenameInput.tsx';

/** An entry's name: the rename field while renaming, a button that opens it when it can be opened, else plain text. */
export function EntryName({ entry: e, p }: { entry: FolderEntry; p: EntryListProps }) {
  if (p.renaming === e.id) return <RenameInput entry={e} onDone={(name) => (name === null ? p.setRenaming(null) : p.onRename(e, name))} />;
  if (!p.actionsFor(e).includes('open')) return <span className="entry-name" title={e.title}>{e.title}</span>;
  return (
    <button
      type="button"
      className="link entry-name"
      title={e.title}
      tabIndex={-1}
      onClick={(ev) => {
        ev.stopPropagation();
        p.onAction('open', e);
      }}
    >
      {e.title}
    </button>
  );
}
