import { kindOfMime, type FolderEntry } from '@coffre/docs';

const COLORS: Record<string, string> = { folder: '#c99a2e', doc: '#2f6fb5', sheet: '#2e8a57', calendar: '#b5452f', chat: '#7a4fb5', image: '#b5762f', pdf: '#c0392b', text: '#5b6b7a', audio: '#8a2e7a', video: '#2e6f8a', other: '#6b7280' };
const LABELS: Record<string, string> = { doc: 'DOC', sheet: 'XLS', calendar: 'CAL', chat: 'CHAT', image: 'IMG', pdf: 'PDF', text: 'TXT', audio: 'AUD', video: 'VID', other: 'FILE' };

/** A small drawn icon per kind (files by type), no font or image needed. */
export function EntryIcon({ entry }: { entry: FolderEntry }) {
  const kind = entry.kind === 'file' ? kindOfMime(entry.mime, entry.title) : entry.kind;
  const color = COLORS[kind]!;
  if (kind === 'folder') {
    return (
      <svg className="entry-icon" viewBox="0 0 24 20" width="22" height="18" aria-hidden="true">
        <path d="M1 3a2 2 0 0 1 2-2h6l2 3h10a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2z" fill={color} />
      </svg>
    );
  }
  return (
    <svg className="entry-icon" viewBox="0 0 20 24" width="18" height="22" aria-hidden="true">
      <path d="M2 1h11l5 5v16a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1V2a1 1 0 0 1 1-1z" fill="#fff" stroke={color} strokeWidth="1.5" />
      <rect x="1" y="13" width="18" height="7" rx="1" fill={color} />
      <text x="10" y="18.6" textAnchor="middle" fontSize="5.2" fontWeight="700" fill="#fff" fontFamily="sans-serif">{LABELS[kind]}</text>
    </svg>
  );
}
