import type { DocumentStore } from './interfaces/DocumentStore.ts';
import { MAX_TREE_DEPTH } from './maxTreeDepth.ts';

/**
 * Whether `itemId` is the document or folder `docId` itself or a folder above it, walking up
 * through parents at most MAX_TREE_DEPTH levels (which also ends a walk around a parent cycle).
 */
export async function isSameOrUnder(documents: Pick<DocumentStore, 'getSummary'>, docId: string, itemId: string): Promise<boolean> {
  for (let at: string | null = docId, depth = 0; at && depth < MAX_TREE_DEPTH; depth++) {
    if (at === itemId) return true;
    at = (await documents.getSummary(at))?.parentId ?? null;
  }
  return false;
}
