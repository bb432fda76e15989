import { fingerprint, fromBase64Url, safetyNumber, verifyPublicBundle, type PublicBundle, type SigningPublicKey } from '@coffre/crypto';
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
  const bundle = verifiedBundle(expected, bundleBytes);
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
  const found = await fetchBundle(username);
  return pinContact(found, fromBase64Url(found.publicBundle));
}

function fetchBundle(username: string) {
  return apiFetch<{ userId: string; username: string; publicBundle: string }>(`/users/${encodeURIComponent(username.trim().toLowerCase())}`);
}

/** @throws AccountError KEY_INTEGRITY when the bundle's self-signature fails or it names someone else */
function verifiedBundle(expected: { userId: string; username: string }, bytes: Uint8Array): PublicBundle {
  let bundle: PublicBundle;
  try {
    bundle = verifyPublicBundle(bytes);
  } catch {
    throw new AccountError('KEY_INTEGRITY', `The keys the server sent for ${expected.username} are not validly signed.`);
  }
  if (bundle.userId !== expected.userId || bundle.username !== expected.username) {
    throw new AccountError('KEY_INTEGRITY', `The keys the server sent for ${expected.username} belong to someone else.`);
  }
  return bundle;
}

/**
 * After comparing safety numbers out of band: trust this person's current
 * keys on this device from now on (replaces the old pin).
 * @throws AccountError KEY_INTEGRITY (bad bundle)
 */
export async function trustContactKeys(username: string): Promise<PublicBundle> {
  const found = await fetchBundle(username);
  const bundle = verifiedBundle(found, fromBase64Url(found.publicBundle));
  localStorage.setItem(PINS, JSON.stringify({ ...readPins(), [bundle.username]: { userId: bundle.userId, fingerprint: fingerprint(bundle) } }));
  return bundle;
}

/**
 * The 12 words two people compare (in person, by phone) to know they hold
 * each other's real keys: the same on both sides. Uses the keys the server
 * sends now, verified but not pinned, so a changed key can be checked before
 * it is trusted.
 */
export async function contactSafetyNumber(mine: SigningPublicKey, username: string): Promise<string[]> {
  const found = await fetchBundle(username);
  const bundle = verifiedBundle(found, fromBase64Url(found.publicBundle));
  return safetyNumber(mine, bundle.signingPublicKey);
}
