import {
  DOMAINS,
  fromBase64Url,
  openAead,
  sealAead,
  toBase64Url,
  type Identity,
  type PublicBundle,
  type SymmetricKey,
} from '@coffre/crypto';

/** The signed-in user's keys, in memory only (and the sealed tab cache below). */
export type UnlockedAccount = {
  userId: string;
  username: string;
  sessionId: string;
  masterKey: SymmetricKey;
  identity: Identity;
  bundle: PublicBundle;
};

let current: UnlockedAccount | null = null;
const listeners = new Set<() => void>();

export function getUnlockedAccount(): UnlockedAccount | null {
  return current;
}

export function subscribeUnlockedAccount(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function setUnlockedAccount(account: UnlockedAccount | null): void {
  if (current && current !== account) {
    current.masterKey.fill(0);
    current.identity.signing.secretKey.fill(0);
    current.identity.box.secretKey.fill(0);
  }
  current = account;
  for (const fn of listeners) fn();
}

const CACHE_KEY = 'coffre:session-cache';
const CACHE_DOMAIN = DOMAINS.sessionCache;

/**
 * Keeps the master key across reloads, sealed under a key the server derives
 * for this session only (ADR 0003): useless without a live session, and the
 * server never sees the sealed blob.
 */
export function cacheMasterKey(account: UnlockedAccount, unlockKey: SymmetricKey): void {
  const sealed = sealAead(unlockKey, account.masterKey, CACHE_DOMAIN, { userId: account.userId, sessionId: account.sessionId });
  localStorage.setItem(CACHE_KEY, JSON.stringify({ userId: account.userId, sessionId: account.sessionId, sealed: toBase64Url(sealed) }));
}

/** @throws CryptoError when the cache was tampered with. Returns null when there is none for this session. */
export function readCachedMasterKey(userId: string, sessionId: string, unlockKey: SymmetricKey): Uint8Array | null {
  const raw = localStorage.getItem(CACHE_KEY);
  if (!raw) return null;
  let parsed: { userId?: string; sessionId?: string; sealed?: string };
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (parsed.userId !== userId || parsed.sessionId !== sessionId || typeof parsed.sealed !== 'string') return null;
  return openAead(unlockKey, fromBase64Url(parsed.sealed), CACHE_DOMAIN, { userId, sessionId });
}

export function clearKeyCaches(): void {
  localStorage.removeItem(CACHE_KEY);
  sessionStorage.clear();
  setUnlockedAccount(null);
}
