import {
  CryptoError,
  asSymmetricKey,
  fromBase64Url,
  unwrapIdentity,
  verifyPublicBundle,
} from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import type { SessionPayload } from '../api/wire.ts';
import { AccountError } from './AccountError.ts';
import { cacheMasterKey, clearKeyCaches, setUnlockedAccount, type UnlockedAccount } from './unlockedAccount.client.ts';

const PINNED_SERVER_KEY = 'coffre:opaque-server-key';

/** Trust on first use of the server's OPAQUE key on this device. */
export function pinnedServerKey(): string | undefined {
  return localStorage.getItem(PINNED_SERVER_KEY) ?? undefined;
}

export function pinServerKey(key: string): void {
  if (!localStorage.getItem(PINNED_SERVER_KEY)) localStorage.setItem(PINNED_SERVER_KEY, key);
}

/**
 * Turns a session payload and the master key into unlocked keys: verifies the
 * self-signed bundle, unwraps the identity and checks it matches the served
 * public keys. Any failure logs the session out: never a half-signed-in state.
 * @throws AccountError KEY_INTEGRITY
 */
export async function unlockSession(payload: SessionPayload, masterKey: Uint8Array): Promise<UnlockedAccount> {
  try {
    const bundle = verifyPublicBundle(fromBase64Url(payload.publicBundle));
    if (bundle.userId !== payload.userId || bundle.username !== payload.username) {
      throw new CryptoError('KEY_MISMATCH', 'bundle names another account');
    }
    const identity = unwrapIdentity(asSymmetricKey(masterKey), fromBase64Url(payload.wrappedIdentity), payload.userId, {
      signingPublicKey: bundle.signingPublicKey,
      boxPublicKey: bundle.boxPublicKey,
    });
    const account: UnlockedAccount = {
      userId: payload.userId,
      username: payload.username,
      sessionId: payload.sessionId,
      masterKey: asSymmetricKey(masterKey),
      identity,
      bundle,
    };
    cacheMasterKey(account, asSymmetricKey(fromBase64Url(payload.unlockKey)));
    setUnlockedAccount(account);
    return account;
  } catch (e) {
    if (!(e instanceof CryptoError)) throw e;
    await apiFetch('/auth/logout', {}).catch(() => undefined);
    clearKeyCaches();
    throw new AccountError(
      'KEY_INTEGRITY',
      'Your account keys failed an integrity check, so Coffre did not use them. You have been signed out. If this repeats, the server may be misbehaving.',
    );
  }
}
