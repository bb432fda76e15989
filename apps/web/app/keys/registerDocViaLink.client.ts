import { apiFetch } from '../api/apiFetch.ts';

/**
 * Registers a new folder or document under `parentId` through a folder's
 * edit link (ADR 0013): the server checks the link is a live edit link that
 * reaches the folder, and files the item under the folder's owner.
 */
export async function registerDocViaLink(via: { linkId: string; proof: string }, docId: string, parentId: string): Promise<void> {
  await apiFetch(`/links/${via.linkId}/docs`, { proof: via.proof, docId, parentId });
}
