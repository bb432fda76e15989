import type { FolderEntry } from './FolderEntry.ts';

const COMBINING_MARK = /\p{M}/gu;

/**
 * The entries whose title contains `query`, ignoring case and accents
 * ("resume" finds "Résumé"); a blank query keeps every entry. Order is kept.
 */
export function filterEntries<T extends FolderEntry>(entries: readonly T[], query: string): T[] {
  const needle = fold(query.trim());
  return entries.filter((e) => fold(e.title).includes(needle));
}

function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARK, '');
}
