import { generateSymmetricKey } from './generateSymmetricKey.ts';
import type { SymmetricKey } from './types.ts';

/** The account's random root key; never derived from the password. */
export function generateMasterKey(): SymmetricKey {
  return generateSymmetricKey();
}
