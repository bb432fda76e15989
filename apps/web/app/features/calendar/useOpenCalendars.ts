import { useEffect, useReducer, useRef } from 'react';
import { CalendarModel, type DocumentEntry } from '@coffre/docs';
import { openEncryptedDoc, type OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { entryWriteKeys } from '../../keys/writeKeys.client.ts';
import { useHomeFolder } from '../docs/HomeFolderProvider.tsx';

/** One calendar document, open: its session, its model, whether I may change it, and the folder its entry sits in (whose write key opens its own, ADR 0016). */
export type OpenCalendar = { id: string; entry: DocumentEntry; parentId: string; open: OpenDoc; model: CalendarModel; canWrite: boolean; canShare: boolean };

/**
 * Keeps every listed calendar's encrypted document open (each is its own
 * Y.Doc), reopens one whose key changed (a rotation), closes the ones that
 * leave the list; `version` moves on every change to any of them.
 */
export function useOpenCalendars(account: UnlockedAccount, entries: { entry: DocumentEntry; role: DocumentEntry['role']; parentId: string }[]): { calendars: OpenCalendar[]; version: number } {
  const folder = useHomeFolder();
  const opened = useRef(new Map<string, OpenCalendar & { key: string; offs: (() => void)[] }>());
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const wanted = entries.map((e) => `${e.entry.id}:${e.entry.epoch}:${e.entry.key}:${e.entry.writer}:${e.entry.writeKey}:${e.role ?? 'owner'}`).join(',');

  useEffect(() => {
    const keep = new Set<string>();
    for (const { entry, role, parentId } of entries) {
      const key = `${entry.id}:${entry.epoch}:${entry.key}:${entry.writer}:${entry.writeKey}:${role ?? 'owner'}`;
      keep.add(entry.id);
      const known = opened.current.get(entry.id);
      if (known?.key === key) continue;
      if (known) close(known);
      const write = entryWriteKeys(entry, parentId);
      // A viewer, or someone who cannot open the calendar's write key, sees it read-only (ADR 0016).
      const canWrite = role !== 'viewer' && !(write.writer && !write.writeKey);
      const open = openEncryptedDoc({ account, docId: entry.id, key: entry.key, epoch: entry.epoch, collabUrl: folder.collabUrl, canWrite, ...write });
      const model = new CalendarModel(open.session.doc);
      const onChange = () => bump();
      // A new calendar gets its name and a colour once we know the server has nothing else for it.
      const nameNew = (s: string) => {
        if (s === 'synced' && canWrite && !model.metaMap().has('name')) model.setMeta({ name: entry.title, color: pickColor(entry.id) });
      };
      const offNew = open.connection.onStatus(nameNew);
      nameNew(open.connection.status);
      open.session.doc.on('update', onChange);
      const offs = [() => open.session.doc.off('update', onChange), open.connection.onStatus(onChange), offNew];
      // Someone rotated the key: fetch the grant they sealed to me; the new key in the entry reopens it.
      const offRotation = open.session.onChange(() => {
        if (open.session.keyOutdated) void folder.refreshGrants();
      });
      offs.push(offRotation);
      opened.current.set(entry.id, { id: entry.id, entry, parentId, open, model, canWrite, canShare: !role || role === 'admin', key, offs });
    }
    for (const [id, c] of opened.current) {
      if (!keep.has(id)) {
        close(c);
        opened.current.delete(id);
      }
    }
    bump();
  }, [wanted, account, folder.collabUrl]);

  useEffect(
    () => () => {
      for (const c of opened.current.values()) close(c);
      opened.current.clear();
    },
    [],
  );

  const order = new Map(entries.map((e, i) => [e.entry.id, i]));
  const calendars = [...opened.current.values()].filter((c) => order.has(c.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  // Entries carry titles that change without reopening.
  for (const c of calendars) ({ entry: c.entry, parentId: c.parentId } = entries[order.get(c.id)!]!);
  return { calendars, version };
}

function close(c: { open: OpenDoc; offs: (() => void)[] }): void {
  c.offs.forEach((off) => off());
  c.open.close();
}

const PALETTE = ['#2f6fb5', '#2e8a57', '#b5452f', '#7a4fb5', '#c99a2e', '#2e6f8a', '#b5762f', '#8a2e7a'];

function pickColor(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
