import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { listRecent, type RecentItem } from './recentBook.ts';

/** What I opened lately, newest first, live across my devices. */
export function RecentView() {
  const home = useHomeFolder();
  const [items, setItems] = useState<RecentItem[]>([]);
  useEffect(() => {
    const doc = home.root?.session.doc;
    if (!doc) return;
    const map = doc.getMap('recent');
    const refresh = () => setItems(listRecent(doc));
    refresh();
    map.observeDeep(refresh);
    return () => map.unobserveDeep(refresh);
  }, [home.root]);

  return (
    <div className="folder-view">
      <nav className="breadcrumbs" aria-label="Folder path"><strong aria-current="page">Recent</strong></nav>
      {items.length === 0 ? (
        <p className="muted empty">Nothing opened yet. Documents you edit and files you preview show up here.</p>
      ) : (
        <ul className="shared-list" aria-label="Recently opened">
          {items.map((r) => (
            <li key={r.id}>
              <div>
                <Link to={r.kind !== 'file' ? `/${r.kind === 'doc' ? 'docs' : r.kind === 'chat' ? 'chat' : 'sheets'}/${r.id}${r.pathIds.length ? `?in=${r.pathIds.join('.')}` : ''}` : r.pathIds.length ? `/drive/f/${r.pathIds.join('/')}` : '/drive'}>{r.title}</Link>
              </div>
              <div className="muted small">{r.kind === 'doc' ? 'Document' : r.kind === 'sheet' ? 'Spreadsheet' : r.kind === 'chat' ? 'Chat room' : 'File (opens its folder)'} · {new Date(r.openedAt).toLocaleString()}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
