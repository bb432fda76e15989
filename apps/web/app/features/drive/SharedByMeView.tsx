import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { apiFetch } from '../../api/apiFetch.ts';
import { errorMessage } from '../../components/errorMessage.ts';
import { stopLink } from '../links/stopLink.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { CopyLinkButton } from '../links/ItemLinkDialog.tsx';
import { rememberedLinks } from '../links/linkBook.ts';
import { EntryIcon } from './EntryIcon.tsx';
import { useDriveWalk } from './useDriveWalk.ts';

type SentGrant = { itemId: string; userId: string; username: string; role: string; createdAt: number };
type MyLink = { linkId: string; itemId: string; role: 'viewer' | 'editor'; expiresAt: number | null; createdAt: number; expired: boolean; hasPassword: boolean };

/**
 * Everything I share: people I gave access to and links I made. The server
 * lists ids; names come from my own drive, decrypted here.
 */
export function SharedByMeView() {
  const home = useHomeFolder();
  const walk = useDriveWalk();
  const [grants, setGrants] = useState<SentGrant[] | null>(null);
  const [links, setLinks] = useState<MyLink[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const byId = useMemo(() => new Map(walk.items.map((i) => [i.entry.id, i])), [walk.items]);
  const rootDoc = home.root?.session.doc ?? null;

  const load = useCallback(() => {
    Promise.all([apiFetch<SentGrant[]>('/grants/sent'), apiFetch<MyLink[]>('/links')]).then(
      ([g, l]) => (setGrants(g), setLinks(l)),
      (e) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);

  async function stop(linkId: string) {
    try {
      await stopLink(linkId, rootDoc);
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const people = new Map<string, SentGrant[]>();
  for (const g of grants ?? []) people.set(g.itemId, [...(people.get(g.itemId) ?? []), g]);
  const book = rootDoc ? rememberedLinks(rootDoc) : new Map();
  const where = (itemId: string) => {
    const item = byId.get(itemId);
    if (!item) return <span className="muted">{book.get(itemId)?.name ?? (walk.loading ? 'Looking…' : 'An item no longer in your drive')}</span>;
    const folderHref = item.folderPath.length ? `/drive/f/${item.folderPath.join('/')}` : '/drive';
    return (
      <>
        <EntryIcon entry={item.entry} /> <Link to={folderHref}>{item.entry.title}</Link> <span className="muted small">in {item.folderTitle}</span>
      </>
    );
  };

  return (
    <div className="folder-view shared-by-me">
      <nav className="breadcrumbs" aria-label="Folder path"><strong aria-current="page">Shared by me</strong></nav>
      {error && <p className="error" role="alert">{error}</p>}
      <h2>People</h2>
      {grants === null ? <p className="muted">Loading…</p> : people.size === 0 ? <p className="muted">You have not shared anything with anyone.</p> : (
        <ul className="shared-list" aria-label="Shared with people">
          {[...people].map(([itemId, gs]) => (
            <li key={itemId}>
              <div>{where(itemId)}</div>
              <div className="muted small">{gs.map((g) => `${g.username} (${g.role})`).join(', ')}</div>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">To change who has access, open the folder and choose Share… on the item.</p>
      <h2>Links</h2>
      {links === null ? <p className="muted">Loading…</p> : links.length === 0 ? <p className="muted">No links.</p> : (
        <ul className="shared-list" aria-label="Links I made">
          {links.map((l) => (
            <li key={l.linkId} data-link-id={l.linkId}>
              <div>{where(l.itemId)}</div>
              <div className="muted small">
                {l.role === 'editor' ? 'can edit' : 'can view'} · made {new Date(l.createdAt).toLocaleDateString()} · {l.hasPassword ? 'password · ' : ''}
                {l.expiresAt ? `${l.expired ? 'expired' : 'expires'} ${new Date(l.expiresAt).toLocaleDateString()}` : 'no expiry'}
              </div>
              <div>
                <CopyLinkButton url={book.get(l.linkId)?.url ?? null} />
                <button type="button" className="ghost" onClick={() => void stop(l.linkId)}>Stop sharing</button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
