import { useEffect, useState } from 'react';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';

type Shown = { label: string; tone: 'ok' | 'busy' | 'warn' | 'bad'; detail: string };

/** Always-visible connection and save state, and integrity problems in plain words. */
export function SyncBadge({ open }: { open: OpenDoc }) {
  const [shown, setShown] = useState<Shown>(() => compute(open, null));
  useEffect(() => {
    let integrity: string | null = null;
    const update = () => setShown(compute(open, integrity));
    const offs = [
      open.connection.onStatus(update),
      open.session.onChange(update),
      open.session.onIntegrityError((e) => {
        integrity = e.code;
        update();
      }),
    ];
    const timer = setInterval(update, 1000);
    update();
    return () => {
      offs.forEach((off) => off());
      clearInterval(timer);
    };
  }, [open]);
  return (
    <span className={`sync-badge ${shown.tone}`} role="status" title={shown.detail} data-testid="sync-status">
      {shown.label}
    </span>
  );
}

function compute(open: OpenDoc, integrity: string | null): Shown {
  const s = open.connection.status;
  if (s === 'denied') return { label: 'No access', tone: 'bad', detail: 'You no longer have access to this document.' };
  if (integrity === 'UNKNOWN_EPOCH') return { label: 'Key changed', tone: 'bad', detail: 'The document got a new key that was not shared with you. Newer changes cannot be shown.' };
  if (integrity) return { label: 'Integrity problem', tone: 'bad', detail: `Some changes from the server failed verification (${integrity}) and were not applied.` };
  if (s === 'offline' || s === 'connecting') {
    const pending = open.connection.unsynced || open.session.hasPendingLocalChanges;
    return { label: pending ? 'Offline — changes kept here' : 'Offline', tone: 'warn', detail: 'Reconnecting… Your edits stay in this tab and are sent when the connection returns.' };
  }
  if (open.session.outOfDate) return { label: 'Out of date', tone: 'warn', detail: 'Some changes are missing; waiting for them.' };
  if (s !== 'synced' || open.connection.unsynced || open.session.hasPendingLocalChanges) return { label: 'Saving…', tone: 'busy', detail: 'Encrypting and sending your changes.' };
  return { label: 'Saved', tone: 'ok', detail: 'Every change is encrypted and saved on the server.' };
}
