import { createHash } from 'node:crypto';
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { Storage } from '@coffre/storage';
import { readPublicBundleIdentityKey } from '@coffre/docs/wire';
import { linkRole, parseLinkToken } from '../linkAccess.ts';

/** The identity key comes from the account's self-signed bundle; the guard lets a connection append only that user's envelopes. */
export type CollabContext = {
  userId: string;
  role: 'viewer' | 'editor' | 'admin';
  identityKey: Uint8Array;
  /** Set for a share-link visitor (no account): the link it came through. Read-only unless it is an edit link and the visitor named an identity key. */
  linkId?: string;
};

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * Authenticates a connection by the web app's session cookie and authorises
 * it by the document's access list, or a share link's access proof. Viewers
 * get read-only connections.
 */
export class AuthExtension implements Extension {
  constructor(
    private readonly storage: Storage,
    private readonly secureCookies: boolean,
  ) {}

  async onAuthenticate({ requestHeaders, documentName, connectionConfig, token: providerToken, request }: onAuthenticatePayload): Promise<CollabContext> {
    const link = parseLinkToken(providerToken);
    if (link) {
      // A share-link visitor, only within the linked item (ADR 0008); a writer only through an edit link (ADR 0013).
      const address = request?.socket?.remoteAddress ?? 'unknown';
      const role = await linkRole(this.storage, link.linkId, link.proof, documentName, address);
      if (!role) throw new Error('FORBIDDEN');
      const writes = role === 'editor' && link.identityKey !== null;
      connectionConfig.readOnly = !writes;
      const identityKey = writes ? new Uint8Array(Buffer.from(link.identityKey!, 'base64url')) : new Uint8Array(0);
      return { userId: `link:${link.linkId}`, role: writes ? 'editor' : 'viewer', identityKey, linkId: link.linkId };
    }
    const token = readCookie(requestHeaders.cookie, this.secureCookies ? '__Host-coffre_session' : 'coffre_session');
    if (!token) throw new Error('UNAUTHENTICATED');
    const tokenHash = new Uint8Array(createHash('sha256').update(token).digest());
    const session = await this.storage.sessions.getByTokenHash(tokenHash, Date.now());
    if (!session) throw new Error('UNAUTHENTICATED');
    const doc = await this.storage.documents.getSummary(documentName);
    if (!doc) throw new Error('FORBIDDEN');
    // Owner, direct member, or member of a folder above it (ADR 0007).
    const role = await this.storage.members.effectiveRole(documentName, session.userId);
    if (!role) throw new Error('FORBIDDEN');
    const account = await this.storage.accounts.getById(session.userId);
    if (!account) throw new Error('UNAUTHENTICATED');
    if (role === 'viewer') connectionConfig.readOnly = true;
    return { userId: session.userId, role, identityKey: readPublicBundleIdentityKey(account.publicBundle) };
  }
}
