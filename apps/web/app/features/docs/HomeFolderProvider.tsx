import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { generateSymmetricKey, randomBytes, toBase64Url } from '@coffre/crypto';
import { addFolderEntry, cleanEntryName, getFolderEntry, newEntryWriteKey, updateFolderEntry, wrapEntryWriteKey, type FolderEntry } from '@coffre/docs';
import { apiFetch } from '../../api/apiFetch.ts';
import { acceptGrants } from '../../keys/acceptGrants.client.ts';
import { openEncryptedDoc, type OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { rootFolderKeys } from '../../keys/rootFolderId.client.ts';
import { rememberWriteKey } from '../../keys/writeKeys.client.ts';
import { useFolderEntries } from '../drive/useFolderEntries.ts';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';

export type HomeFolder = {
  ready: boolean;
  error: string | null;
  entries: FolderEntry[];
  collabUrl: string;
  /** The root folder's open session ("My drive"), once the server knows it. */
  root: OpenDoc | null;
  rootId: string | null;
  createDocument(title: string, kind?: 'doc' | 'sheet' | 'calendar' | 'chat'): Promise<FolderEntry>;
  renameDocument(id: string, title: string): void;
  /** After a key rotation: my own new key, or fetch the grants others sealed to me. */
  setDocumentKey(id: string, epoch: number, key: string): void;
  refreshGrants(): Promise<void>;
};

const HomeFolderContext = createContext<HomeFolder | null>(null);

export function useHomeFolder(): HomeFolder {
  const ctx = useContext(HomeFolderContext);
  if (!ctx) throw new Error('useHomeFolder outside HomeFolderProvider');
  return ctx;
}

/**
 * Keeps the signed-in user's root folder open: an encrypted document whose
 * entries hold each document's title and key. Until the drive exists, this
 * is the document list.
 */
export function HomeFolderProvider({ account, collabUrl, children }: { account: UnlockedAccount; collabUrl: string; children: React.ReactNode }) {
  const [open, setOpen] = useState<OpenDoc | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [synced, setSynced] = useState(false);
  const rootId = useMemo(() => rootFolderKeys(account.masterKey).docId, [account]);

  useEffect(() => {
    const { docId, key, writeKey } = rootFolderKeys(account.masterKey);
    let handle: OpenDoc | null = null;
    let cancelled = false;
    let stopWatching = () => undefined as void;
    apiFetch('/docs', { docId }).then(
      () => {
        if (cancelled) return;
        const opened = openEncryptedDoc({ account, docId, key, epoch: 1, collabUrl, writeKey });
        handle = opened;
        let grantsChecked = false;
        opened.connection.onStatus((s) => {
          if (s === 'synced') {
            setSynced(true);
            if (!grantsChecked) {
              grantsChecked = true;
              stopWatching = watchGrants(account, opened, setError);
            }
          }
          if (s === 'denied') setError('The server refused access to your document list.');
        });
        setOpen(handle);
      },
      () => !cancelled && setError('Could not reach the server to open your documents.'),
    );
    return () => {
      cancelled = true;
      stopWatching();
      handle?.close();
    };
  }, [account, collabUrl]);

  const all = useFolderEntries(open);
  const entries = useMemo(() => [...all].sort((a, b) => b.modified - a.modified), [all]);

  const value = useMemo<HomeFolder>(
    () => ({
      ready: synced,
      error,
      entries,
      collabUrl,
      root: open,
      rootId,
      async createDocument(title: string, kind: 'doc' | 'sheet' | 'calendar' | 'chat' = 'doc') {
        if (!open) throw new Error('folder not open');
        const docId = toBase64Url(randomBytes(16));
        await apiFetch('/docs', { docId, parentId: rootId });
        const now = Date.now();
        const write = newEntryWriteKey(docId, 1, rootFolderKeys(account.masterKey).writeKey);
        rememberWriteKey(docId, write.key);
        const { writer, writeKey } = write;
        const entry: FolderEntry = { id: docId, kind, title, key: toBase64Url(generateSymmetricKey()), epoch: 1, created: now, modified: now, writer, writeKey };
        addFolderEntry(open.session.doc, entry);
        open.session.flush();
        return entry;
      },
      renameDocument(id: string, title: string) {
        if (open) updateFolderEntry(open.session.doc, id, { title, modified: Date.now() });
      },
      setDocumentKey(id: string, epoch: number, key: string) {
        if (open) updateFolderEntry(open.session.doc, id, { epoch, key, modified: Date.now() });
      },
      async refreshGrants() {
        if (open) await addSharedWithMe(account, open);
      },
    }),
    [open, synced, error, entries, collabUrl, account, rootId],
  );

  return <HomeFolderContext.Provider value={value}>{children}</HomeFolderContext.Provider>;
}

/** How often an open tab asks for new shares while it is visible. */
const GRANT_POLL_MS = 15_000;
const GRANTS_FAILED = 'Could not check for documents shared with you.';

/**
 * Files shares now, then again every little while the tab is visible and
 * whenever it comes back to the front, so something shared with me appears
 * without a reload. Returns the function that stops watching.
 */
function watchGrants(account: UnlockedAccount, folder: OpenDoc, setError: React.Dispatch<React.SetStateAction<string | null>>): () => void {
  let running = false;
  const check = () => {
    if (running || document.visibilityState === 'hidden') return;
    running = true;
    addSharedWithMe(account, folder)
      .then(() => setError((e) => (e === GRANTS_FAILED ? null : e)), () => setError(GRANTS_FAILED))
      .finally(() => (running = false));
  };
  check();
  const timer = setInterval(check, GRANT_POLL_MS);
  document.addEventListener('visibilitychange', check);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', check);
  };
}

/** Files documents others shared with me (verified grants) into my folder, once each, and keeps their role current. */
async function addSharedWithMe(account: UnlockedAccount, folder: OpenDoc): Promise<void> {
  const { accepted } = await acceptGrants(account);
  const doc = folder.session.doc;
  const rootWriteKey = rootFolderKeys(account.masterKey).writeKey;
  for (const g of accepted) {
    // The write key is filed under my root's write key, like that of anything in my root (ADR 0016).
    const write = g.writer ? { writer: g.writer, ...(g.writeKey && { writeKey: wrapEntryWriteKey({ id: g.itemId, epoch: g.epoch }, g.writeKey, rootWriteKey) }) } : {};
    const existing = getFolderEntry(doc, g.itemId);
    if (existing) {
      const changed = existing.role !== g.role || existing.key !== g.key || existing.epoch !== g.epoch || existing.writer !== g.writer || (g.writeKey && !existing.writeKey);
      if (changed) updateFolderEntry(doc, g.itemId, { role: g.role, key: g.key, epoch: g.epoch, ...write });
      continue;
    }
    // Only kinds that are documents of their own can be filed; the name is the sharer's, shown as text.
    if (g.kind === 'file') continue;
    const now = Date.now();
    addFolderEntry(doc, { id: g.itemId, kind: g.kind, title: cleanEntryName(g.name || `Shared by ${g.sharedBy}`), key: g.key, epoch: g.epoch, created: now, modified: now, role: g.role, sharedBy: g.sharedBy, ...write });
  }
  folder.session.flush();
}
