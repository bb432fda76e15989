import {
  createPublicBundle,
  deriveKekFromExportKey,
  deriveRecoverySigningKeyPair,
  deriveRecoveryWrappingKey,
  generateIdentity,
  generateMasterKey,
  generateRecoveryKey,
  toBase64Url,
  wrapIdentity,
  wrapKey,
  type RecoveryKey,
  type SymmetricKey,
} from '@coffre/crypto';
import type { RegisterFinishRequest } from '../api/wire.ts';

/**
 * Makes a new account's keys from OPAQUE's export key: a random master key
 * wrapped by the password KEK and by a fresh recovery key, the recovery
 * verify key, and identity keys wrapped under the master key with their
 * self-signed public bundle. Pure: no I/O.
 */
export function createAccountKeys(input: { userId: string; username: string; exportKey: string; registrationRecord: string; now: number }): {
  request: RegisterFinishRequest;
  masterKey: SymmetricKey;
  recoveryKey: RecoveryKey;
} {
  const { userId, username } = input;
  const masterKey = generateMasterKey();
  const kek = deriveKekFromExportKey(input.exportKey);
  const recoveryKey = generateRecoveryKey();
  const identity = generateIdentity();
  const request: RegisterFinishRequest = {
    userId,
    username,
    registrationRecord: input.registrationRecord,
    passwordWrappedMasterKey: toBase64Url(wrapKey(kek, masterKey, 'master-key-password', { userId })),
    recoveryWrappedMasterKey: toBase64Url(wrapKey(deriveRecoveryWrappingKey(recoveryKey), masterKey, 'master-key-recovery', { userId })),
    recoveryVerifyKey: toBase64Url(deriveRecoverySigningKeyPair(recoveryKey).publicKey),
    wrappedIdentity: toBase64Url(wrapIdentity(masterKey, identity, userId)),
    publicBundle: toBase64Url(createPublicBundle(identity, { userId, username, createdAt: input.now })),
  };
  kek.fill(0);
  return { request, masterKey, recoveryKey };
}
