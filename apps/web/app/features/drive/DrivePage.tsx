import { useCallback, useState } from 'react';
import { NavLink } from 'react-router';
import { ItemWithChat } from '../chat/ItemWithChat.tsx';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { FolderView } from './FolderView.tsx';
import { QuotaBar } from './QuotaBar.tsx';
import { RecentView } from './RecentView.tsx';
import { SharedByMeView } from './SharedByMeView.tsx';
import { SharedView } from './SharedView.tsx';
import { TrashView } from './TrashView.tsx';
import { useFolderPath } from './useFolderPath.ts';

const ID = /^[A-Za-z0-9_-]{16,64}$/;

/** The drive: `/drive` (my drive), `/drive/f/<id>/<id>…` (a folder), `/drive/recent`, `/drive/shared`, `/drive/by-me`, `/drive/trash`. */
export function DrivePage({ splat }: { splat: string }) {
  const home = useHomeFolder();
  const [changes, setChanges] = useState(0);
  const onChanged = useCallback(() => setChanges((n) => n + 1), []);
  const parts = splat.split('/').filter(Boolean);
  const mode = parts[0] === 'shared' ? 'shared' : parts[0] === 'by-me' ? 'by-me' : parts[0] === 'recent' ? 'recent' : parts[0] === 'trash' ? 'trash' : 'folder';
  const ids = mode === 'folder' && parts[0] === 'f' ? parts.slice(1).filter((p) => ID.test(p)) : [];

  return (
    <div className="drive">
      <aside className="drive-nav" aria-label="Drive">
        <NavLink to="/drive" end className={() => (mode === 'folder' ? 'active' : '')}>My drive</NavLink>
        <NavLink to="/drive/recent">Recent</NavLink>
        <NavLink to="/drive/shared">Shared with me</NavLink>
        <NavLink to="/drive/by-me">Shared by me</NavLink>
        <NavLink to="/drive/trash">Trash</NavLink>
        <QuotaBar refresh={changes} />
      </aside>
      <section className="drive-main">
        {home.error ? (
          <p className="error" role="alert">{home.error}</p>
        ) : !home.ready ? (
          <p className="muted">Decrypting your drive…</p>
        ) : mode === 'shared' ? (
          <SharedView />
        ) : mode === 'recent' ? (
          <RecentView />
        ) : mode === 'by-me' ? (
          <SharedByMeView />
        ) : mode === 'trash' ? (
          <TrashView onChanged={onChanged} />
        ) : (
          <FolderPathView ids={ids} onChanged={onChanged} />
        )}
      </section>
    </div>
  );
}

function FolderPathView({ ids, onChanged }: { ids: string[]; onChanged(): void }) {
  const path = useFolderPath(ids);
  if (path.error) return <p className="error" role="alert">{path.error}</p>;
  if (path.loading || path.levels.length !== ids.length + 1) return <p className="muted">Decrypting this folder…</p>;
  const here = path.levels[path.levels.length - 1]!;
  // My drive's top folder is mine alone; every folder below it can be shared and has a team chat.
  if (ids.length === 0) return <FolderView levels={path.levels} pathIds={ids} onChanged={onChanged} />;
  return (
    <ItemWithChat key={here.id} parent={here.open} parentId={here.id} title={here.title} readOnly={here.role === 'viewer'}>
      {(chatToggle) => <FolderView levels={path.levels} pathIds={ids} onChanged={onChanged} chatToggle={chatToggle} />}
    </ItemWithChat>
  );
}
