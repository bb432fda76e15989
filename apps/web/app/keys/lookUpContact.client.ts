import { fingerprint, fromBase64Url, verifyPublicBundle, type PublicBundle } from '@coffre/crypto';
import { apiFetch } from '../api/apiFetch.ts';
import { AccountError } from './AccountError.ts';

type Pinned = Record<string, { userId: string; fingerprint: string }>;
const PINS = 'coffre:contacts';

function readPins(): Pinned {
  try {
    return JSON.parse(localStorage.getItem(PINS) ?? '{}') as Pinned;
  } catch {
    return {};
  }
}

/**
 * Checks a person's public keys against what this device saw before (trust
 * on first use). A changed key blocks sharing until the user re-verifies.
 * @throws AccountError KEY_INTEGRITY (bad bundle) | CONTACT_KEY_CHANGED
 */
export function pinContact(expected: { userId: string; username: string }, bundleBytes: Uint8Array): PublicBundle {
  let bundle: PublicBundle;
  try {
    bundle = verifyPublicBundle(bundleBytes);
  } catch {
    throw new AccountError('KEY_INTEGRITY', `The keys the server sent for ${expected.username} are not validly signed.`);
  }
  if (bundle.userId !== expected.userId || bundle.username !== expected.username) {
    throw new AccountError('KEY_INTEGRITY', `The keys the server sent for ${expected.username} belong to someone else.`);
  }
  const pins = readPins();
  const fp = fingerprint(bundle);
  const pinned = pins[bundle.username];
  if (pinned && (pinned.userId !== bundle.userId || pinned.fingerprint !== fp)) {
    throw new AccountError('CONTACT_KEY_CHANGED', `${bundle.username}'s keys changed since you last shared with them. Compare safety numbers with them before sharing again.`);
  }
  if (!pinned) localStorage.setItem(PINS, JSON.stringify({ ...pins, [bundle.username]: { userId: bundle.userId, fingerprint: fp } }));
  return bundle;
}

/** Finds a user by username and returns their verified, pinned public keys. */
export async function lookUpContact(username: string): Promise<PublicBundle> {
  const found = await apiFetch<{ userId: string; username: string; publicBundle: string }>(`/users/${encodeURIComponent(username.trim().toLowerCase())}`);
  return pinContact(found, fromBase64Url(found.publicBundle));
}
