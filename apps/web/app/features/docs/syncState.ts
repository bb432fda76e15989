import type { EncryptedDocSession, HocuspocusConnection } from '@coffre/docs';

export type SyncShown = { label: string; tone: 'ok' | 'busy' | 'warn' | 'bad'; detail: string };

/** What the badge reads of an open document. */
export type SyncInputs = {
  connection: Pick<HocuspocusConnection, 'status' | 'unsynced' | 'refused'>;
  session: Pick<EncryptedDocSession, 'sendingStopped' | 'outOfDate' | 'hasPendingLocalChanges'>;
};

/** The connection and save state in plain words; `integrity` is the last integrity event's code. */
export function syncState(open: SyncInputs, integrity: string | null): SyncShown {
  const s = open.connection.status;
  if (s === 'denied') return { label: 'No access', tone: 'bad', detail: 'You no longer have access to this document.' };
  if (open.session.sendingStopped === 'CHANGE_TOO_LARGE')
    return {
      label: 'Not saved: change too large',
      tone: 'bad',
      detail: 'Your last change is larger than one change may be, so it was not saved, and nothing after it is. What was saved before is intact: reload to return to it.',
    };
  if (open.connection.refused)
    return {
      label: 'Not saved: refused by the server',
      tone: 'bad',
      detail: `The server refused a change from this tab (${open.connection.refused}), so it and anything after it were not saved. What was saved before is intact: reload to continue from it.`,
    };
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
