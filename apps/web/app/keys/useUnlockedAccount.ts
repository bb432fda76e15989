import { useSyncExternalStore } from 'react';
import { getUnlockedAccount, subscribeUnlockedAccount, type UnlockedAccount } from './unlockedAccount.client.ts';

/** The signed-in user's unlocked keys, or null (always null during server rendering). */
export function useUnlockedAccount(): UnlockedAccount | null {
  return useSyncExternalStore(
    (fn) => subscribeUnlockedAccount(fn),
    () => getUnlockedAccount(),
    () => null,
  );
}
