import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DocumentEntry } from '@coffre/docs';
import { getUnlockedAccount, type UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import { openEncryptedDoc, type OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { entryWriteKeys } from '../../keys/writeKeys.client.ts';
import { recordRecent, type RecentItem } from '../drive/recentBook.ts';
import { useFolderEntries } from '../drive/useFolderEntries.ts';
import { useFolderPath } from '../drive/useFolderPath.ts';
import { useHomeFolder } from './HomeFolderProvider.tsx';
import type * as Y from 'yjs';

const FOLDER_ID = /^[A-Za-z0-9_-]{16,64}$/;

export type OpenedEntry =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'opening' }
  | {
      state: 'open';
      entry: DocumentEntry;
      open: OpenDoc;
      account: UnlockedAccount;
      role: DocumentEntry['role'];
      readOnly: boolean;
      canShare: boolean;
      parentDoc: Y.Doc | undefined;
      /** The folder whose entry holds the item (ADR 0016: its write key opens the item's). */
      parentId: string | undefined;
    };

export type EntryAt = { loading: boolean; entry: DocumentEntry | null; role: DocumentEntry['role']; parentDoc: Y.Doc | undefined; parentId: string | undefined; pathIds: string[] };

/**
 * Finds an item in the folder it sits in (`?in=` names the folder path from
 * my root, walked through signed, encrypted entries), with the role I hold.
 */
export function useEntryAt(docId: string, kind: DocumentEntry['kind']): EntryAt {
  const folder = useHomeFolder();
  const [params] = useSearchParams();
  const pathIds = (params.get('in') ?? '').split('.').filter((id) => FOLDER_ID.test(id));
  const path = useFolderPath(pathIds);
  const parent = path.levels.length === pathIds.length + 1 ? path.levels[path.levels.length - 1]! : null;
  const entries = useFolderEntries(parent?.open);
  const entry = (entries.find((e) => e.id === docId && e.kind === kind) as DocumentEntry | undefined) ?? null;
  return { loading: !folder.ready || (path.loading && !path.error), entry, role: parent?.role ?? entry?.role, parentDoc: parent?.open.session.doc, parentId: parent?.id, pathIds };
}

/**
 * Finds an item's key (`useEntryAt`) and keeps its encrypted session open;
 * after someone rotates its key, fetches the grant they sealed to me and
 * reopens under the new key.
 */
export function useOpenedEntry(docId: string, kind: DocumentEntry['kind'] & RecentItem['kind']): OpenedEntry {
  const folder = useHomeFolder();
  const { loading, entry, role, parentDoc, parentId, pathIds } = useEntryAt(docId, kind);
  const [open, setOpen] = useState<OpenDoc | null>(null);
  const account = getUnlockedAccount();
  const key = entry?.key;
  const epoch = entry?.epoch;
  const writer = entry?.writer;
  const wrappedWriteKey = entry?.writeKey;
  // Opening a write key is an unwrap and a key derivation: once per entry state, not on every render.
  const write = useMemo(
    () => (parentId && writer && epoch ? entryWriteKeys({ id: docId, epoch, writer, writeKey: wrappedWriteKey }, parentId) : {}),
    [docId, epoch, writer, wrappedWriteKey, parentId],
  );
  // A viewer, or someone who cannot open the item's write key, sees it read-only (ADR 0016).
  const readOnly = role === 'viewer' || (write.writer !== undefined && write.writeKey === undefined);

  useEffect(() => {
    if (!account || !key || !epoch || !parentId) return;
    const handle = openEncryptedDoc({ account, docId, key, epoch, collabUrl: folder.collabUrl, canWrite: !readOnly, ...write });
    setOpen(handle);
    let retry: ReturnType<typeof setInterval> | null = null;
    const check = () => {
      if (retry || !handle.session.keyOutdated) return;
      void folder.refreshGrants();
      retry = setInterval(() => void folder.refreshGrants(), 1500);
    };
    const offChange = handle.session.onChange(check);
    const meta = handle.session.envelope.getMap('meta');
    meta.observe(check);
    return () => {
      if (retry) clearInterval(retry);
      offChange();
      meta.unobserve(check);
      handle.close();
    };
  }, [account, docId, key, epoch, readOnly, folder.collabUrl, write, parentId]);

  const rootDoc = folder.root?.session.doc;
  const entryTitle = entry?.title;
  const where = pathIds.join('.');
  useEffect(() => {
    if (rootDoc && entryTitle !== undefined) recordRecent(rootDoc, { id: docId, kind, title: entryTitle, pathIds: where ? where.split('.') : [], openedAt: Date.now() });
  }, [rootDoc, docId, kind, entryTitle, where]);

  if (loading) return { state: 'loading' };
  if (!entry) return { state: 'missing' };
  if (!open || !account) return { state: 'opening' };
  return { state: 'open', entry, open, account, role, readOnly, canShare: !role || role === 'admin', parentDoc, parentId };
}
