import _sodium from 'libsodium-wrappers-sumo';
import {
  DOMAINS,
  generateSigningKeyPair,
  generateSymmetricKey,
  initCrypto,
  openAead,
  sealAead,
  signDetached,
  verifyDetached,
} from '@coffre/crypto';
import { measurePair } from '../measure.ts';
import type { BenchResult } from '../printResults.ts';

/**
 * Seal + sign, then verify + open, of a keystroke-sized update (~30 bytes of
 * Yjs V2, padded to 64) through @coffre/crypto, against the raw libsodium
 * calls on the same bytes (XChaCha20-Poly1305 + Ed25519 detached).
 */
export async function cryptoEnvelopeBench({ iterations }: { iterations: number }): Promise<BenchResult> {
  await initCrypto();
  await _sodium.ready;
  const sodium = _sodium;
  const key = generateSymmetricKey();
  const signer = generateSigningKeyPair();
  const plaintext = new Uint8Array(64).fill(7);
  const fields = { docId: 'doc-bench-0001', epoch: 1, author: 'device-1', seq: 1 };

  const ad = new Uint8Array(64).fill(1);
  const nonce = new Uint8Array(24);
  const { coffre, baseline: raw } = measurePair(
    iterations,
    (i) => {
      const sealed = sealAead(key, plaintext, DOMAINS.docUpdate, { ...fields, seq: i });
      const sig = signDetached(signer.secretKey, DOMAINS.docUpdate, sealed);
      verifyDetached(signer.publicKey, DOMAINS.docUpdate, sealed, sig);
      openAead(key, sealed, DOMAINS.docUpdate, { ...fields, seq: i });
    },
    () => {
      crypto.getRandomValues(nonce);
      const ct = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key);
      const sig = sodium.crypto_sign_detached(ct, signer.secretKey);
      if (!sodium.crypto_sign_verify_detached(sig, ct, signer.publicKey)) throw new Error('verify');
      sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ct, ad, nonce, key);
    },
  );

  return { name: 'keystroke envelope seal+sign+verify+open', unit: 'µs', baselineName: 'raw libsodium', baseline: raw, coffre, target: 1.3 };
}
