import { asSymmetricKey, fromBase64Url, initCrypto } from '@coffre/crypto';
import { ApiRequestError, apiFetch } from '../api/apiFetch.ts';
import type { SessionPayload } from '../api/wire.ts';
import { getUnlockedAccount, readCachedMasterKey, type UnlockedAccount } from './unlockedAccount.client.ts';
import { unlockSession } from './unlockSession.client.ts';

/**
 * After a reload: asks the server for this session and opens the cached
 * master key. Returns null when signed out or when this device has no cache
 * for the session (the user then signs in again).
 * @throws AccountError KEY_INTEGRITY when the cache or the served keys were tampered with
 */
export async function restoreSession(): Promise<UnlockedAccount | null> {
  const existing = getUnlockedAccount();
  if (existing) return existing;
  await initCrypto();
  let payload: SessionPayload;
  try {
    payload = await apiFetch<SessionPayload>('/account/session');
  } catch (e) {
    if (e instanceof ApiRequestError && e.status === 401) return null;
    throw e;
  }
  let masterKey: Uint8Array | null;
  try {
    masterKey = readCachedMasterKey(payload.userId, payload.sessionId, asSymmetricKey(fromBase64Url(payload.unlockKey)));
  } catch {
    masterKey = null; // A cache we cannot open is discarded; the user signs in again.
  }
  if (!masterKey) {
    // A live session whose keys this device cannot open is ended, not half-used.
    await apiFetch('/auth/logout', {}).catch(() => undefined);
    return null;
  }
  return unlockSession(payload, masterKey);
}
