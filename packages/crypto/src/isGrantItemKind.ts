import { assertInitialised } from './assertInitialised.ts';

/** What a shared item is, so the recipient's drive can show it before opening it. */
export type GrantItemKind = 'folder' | 'doc' | 'sheet' | 'calendar' | 'chat' | 'file';
export const GRANT_ITEM_KINDS: readonly GrantItemKind[] = ['folder', 'doc', 'sheet', 'calendar', 'chat', 'file'];

/**
 * Like every public function of this package, refuses to run before initCrypto.
 * @throws CryptoError('NOT_INITIALISED')
 */
export function isGrantItemKind(value: unknown): value is GrantItemKind {
  assertInitialised();
  return typeof value === 'string' && (GRANT_ITEM_KINDS as readonly string[]).includes(value);
}
