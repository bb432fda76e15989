import type * as Y from 'yjs';
import { apiFetch } from '../../api/apiFetch.ts';
import { forgetLink } from './linkBook.ts';

/** Stops a link on the server (at once, for everyone), then forgets its address in my link book. */
export async function stopLink(linkId: string, rootDoc: Y.Doc | null): Promise<void> {
  await apiFetch(`/links/${linkId}`, undefined, { method: 'DELETE' });
  if (rootDoc) forgetLink(rootDoc, linkId);
}
