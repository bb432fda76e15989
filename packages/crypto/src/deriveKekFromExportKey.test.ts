import { beforeAll, describe, expect, it } from 'vitest';
import { deriveKekFromExportKey } from './deriveKekFromExportKey.ts';
import { deriveRecoveryWrappingKey } from './deriveRecoveryWrappingKey.ts';
import { generateMasterKey } from './generateMasterKey.ts';
import { generateRecoveryKey } from './generateRecoveryKey.ts';
import { initCrypto } from './initCrypto.ts';
import { toBase64Url } from './toBase64Url.ts';
import { toHex } from './toHex.ts';
import { unwrapKey } from './unwrapKey.ts';
import { wrapKey } from './wrapKey.ts';
import { expectCryptoError } from './testing/expectCryptoError.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import type { RecoveryKey } from './types.ts';

describe('account root keys', () => {
  beforeAll(() => initCrypto());

  it('derives the KEK from the export key (fixed vector)', () => {
    expect(toHex(deriveKekFromExportKey(toBase64Url(fixedBytes(64, 12))))).toBe(
      '08c6c3dbb20dbada231aec95eab8a975ee1eae3c47a7e5d9dd27b5a31afd7616',
    );
  });

  it('refuses export keys that are not canonical base64url or too short', () => {
    expectCryptoError(() => deriveKekFromExportKey('not base64!'), 'MALFORMED');
    expectCryptoError(() => deriveKekFromExportKey(toBase64Url(fixedBytes(64, 12)) + '='), 'MALFORMED');
    expectCryptoError(() => deriveKekFromExportKey(toBase64Url(fixedBytes(16, 12))), 'MALFORMED');
  });

  it('derives the recovery wrapping key (fixed vector)', () => {
    expect(toHex(deriveRecoveryWrappingKey(fixedBytes(32, 10) as RecoveryKey))).toBe(
      '4864cfbb896019cea912ccd9894b5be953d62810165c4136c53c9b0f17ba482c',
    );
  });

  it('wraps the master key under the password KEK and the recovery key; a wrong password fails closed', () => {
    const masterKey = generateMasterKey();
    const slot = { userId: 'user-1' };
    const kek = deriveKekFromExportKey(toBase64Url(fixedBytes(64, 1)));
    const wrongKek = deriveKekFromExportKey(toBase64Url(fixedBytes(64, 2)));
    const byPassword = wrapKey(kek, masterKey, 'master-key-password', slot);
    expect(unwrapKey(kek, byPassword, 'master-key-password', slot)).toEqual(masterKey);
    expectCryptoError(() => unwrapKey(wrongKek, byPassword, 'master-key-password', slot), 'COMMITMENT_MISMATCH');
    expectCryptoError(() => unwrapKey(kek, byPassword, 'master-key-password', { userId: 'user-2' }), 'DECRYPT_FAILED');

    const recoveryKey = generateRecoveryKey();
    const recoveryWrap = deriveRecoveryWrappingKey(recoveryKey);
    const byRecovery = wrapKey(recoveryWrap, masterKey, 'master-key-recovery', slot);
    expect(unwrapKey(recoveryWrap, byRecovery, 'master-key-recovery', slot)).toEqual(masterKey);
    // the two blobs are not interchangeable even if a key were shared
    expectCryptoError(() => unwrapKey(recoveryWrap, byRecovery, 'master-key-password', slot), 'DECRYPT_FAILED');
    expect(generateMasterKey()).not.toEqual(masterKey);
  });
});
