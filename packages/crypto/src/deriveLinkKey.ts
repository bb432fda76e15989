import { assertArgon2Params } from './assertArgon2Params.ts';
import { blake2b256 } from './blake2b256.ts';
import { concatBytes } from './concatBytes.ts';
import { DOMAINS, KDF_CONTEXTS, SUBKEY_IDS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { deriveSubkey } from './deriveSubkey.ts';
import { encodeAad } from './encodeAad.ts';
import { getSodium } from './getSodium.ts';
import { LINK_ARGON2_MEMLIMIT, LINK_ARGON2_OPSLIMIT } from './limits.ts';
import { utf8Encode } from './utf8Encode.ts';
import type { LinkSecret, SymmetricKey } from './types.ts';

export interface LinkPassword {
  password: string;
  /** 16 random bytes chosen by the link creator, stored with the link */
  salt: Uint8Array;
  /** defaults to LINK_ARGON2_OPSLIMIT; never accepted below it */
  opsLimit?: number;
  /** defaults to LINK_ARGON2_MEMLIMIT; never accepted below it */
  memLimit?: number;
}

/**
 * The key that opens a share link's grant.
 * Without password: crypto_kdf(secret, 1, "linkkey_").
 * With password: crypto_kdf(BLAKE2b-256(key = Argon2id(password, salt),
 * encodeAad(coffre/link-password/v1) ‖ secret), 2, "linkkey_"), so neither
 * the fragment nor the password alone gives the key.
 * @throws CryptoError('KDF_DOWNGRADE' | 'MALFORMED')
 */
export function deriveLinkKey(secret: LinkSecret, password?: LinkPassword): SymmetricKey {
  if (password === undefined) return deriveSubkey(secret, SUBKEY_IDS.linkKeyNoPassword, KDF_CONTEXTS.linkKey);
  const sodium = getSodium();
  const opsLimit = password.opsLimit ?? LINK_ARGON2_OPSLIMIT;
  const memLimit = password.memLimit ?? LINK_ARGON2_MEMLIMIT;
  assertArgon2Params({ opsLimit, memLimit, salt: password.salt });
  if (password.password.length === 0) throw new CryptoError('MALFORMED', 'empty link password');
  const stretched = sodium.crypto_pwhash(
    32,
    utf8Encode(password.password),
    password.salt,
    opsLimit,
    memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
  const mixed = blake2b256(concatBytes(encodeAad(DOMAINS.linkPassword, {}), secret), stretched) as SymmetricKey;
  return deriveSubkey(mixed, SUBKEY_IDS.linkKeyWithPassword, KDF_CONTEXTS.linkKey);
}
