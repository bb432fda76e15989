import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { decodeAad, type AadRecord } from './decodeAad.ts';
import { GRANT_HEADER_SCHEMA } from './grantLayout.ts';
import { isGrantRole } from './isGrantRole.ts';
import { KEY_BYTES } from './types.ts';

const SEALED_HASH_BYTES = 32;

/** Decodes and range-checks a grant header record. @throws CryptoError('MALFORMED') */
export function decodeGrantHeader(header: Uint8Array): AadRecord<typeof GRANT_HEADER_SCHEMA> {
  const fields = decodeAad(DOMAINS.grant, header, GRANT_HEADER_SCHEMA);
  if (!isGrantRole(fields.role)) throw new CryptoError('MALFORMED', 'grant role');
  if (fields.recipientBoxPublicKey.length !== KEY_BYTES.boxPublic) throw new CryptoError('MALFORMED', 'grant recipient key');
  if (fields.sealedHash.length !== SEALED_HASH_BYTES) throw new CryptoError('MALFORMED', 'grant sealed hash');
  return fields;
}
