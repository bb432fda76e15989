import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../components/errorMessage.ts';
import { useHomeFolder } from './HomeFolderProvider.tsx';

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const KINDS = {
  doc: { heading: 'Docs', untitled: 'Untitled document', create: 'New document', path: '/docs', none: 'No documents yet. Create one: only you and the people you share it with can read it.' },
  sheet: { heading: 'Sheets', untitled: 'Untitled spreadsheet', create: 'New spreadsheet', path: '/sheets', none: 'No spreadsheets yet. Create one: only you and the people you share it with can read it.' },
} as const;

/** The user's documents or spreadsheets in their root folder, decrypted here. */
export function DocumentList({ kind = 'doc' }: { kind?: keyof typeof KINDS }) {
  const k = KINDS[kind];
  const folder = useHomeFolder();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  async function handleCreate() {
    setBusy(true);
    setError(null);
    try {
      const entry = await folder.createDocument(k.untitled, kind);
      navigate(`${k.path}/${entry.id}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const shown = folder.entries.filter((e) => e.kind === kind && !e.trashedAt && e.title.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <section className="doc-list">
      <header className="doc-list-head">
        <h1>{k.heading}</h1>
        <input type="search" placeholder="Filter by title" aria-label="Filter by title" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <button type="button" onClick={handleCreate} disabled={busy || !folder.ready}>{busy ? 'Creating…' : k.create}</button>
      </header>
      {(error ?? folder.error) && <p role="alert" className="error">{error ?? folder.error}</p>}
      {!folder.ready ? (
        <p className="muted">Decrypting your documents…</p>
      ) : shown.length === 0 ? (
        <p className="muted">{folder.entries.every((e) => e.kind !== kind) ? k.none : 'No title matches.'}</p>
      ) : (
        <ul className="docs" data-testid="doc-list">
          {shown.map((e) => (
            <li key={e.id}>
              <Link to={`${k.path}/${e.id}`}>{e.title || k.untitled}</Link>
              <span className="muted small">Edited {when(e.modified)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
