import { listFolderEntries, type FolderEntry } from '@coffre/docs';
import type { UnlockedAccount } from '../../keys/unlockedAccount.client.ts';
import type { ZipMember } from '../../keys/zipFiles.client.ts';
import { currentVersionSource } from './currentVersionSource.ts';
import { acquireFolder, folderReady } from './folderSessions.client.ts';
import { zipPathSegment } from './zipPathSegment.ts';

/** Folders opened for one archive at the most, so a huge tree fails clearly instead of stalling. */
const MAX_FOLDERS_ZIPPED = 2000;

export type ZipWalk =
  | { ok: true; members: ZipMember[]; bytes: number }
  | { ok: false; reason: 'FOLDER_DENIED' | 'TOO_MANY_FOLDERS'; folder: string };

/**
 * What an archive of `entries` holds: their files, and their folders walked
 * down (each folder document opened with the key its parent's entry holds;
 * the server cannot list a tree). Trashed entries are left out, and so are
 * documents, sheets, calendars and chats for now: each needs an export
 * format of its own. `viewer`: the entries sit in a folder shared read-only.
 */
export async function collectZipMembers(entries: FolderEntry[], ctx: { account: UnlockedAccount; collabUrl: string; viewer: boolean }): Promise<ZipWalk> {
  const members: ZipMember[] = [];
  const releases: Array<() => void> = [];
  // A folder another member filed inside itself (or twice) is walked once.
  const seen = new Set<string>();
  let bytes = 0;
  try {
    const queue = [{ dir: '', entries, viewer: ctx.viewer }];
    for (let level = queue.shift(); level; level = queue.shift()) {
      const taken = new Set<string>();
      for (const e of level.entries) {
        if (e.trashedAt) continue;
        if (e.kind === 'file') {
          const found = currentVersionSource(e);
          if (!found) continue;
          members.push({ kind: 'file', path: level.dir + zipPathSegment(taken, e.title), lastModified: e.modified, ...found });
          bytes += found.size;
          continue;
        }
        if (e.kind !== 'folder' || seen.has(e.id)) continue;
        if (seen.size >= MAX_FOLDERS_ZIPPED) return { ok: false, reason: 'TOO_MANY_FOLDERS', folder: e.title };
        seen.add(e.id);
        const path = `${level.dir}${zipPathSegment(taken, e.title)}/`;
        members.push({ kind: 'folder', path, lastModified: e.modified });
        const viewer = level.viewer || e.role === 'viewer';
        // Opened as the folder view would open it: the session is shared with it (folderSessions).
        // Read-only: an archive writes nothing; the writer still checks what is read (ADR 0016).
        const held = acquireFolder(ctx.account, ctx.collabUrl, { id: e.id, key: e.key, epoch: e.epoch, canWrite: false, writer: e.writer });
        releases.push(held.release);
        try {
          await folderReady(held.open);
        } catch {
          return { ok: false, reason: 'FOLDER_DENIED', folder: e.title };
        }
        queue.push({ dir: path, entries: listFolderEntries(held.open.session.doc), viewer });
      }
    }
  } finally {
    releases.forEach((r) => r());
  }
  return { ok: true, members, bytes };
}
