import { CryptoError, DOMAINS, decodeLinkFragment, deriveLinkKey, fromBase64Url, initCrypto, linkAccessProof, linkIdFromSecret, openAead, utf8Decode, type SymmetricKey } from '@coffre/crypto';
import { ApiRequestError, apiFetch } from '../api/apiFetch.ts';
import { LinkBrokenError } from './LinkBrokenError.ts';
import { LinkPayload, linkPayloadItemId } from './linkPayload.ts';

/** A link read from the address bar: what to ask the server, and whether a password is needed. */
export type LinkTicket = { linkId: string; hasPassword: boolean; salt: Uint8Array | null; open(password: string | null): Promise<OpenedLink> };
/** `canEdit`: an edit link of a document or folder, as both its sealed payload and the server say. */
export type OpenedLink = { linkId: string; proof: string; payload: LinkPayload; canEdit: boolean };

/**
 * Reads a share link's fragment (the part after `#`, which browsers never
 * send) and asks the server whether it needs a password. `open` derives the
 * link key (Argon2id when there is a password), proves it to the server and
 * opens the payload it returns.
 * @throws LinkBrokenError, ApiRequestError (LINK_GONE, RATE_LIMITED)
 */
export async function readLink(fragment: string): Promise<LinkTicket> {
  await initCrypto();
  let decoded: ReturnType<typeof decodeLinkFragment>;
  try {
    decoded = decodeLinkFragment(fragment);
  } catch {
    throw new LinkBrokenError();
  }
  const { secret, hasPassword } = decoded;
  const linkId = linkIdFromSecret(secret);
  const meta = await apiFetch<{ salt: string | null }>(`/links/${linkId}`);
  const salt = meta.salt ? fromBase64Url(meta.salt) : null;
  if (hasPassword !== !!salt) throw new LinkBrokenError();
  return {
    linkId,
    hasPassword,
    salt,
    async open(password) {
      if (hasPassword && !password) throw new ApiRequestError(403, 'LINK_PASSWORD_WRONG', 'This link needs a password.');
      const key = deriveLinkKey(secret, hasPassword && salt ? { password: password!, salt } : undefined);
      const { proof, payload, role } = await openLinkWithKey(linkId, key);
      return { linkId, proof, payload, canEdit: payload.kind !== 'file' && payload.role === 'editor' && role === 'editor' };
    },
  };
}

/**
 * Proves link key `key` to the server and opens the payload it returns:
 * sealed under that key and bound to the link and the item it points at.
 * @throws LinkBrokenError, ApiRequestError (LINK_GONE, LINK_PASSWORD_WRONG, RATE_LIMITED)
 */
export async function openLinkWithKey(linkId: string, key: SymmetricKey): Promise<{ proof: string; payload: LinkPayload; role: string }> {
  const proof = linkAccessProof(key, linkId);
  const res = await apiFetch<{ itemId: string; role: string; sealed: string }>(`/links/${linkId}/open`, { proof });
  try {
    const plain = openAead(key, fromBase64Url(res.sealed), DOMAINS.linkPayload, { linkId, itemId: res.itemId });
    const payload = LinkPayload.parse(JSON.parse(utf8Decode(plain)));
    // The server cannot point this link at another item: the item id is bound into the seal.
    if (linkPayloadItemId(payload) !== res.itemId) throw new LinkBrokenError();
    return { proof, payload, role: res.role };
  } catch (e) {
    if (e instanceof CryptoError || e instanceof SyntaxError || e instanceof LinkBrokenError || (e as Error)?.name === 'ZodError') throw new LinkBrokenError();
    throw e;
  }
}
