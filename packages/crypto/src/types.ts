import { assertInitialised } from './assertInitialised.ts';
import { CryptoError } from './CryptoError.ts';

/** Branded key types: a length-checked Uint8Array that cannot be confused with another kind. */
export type SymmetricKey = Uint8Array & { readonly __brand: 'SymmetricKey' };
export type SigningPublicKey = Uint8Array & { readonly __brand: 'SigningPublicKey' };
export type SigningSecretKey = Uint8Array & { readonly __brand: 'SigningSecretKey' };
export type BoxPublicKey = Uint8Array & { readonly __brand: 'BoxPublicKey' };
export type BoxSecretKey = Uint8Array & { readonly __brand: 'BoxSecretKey' };
export type LinkSecret = Uint8Array & { readonly __brand: 'LinkSecret' };
export type RecoveryKey = Uint8Array & { readonly __brand: 'RecoveryKey' };

export interface SigningKeyPair {
  publicKey: SigningPublicKey;
  secretKey: SigningSecretKey;
}

export interface BoxKeyPair {
  publicKey: BoxPublicKey;
  secretKey: BoxSecretKey;
}

/** A user's long-term keys: Ed25519 for signing, X25519 for receiving grants. */
export interface Identity {
  signing: SigningKeyPair;
  box: BoxKeyPair;
}

export const KEY_BYTES = {
  symmetric: 32,
  signingPublic: 32,
  signingSecret: 64,
  boxPublic: 32,
  boxSecret: 32,
  linkSecret: 32,
  recovery: 32,
} as const;

function brand<T extends Uint8Array>(bytes: Uint8Array, length: number): T {
  assertInitialised();
  if (!(bytes instanceof Uint8Array) || bytes.length !== length) throw new CryptoError('MALFORMED', 'key length');
  return bytes as T;
}

/** @throws CryptoError('MALFORMED') unless 32 bytes */
export const asSymmetricKey = (bytes: Uint8Array): SymmetricKey => brand(bytes, KEY_BYTES.symmetric);
/** @throws CryptoError('MALFORMED') unless 32 bytes */
export const asSigningPublicKey = (bytes: Uint8Array): SigningPublicKey => brand(bytes, KEY_BYTES.signingPublic);
/** @throws CryptoError('MALFORMED') unless 64 bytes (libsodium seed ‖ public key form) */
export const asSigningSecretKey = (bytes: Uint8Array): SigningSecretKey => brand(bytes, KEY_BYTES.signingSecret);
/** @throws CryptoError('MALFORMED') unless 32 bytes */
export const asBoxPublicKey = (bytes: Uint8Array): BoxPublicKey => brand(bytes, KEY_BYTES.boxPublic);
/** @throws CryptoError('MALFORMED') unless 32 bytes */
export const asBoxSecretKey = (bytes: Uint8Array): BoxSecretKey => brand(bytes, KEY_BYTES.boxSecret);
/** @throws CryptoError('MALFORMED') unless 32 bytes */
export const asLinkSecret = (bytes: Uint8Array): LinkSecret => brand(bytes, KEY_BYTES.linkSecret);
/** @throws CryptoError('MALFORMED') unless 32 bytes */
export const asRecoveryKey = (bytes: Uint8Array): RecoveryKey => brand(bytes, KEY_BYTES.recovery);
