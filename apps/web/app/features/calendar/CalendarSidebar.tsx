import { useRef, useState } from 'react';
import { updateFolderEntry } from '@coffre/docs';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { rotatedEntryPatch } from '../../keys/writeKeys.client.ts';
import { downloadBytes, safeFileName } from '../docs/downloadBytes.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';
import { ShareDialog } from '../docs/ShareDialog.tsx';
import { ItemLinkDialog } from '../links/ItemLinkDialog.tsx';
import type { OpenCalendar } from './useOpenCalendars.ts';
import { viewerZone } from './wallClockIn.ts';

type Props = {
  calendars: OpenCalendar[];
  hidden: Set<string>;
  onToggle(id: string): void;
  onCreate(): void;
  busy: boolean;
  account: UnlockedAccount;
  onError(message: string): void;
  onGoTo(date: string): void;
  /** Opens the calendar's chat panel. */
  onChat(id: string): void;
};

/** My calendars and the ones shared with me: show or hide each, colour, rename, share, import and export. */
export function CalendarSidebar({ calendars, hidden, onToggle, onCreate, busy, account, onError, onGoTo, onChat }: Props) {
  const folder = useHomeFolder();
  const [status, setStatus] = useState<string | null>(null);
  const [linking, setLinking] = useState<OpenCalendar | null>(null);
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'denied' : Notification.permission));
  const importInto = useRef<OpenCalendar | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const rootDoc = folder.root?.session.doc;
  const rootId = folder.rootId;

  async function exportCalendar(c: OpenCalendar) {
    const { exportIcs } = await import('./io/exportIcs.ts');
    downloadBytes(new TextEncoder().encode(exportIcs(c.model.toData())), `${safeFileName(c.model.meta().name)}.ics`, 'text/calendar');
  }

  async function importFile(file: File) {
    const c = importInto.current;
    if (!c) return;
    setStatus(null);
    const { importIcs } = await import('./io/importIcs.ts');
    const { CalendarImportError } = await import('./io/calendarImportError.ts');
    try {
      const data = importIcs(new Uint8Array(await file.arrayBuffer()), { defaultTimeZone: viewerZone() });
      const ids = c.model.addEvents(data.events);
      setStatus(`Imported ${ids.length} event${ids.length === 1 ? '' : 's'} into ${c.model.meta().name}.`);
    } catch (e) {
      onError(e instanceof CalendarImportError || (e instanceof Error && e.name === 'CalendarError') ? e.message : 'This file could not be imported. Nothing was changed.');
    }
  }

  function rename(c: OpenCalendar) {
    const name = prompt('Calendar name', c.model.meta().name)?.trim();
    if (!name) return;
    c.model.setMeta({ name });
    if (rootDoc) updateFolderEntry(rootDoc, c.id, { title: name, modified: Date.now() });
  }

  return (
    <aside className="calendar-sidebar" aria-label="Calendars">
      <button type="button" onClick={onCreate} disabled={busy}>{busy ? 'Creating…' : 'New calendar'}</button>
      {permission === 'default' && (
        <button type="button" className="secondary" onClick={() => void Notification.requestPermission().then(setPermission)}>
          Allow reminder notifications
        </button>
      )}
      <label className="calendar-goto">
        Go to date <input type="date" aria-label="Go to date" onChange={(e) => e.target.value && onGoTo(e.target.value)} />
      </label>
      <ul className="calendar-list">
        {calendars.map((c) => {
          // Until its first sync names it, a new calendar shows the name its folder entry has.
          const meta = c.model.metaMap().has('name') ? c.model.meta() : { ...c.model.meta(), name: c.entry.title };
          return (
            <li key={c.id} data-testid="calendar-item">
              <label className="inline">
                <input type="checkbox" checked={!hidden.has(c.id)} onChange={() => onToggle(c.id)} aria-label={`Show ${meta.name}`} />
                <span className="calendar-swatch" style={{ background: meta.color }} />
                <span className="calendar-name">{meta.name}</span>
              </label>
              {c.entry.sharedBy && <span className="muted small"> shared by {c.entry.sharedBy}</span>}
              <div className="calendar-actions">
                {c.canWrite && (
                  <>
                    <input type="color" aria-label={`Colour of ${meta.name}`} value={meta.color} onChange={(e) => c.model.setMeta({ color: e.target.value })} />
                    <button type="button" className="ghost" onClick={() => rename(c)}>Rename</button>
                    <button type="button" className="ghost" onClick={() => { importInto.current = c; fileInput.current?.click(); }}>Import .ics</button>
                  </>
                )}
                <button type="button" className="ghost" onClick={() => void exportCalendar(c)}>Export .ics</button>
                <button type="button" className="ghost" aria-label={`Chat about ${meta.name}`} onClick={() => onChat(c.id)}>Chat</button>
                {c.canShare && <button type="button" className="ghost" aria-label={`Link to ${meta.name}`} onClick={() => setLinking(c)}>Link</button>}
                {c.canShare && (
                  <ShareDialog
                    account={account}
                    docId={c.id}
                    epoch={c.entry.epoch}
                    docKey={c.entry.key}
                    kind="calendar"
                    name={meta.name}
                    writer={c.entry.writer}
                    open={c.open}
                    onRotated={(r) => rootDoc && rootId && updateFolderEntry(rootDoc, c.id, rotatedEntryPatch(c.id, r, rootId))}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {linking && <ItemLinkDialog entry={{ ...linking.entry, title: linking.model.meta().name }} parentId={linking.parentId} onClose={() => setLinking(null)} />}
      <input ref={fileInput} type="file" hidden accept=".ics,text/calendar" aria-label="Import an .ics file" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importFile(f); }} />
      {status && <p className="muted small" role="status">{status}</p>}
    </aside>
  );
}
