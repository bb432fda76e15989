import { apiFetch } from '../api/apiFetch.ts';
import { AccountError } from './AccountError.ts';
import { passwordLogin } from './passwordLogin.client.ts';
import { clearKeyCaches, getUnlockedAccount } from './unlockedAccount.client.ts';

/** Deletes the account after a password check. @throws AccountError WRONG_CREDENTIALS | LOCKED */
export async function deleteAccount(password: string): Promise<void> {
  const account = getUnlockedAccount();
  if (!account) throw new AccountError('LOCKED', 'Sign in again to delete your account.');
  await passwordLogin(account.username, password, 'reauth');
  await apiFetch('/account/delete', {});
  clearKeyCaches();
}
