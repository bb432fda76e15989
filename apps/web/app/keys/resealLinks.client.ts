import { asSymmetricKey, decodeLinkFragment, deriveLinkKey, fromBase64Url, linkIdFromSecret, toBase64Url, type SymmetricKey } from '@coffre/crypto';
import { ApiRequestError, apiFetch } from '../api/apiFetch.ts';
import { sealLinkPayload } from './createLink.client.ts';
import { linkDirectory } from './linkDirectory.client.ts';
import type { LinkPayload } from './linkPayload.ts';
import { openLinkWithKey } from './openLink.client.ts';
import type { UnlockedAccount } from './unlockedAccount.client.ts';
import type { RotatedKeys } from './writeKeys.client.ts';

export type Reseal = { resealed: number; failed: number };
/** A link as my link book remembers it: its full address (with the secret) and, for newer links, its key. */
type RememberedLink = { linkId: string; url: string; itemId: string; key?: string };

/**
 * After an item moved to a new key: the links I made to it, as my link book
 * remembers them (with their secrets), get the new key, so they keep
 * opening what is written next. Each payload is opened with its link key,
 * given the new epoch, key and writer (and, for an edit link, the new write
 * key) and sealed again; the server only swaps the sealed bytes (PUT
 * /links/:linkId). A password link remembered without its key, or one
 * whose payload does not open, cannot be and counts as failed; a stopped or
 * expired one is left alone. Links others made keep the old key: they show
 * what was there before (ADR 0013).
 */
export function resealLinks(links: Iterable<RememberedLink>, itemId: string, rotated: RotatedKeys): Promise<Reseal> {
  return updateLinks(links, itemId, (payload) => (payload.kind === 'file' ? null : { ...payload, epoch: rotated.epoch, key: rotated.key, writer: rotated.writer, ...(payload.writeKey && { writeKey: toBase64Url(rotated.writeKey) }) }));
}

/**
 * After I gave someone access to a chat room or folder: the links I made to
 * it name its people as my device now trusts them (`linkDirectory`), so a
 * visitor checks the newcomer's messages against the key I pinned, not one
 * the server hands out (ADR 0018). Links that name no one (other kinds) are
 * left alone.
 */
export async function refreshLinkAuthors(links: Iterable<RememberedLink>, itemId: string, account: UnlockedAccount): Promise<Reseal> {
  const mine = [...links].filter((l) => l.itemId === itemId);
  if (mine.length === 0) return { resealed: 0, failed: 0 };
  const authors = await linkDirectory(itemId, account);
  return updateLinks(mine, itemId, (payload) => (payload.kind !== 'file' && payload.authors ? { ...payload, authors } : null));
}

/** Opens each of my links to `itemId`, lets `change` make its next payload (null: leave it), and seals that again. */
async function updateLinks(links: Iterable<RememberedLink>, itemId: string, change: (payload: LinkPayload) => LinkPayload | null): Promise<Reseal> {
  const out: Reseal = { resealed: 0, failed: 0 };
  for (const link of links) {
    if (link.itemId !== itemId) continue;
    try {
      const key = linkKeyOf(link);
      if (!key) {
        out.failed += 1;
        continue;
      }
      const { payload } = await openLinkWithKey(link.linkId, key);
      const next = change(payload);
      if (!next) continue;
      await apiFetch(`/links/${link.linkId}`, { sealed: toBase64Url(sealLinkPayload(key, link.linkId, next)) }, { method: 'PUT' });
      out.resealed += 1;
    } catch (e) {
      if (e instanceof ApiRequestError && e.code === 'LINK_GONE') continue;
      out.failed += 1;
    }
  }
  return out;
}

/** The link key: kept in the book, or derived from the secret of a link without a password. */
function linkKeyOf(link: RememberedLink): SymmetricKey | null {
  if (link.key) return asSymmetricKey(fromBase64Url(link.key));
  const { secret, hasPassword } = decodeLinkFragment(link.url.slice(link.url.indexOf('#') + 1));
  if (hasPassword || linkIdFromSecret(secret) !== link.linkId) return null;
  return deriveLinkKey(secret);
}
