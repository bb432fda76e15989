import * as Y from 'yjs';

/** Something I opened, and where it sits (folder ids from my root), so it can be found again. */
export type RecentItem = { id: string; kind: 'doc' | 'sheet' | 'chat' | 'file'; title: string; pathIds: string[]; openedAt: number };

const RECENT = 'recent';
/** Entries kept; older ones are dropped when a new one comes. */
export const MAX_RECENT = 50;
const ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Recently opened items live in my root folder document (encrypted, never
 * shared), so the list follows me to my other devices. No keys are kept here:
 * opening an item walks its folder path, as the drive does.
 */
export function recordRecent(rootDoc: Y.Doc, item: RecentItem): void {
  const map = rootDoc.getMap<Y.Map<unknown>>(RECENT);
  rootDoc.transact(() => {
    map.set(item.id, new Y.Map<unknown>([['kind', item.kind], ['title', item.title], ['path', item.pathIds.join('.')], ['openedAt', item.openedAt]]));
    const all = listRecent(rootDoc);
    for (const old of all.slice(MAX_RECENT)) map.delete(old.id);
  });
}

/** Newest first; malformed entries are skipped. */
export function listRecent(rootDoc: Y.Doc): RecentItem[] {
  const out: RecentItem[] = [];
  for (const [id, m] of rootDoc.getMap<Y.Map<unknown>>(RECENT)) {
    if (!(m instanceof Y.Map) || !ID.test(id)) continue;
    const kind = m.get('kind');
    const title = m.get('title');
    const path = m.get('path');
    const openedAt = m.get('openedAt');
    if ((kind !== 'doc' && kind !== 'sheet' && kind !== 'chat' && kind !== 'file') || typeof title !== 'string' || typeof path !== 'string' || typeof openedAt !== 'number') continue;
    const pathIds = path ? path.split('.') : [];
    if (!pathIds.every((p) => ID.test(p))) continue;
    out.push({ id, kind, title, pathIds, openedAt });
  }
  return out.sort((a, b) => b.openedAt - a.openedAt);
}
