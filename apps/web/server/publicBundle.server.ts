import type { Storage } from '@coffre/storage';
import { toWire } from './bytes.ts';

/** What the API sends of someone's keys: their ids and self-signed public bundle. */
export type PublicBundleJson = { userId: string; username: string; publicBundle: string };

/** The account a username names (as typed: NFKC, trimmed, lower case), or null. */
export async function findAccountByUsername(storage: Pick<Storage, 'accounts'>, raw: unknown) {
  return storage.accounts.getByUsername(String(raw).normalize('NFKC').trim().toLowerCase());
}

export function publicBundleJson(account: { userId: string; username: string; publicBundle: Uint8Array }): PublicBundleJson {
  return { userId: account.userId, username: account.username, publicBundle: toWire(account.publicBundle) };
}
