import { apiFetch } from '../api/apiFetch.ts';
import { deleteOfflineData } from './idbStore.client.ts';
import { clearKeyCaches } from './unlockedAccount.client.ts';
import { forgetWriteKeys } from './writeKeys.client.ts';

/** Ends the session on the server and wipes keys from memory and storage, even offline. */
export async function logOut(): Promise<void> {
  try {
    await apiFetch('/auth/logout', {});
  } finally {
    clearKeyCaches();
    forgetWriteKeys();
    await deleteOfflineData().catch(() => undefined);
  }
}
