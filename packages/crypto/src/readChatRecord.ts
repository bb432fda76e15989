import { assertInitialised } from './assertInitialised.ts';
import { CHAT_RECORD_SCHEMA, CHAT_RECORD_SIGNATURE_BYTES, type ChatRecordFields } from './chatRecordLayout.ts';
import { DOMAINS } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { decodeAad } from './decodeAad.ts';
import type { SigningPublicKey } from './types.ts';
import { verifyDetached } from './verifyDetached.ts';

/**
 * Splits a stored chat record into what it claims and a check of that claim.
 * The fields name the author whose key `verify` needs; until `verify` has
 * returned, nothing in them may be trusted or shown.
 * @throws CryptoError('MALFORMED') for anything but a well-formed record
 */
export function readChatRecord(bytes: Uint8Array): { claims: ChatRecordFields; verify(publicKey: SigningPublicKey): void } {
  assertInitialised();
  if (bytes.length <= CHAT_RECORD_SIGNATURE_BYTES) throw new CryptoError('MALFORMED', 'chat record');
  const signed = bytes.subarray(0, bytes.length - CHAT_RECORD_SIGNATURE_BYTES);
  const signature = bytes.subarray(bytes.length - CHAT_RECORD_SIGNATURE_BYTES);
  const claims = decodeAad(DOMAINS.chatRecord, signed, CHAT_RECORD_SCHEMA);
  return {
    claims,
    /** @throws CryptoError('SIGNATURE_INVALID') */
    verify: (publicKey) => verifyDetached(publicKey, DOMAINS.chatRecord, signed, signature),
  };
}
