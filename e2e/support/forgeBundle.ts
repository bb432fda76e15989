import { generateKeyPairSync, sign } from 'node:crypto';

// crypto-formats.md §6: version(1) ‖ Ed25519 signing key(32) ‖ record ‖ signature(64).
const KEY = 32;
const SIGNATURE = 64;
const DOMAIN = 'coffre/public-bundle/v1';

/** encodeAad(domain, {}): the prefix every Coffre signature covers (crypto-formats.md §1). */
function domainPrefix(domain: string): Buffer {
  const d = Buffer.from(domain);
  const out = Buffer.alloc(1 + 2 + d.length + 2);
  out[0] = 1;
  out.writeUInt16BE(d.length, 1);
  d.copy(out, 3);
  out.writeUInt16BE(0, 3 + d.length);
  return out;
}

/**
 * What a hostile server can make of someone's public bundle: the same person
 * (user id, username, box key, date), validly self-signed, but under a
 * signing key the server holds. It verifies on its own; only a pin (or a
 * safety-number comparison) tells it from the real one.
 */
export function forgeBundle(realBase64Url: string): string {
  const real = Buffer.from(realBase64Url, 'base64url');
  const record = real.subarray(1 + KEY, real.length - SIGNATURE);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const signed = Buffer.concat([Buffer.of(1), raw, record]);
  const signature = sign(null, Buffer.concat([domainPrefix(DOMAIN), signed]), privateKey);
  return Buffer.concat([signed, signature]).toString('base64url');
}
