import type { FolderEntry } from '@coffre/docs';

/** Where an entry opens. Documents carry their folder path so a reload can find their key again. */
export function entryHref(e: FolderEntry, pathIds: string[]): string {
  if (e.kind === 'folder') return `/drive/f/${[...pathIds, e.id].join('/')}`;
  const where = pathIds.length ? `?in=${pathIds.join('.')}` : '';
  if (e.kind === 'doc') return `/docs/${e.id}${where}`;
  if (e.kind === 'sheet') return `/sheets/${e.id}${where}`;
  if (e.kind === 'calendar') return `/calendar/${e.id}${where}`;
  if (e.kind === 'chat') return `/chat/${e.id}${where}`;
  return `/drive${pathIds.length ? `/f/${pathIds.join('/')}` : ''}`;
}
