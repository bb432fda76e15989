import {
  DOMAINS,
  LINK_SALT_BYTES,
  deriveLinkKey,
  encodeLinkFragment,
  generateLinkSecret,
  linkAccessProof,
  linkIdFromSecret,
  randomBytes,
  sealAead,
  toBase64Url,
  utf8Encode,
  type SymmetricKey,
} from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import { linkPayloadItemId, type LinkPayload } from './linkPayload.ts';

/**
 * A link for one file version, folder or document; `role: 'editor'` (documents only) lets visitors edit. The link secret (and the optional
 * password) never leave this browser: the server gets the link id, a proof
 * it can check later, the password salt and the payload sealed under the
 * link key. Returns the address to hand out, and the link key (for my link
 * book: what re-seals the link after the item's key changes, resealLinks).
 */
export async function createLink(input: { payload: LinkPayload; role?: 'viewer' | 'editor'; password: string | null; expiresAt: number | null; origin: string }): Promise<{ url: string; linkId: string; key: string }> {
  const secret = generateLinkSecret();
  const linkId = linkIdFromSecret(secret);
  const salt = input.password ? randomBytes(LINK_SALT_BYTES) : null;
  const key = deriveLinkKey(secret, input.password && salt ? { password: input.password, salt } : undefined);
  const itemId = linkPayloadItemId(input.payload);
  const sealed = sealLinkPayload(key, linkId, input.payload);
  await apiFetch('/links', {
    linkId,
    itemId,
    proof: linkAccessProof(key, linkId),
    salt: salt ? toBase64Url(salt) : null,
    sealed: toBase64Url(sealed),
    expiresAt: input.expiresAt,
    role: input.role ?? 'viewer',
  });
  return { linkId, url: `${input.origin}/s#${encodeLinkFragment({ secret, hasPassword: !!input.password })}`, key: toBase64Url(key) };
}

/** A link's payload sealed under its key, bound to the link and the item it points at. */
export function sealLinkPayload(key: SymmetricKey, linkId: string, payload: LinkPayload): Uint8Array {
  return sealAead(key, utf8Encode(JSON.stringify(payload)), DOMAINS.linkPayload, { linkId, itemId: linkPayloadItemId(payload) });
}
