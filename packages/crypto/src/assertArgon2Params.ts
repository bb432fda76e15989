import { CryptoError } from './CryptoError.ts';
import { assertInitialised } from './assertInitialised.ts';
import {
  LINK_ARGON2_MEMLIMIT,
  LINK_ARGON2_MEMLIMIT_MAX,
  LINK_ARGON2_OPSLIMIT,
  LINK_ARGON2_OPSLIMIT_MAX,
  LINK_SALT_BYTES,
} from './limits.ts';

export interface Argon2Params {
  opsLimit: number;
  memLimit: number;
  /** only Argon2id v1.3 is accepted */
  algorithm?: 'argon2id13';
  salt?: Uint8Array;
}

/**
 * Refuses Argon2 parameters below the client-pinned floor, whatever the
 * server says (the Bitwarden prelogin-downgrade lesson).
 * @throws CryptoError('KDF_DOWNGRADE') below the floor, another algorithm or a
 *   short salt; 'MALFORMED' for non-integers or values above the ceiling
 */
export function assertArgon2Params(params: Argon2Params): void {
  assertInitialised();
  const { opsLimit, memLimit, algorithm, salt } = params;
  if (!Number.isSafeInteger(opsLimit) || !Number.isSafeInteger(memLimit)) throw new CryptoError('MALFORMED', 'argon2 params');
  if (algorithm !== undefined && algorithm !== 'argon2id13') throw new CryptoError('KDF_DOWNGRADE', 'algorithm');
  if (opsLimit < LINK_ARGON2_OPSLIMIT || memLimit < LINK_ARGON2_MEMLIMIT) throw new CryptoError('KDF_DOWNGRADE');
  if (salt !== undefined && salt.length !== LINK_SALT_BYTES) throw new CryptoError('KDF_DOWNGRADE', 'salt');
  if (opsLimit > LINK_ARGON2_OPSLIMIT_MAX || memLimit > LINK_ARGON2_MEMLIMIT_MAX) throw new CryptoError('MALFORMED', 'argon2 too costly');
}
