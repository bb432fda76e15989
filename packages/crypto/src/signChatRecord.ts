import { assertInitialised } from './assertInitialised.ts';
import { CHAT_RECORD_SCHEMA, type ChatRecordFields } from './chatRecordLayout.ts';
import { concatBytes } from './concatBytes.ts';
import { DOMAINS } from './contexts.ts';
import { encodeAad } from './encodeAad.ts';
import { signDetached } from './signDetached.ts';
import type { SigningSecretKey } from './types.ts';

/**
 * A chat message, edit or reaction as stored: the canonical encoding of its
 * fields followed by the author's Ed25519 signature over them.
 * @throws CryptoError('MALFORMED') for a wrong-length key or a field out of range
 */
export function signChatRecord(secretKey: SigningSecretKey, fields: ChatRecordFields): Uint8Array {
  assertInitialised();
  const { roomId, slot, kind, authorId, author, ts, body } = fields;
  const signed = encodeAad(DOMAINS.chatRecord, { roomId, slot, kind, authorId, author, ts, body } satisfies Record<keyof typeof CHAT_RECORD_SCHEMA, unknown>);
  return concatBytes(signed, signDetached(secretKey, DOMAINS.chatRecord, signed));
}
