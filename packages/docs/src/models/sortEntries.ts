import type { FolderEntry } from './FolderEntry.ts';

export type SortKey = 'name' | 'modified' | 'size' | 'kind';
export type SortDirection = 'asc' | 'desc';

// Natural ("file 2" before "file 10"), locale-aware, ignoring case and accents.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const KIND_ORDER: readonly FolderEntry['kind'][] = ['folder', 'doc', 'sheet', 'calendar', 'chat', 'file'];

/**
 * A sorted copy: folders first in either direction, then by `by` in direction
 * `dir`, ties broken by name (ascending), then by exact title and id so every
 * peer shows the same order. Entries without a size (documents) count as 0
 * bytes; `kind` orders documents by type, then files by MIME type.
 */
export function sortEntries<T extends FolderEntry>(entries: readonly T[], by: SortKey, dir: SortDirection): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...entries].sort(
    (a, b) =>
      Number(b.kind === 'folder') - Number(a.kind === 'folder') ||
      sign * compareBy(by, a, b) ||
      (by === 'name' ? 0 : collator.compare(a.title, b.title)) ||
      compareCodeUnits(a.title, b.title) ||
      compareCodeUnits(a.id, b.id),
  );
}

function compareBy(by: SortKey, a: FolderEntry, b: FolderEntry): number {
  switch (by) {
    case 'name':
      return collator.compare(a.title, b.title);
    case 'modified':
      return a.modified - b.modified;
    case 'size':
      return sizeOf(a) - sizeOf(b);
    case 'kind':
      return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || collator.compare(mimeOf(a), mimeOf(b));
  }
}

function sizeOf(entry: FolderEntry): number {
  return entry.kind === 'file' ? entry.size : 0;
}

function mimeOf(entry: FolderEntry): string {
  return entry.kind === 'file' ? entry.mime : '';
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
