import { CryptoError } from './CryptoError.ts';
import type { Sodium } from './cryptoRuntime.ts';
import { KNOWN_ANSWERS as K, type KnownAnswerName } from './knownAnswers.ts';

/** Test seam: lets a test corrupt one primitive's output to prove the check bites. */
export type SelfTestTamper = (name: KnownAnswerName, output: Uint8Array) => Uint8Array;

/**
 * Runs every known-answer vector against `sodium`.
 * @throws CryptoError('SELF_TEST_FAILED') on a wrong or all-zero output
 */
export function runSelfTest(sodium: Sodium, tamper: SelfTestTamper = (_name, output) => output): void {
  const hex = (text: string) => sodium.from_hex(text);
  const text = (value: string) => new TextEncoder().encode(value);
  const check = (name: KnownAnswerName, compute: () => Uint8Array, expected: Uint8Array) => {
    let output: Uint8Array;
    try {
      output = tamper(name, compute());
    } catch {
      throw new CryptoError('SELF_TEST_FAILED', name);
    }
    if (output.length === 0 || output.every((byte) => byte === 0)) throw new CryptoError('SELF_TEST_FAILED', name);
    if (output.length !== expected.length || !output.every((byte, i) => byte === expected[i])) {
      throw new CryptoError('SELF_TEST_FAILED', name);
    }
  };

  const aead = K.xchacha20poly1305;
  check(
    'xchacha20poly1305',
    () => sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(text(aead.plaintext), hex(aead.ad), null, hex(aead.nonce), hex(aead.key)),
    hex(aead.ciphertext),
  );
  check(
    'xchacha20poly1305-open',
    () => sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, hex(aead.ciphertext), hex(aead.ad), hex(aead.nonce), hex(aead.key)),
    text(aead.plaintext),
  );

  const ed = K.ed25519;
  const signing = sodium.crypto_sign_seed_keypair(hex(ed.seed));
  check('ed25519-public-key', () => signing.publicKey, hex(ed.publicKey));
  check('ed25519-signature', () => sodium.crypto_sign_detached(hex(ed.message), signing.privateKey), hex(ed.signature));
  check(
    'ed25519-verify',
    () => {
      const forged = hex(ed.signature);
      forged[0]! ^= 1;
      return Uint8Array.of(
        sodium.crypto_sign_verify_detached(hex(ed.signature), hex(ed.message), hex(ed.publicKey)) === true ? 1 : 2,
        sodium.crypto_sign_verify_detached(forged, hex(ed.message), hex(ed.publicKey)) === false ? 1 : 2,
      );
    },
    Uint8Array.of(1, 1),
  );

  check('x25519', () => sodium.crypto_scalarmult(hex(K.x25519.scalar), hex(K.x25519.point)), hex(K.x25519.shared));
  check('blake2b512', () => sodium.crypto_generichash(64, text(K.blake2b512.message), null), hex(K.blake2b512.digest));
  const keyed = K.blake2b256Keyed;
  check('blake2b256-keyed', () => sodium.crypto_generichash(32, text(keyed.message), hex(keyed.key)), hex(keyed.digest));
  check('kdf', () => sodium.crypto_kdf_derive_from_key(32, K.kdf.subkeyId, K.kdf.context, hex(K.kdf.key)), hex(K.kdf.subkey));

  const argon = K.argon2id;
  check(
    'argon2id',
    () =>
      sodium.crypto_pwhash(32, text(argon.password), hex(argon.salt), argon.opsLimit, argon.memLimit, sodium.crypto_pwhash_ALG_ARGON2ID13),
    hex(argon.output),
  );

  const box = K.sealedBox;
  const boxKeys = sodium.crypto_box_seed_keypair(hex(box.seed));
  check('sealed-box-public-key', () => boxKeys.publicKey, hex(box.publicKey));
  check('sealed-box-open', () => sodium.crypto_box_seal_open(hex(box.sealed), boxKeys.publicKey, boxKeys.privateKey), text(box.plaintext));
}
