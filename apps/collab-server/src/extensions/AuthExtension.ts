import { createHash } from 'node:crypto';
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { Storage } from '@coffre/storage';
import { readPublicBundleIdentityKey } from '@coffre/docs/wire';

/** The identity key comes from the account's self-signed bundle; the guard lets a connection append only that user's envelopes. */
export type CollabContext = { userId: string; role: 'viewer' | 'editor' | 'admin'; identityKey: Uint8Array };

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * Authenticates a connection by the web app's session cookie and authorises
 * it by the document's access list. Viewers get read-only connections.
 */
export class AuthExtension implements Extension {
  constructor(
    private readonly storage: Storage,
    private readonly secureCookies: boolean,
  ) {}

  async onAuthenticate({ requestHeaders, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
    const token = readCookie(requestHeaders.cookie, this.secureCookies ? '__Host-coffre_session' : 'coffre_session');
    if (!token) throw new Error('UNAUTHENTICATED');
    const tokenHash = new Uint8Array(createHash('sha256').update(token).digest());
    const session = await this.storage.sessions.getByTokenHash(tokenHash, Date.now());
    if (!session) throw new Error('UNAUTHENTICATED');
    const doc = await this.storage.documents.get(documentName);
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
