import { beforeAll, describe, expect, it } from 'vitest';
import { deriveLinkKey } from './deriveLinkKey.ts';
import { initCrypto } from './initCrypto.ts';
import { linkAccessProof } from './linkAccessProof.ts';
import { linkIdFromSecret } from './linkIdFromSecret.ts';
import { fixedBytes } from './testing/fixedBytes.ts';
import { toHex } from './toHex.ts';
import { fromBase64Url } from './fromBase64Url.ts';
import type { LinkSecret } from './types.ts';

describe('link access proof', () => {
  const secret = fixedBytes(32, 8) as LinkSecret;
  beforeAll(() => initCrypto());

  it('is fixed for a link key and link id, and differs for another id, key or password', () => {
    const linkId = linkIdFromSecret(secret);
    const key = deriveLinkKey(secret);
    const proof = linkAccessProof(key, linkId);
    expect(proof).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(linkAccessProof(key, linkId)).toBe(proof);
    expect(linkAccessProof(key, linkIdFromSecret(fixedBytes(32, 9) as LinkSecret))).not.toBe(proof);
    expect(linkAccessProof(deriveLinkKey(secret, { password: 'pw one', salt: fixedBytes(16, 1) }), linkId)).not.toBe(
      linkAccessProof(deriveLinkKey(secret, { password: 'pw two', salt: fixedBytes(16, 1) }), linkId),
    );
  });

  it('is not the link id, the key or the secret', () => {
    const linkId = linkIdFromSecret(secret);
    const key = deriveLinkKey(secret);
    const proof = toHex(fromBase64Url(linkAccessProof(key, linkId)));
    expect(proof).not.toBe(toHex(key));
    expect(proof).not.toBe(toHex(secret));
    expect(proof).not.toBe(toHex(fromBase64Url(linkId)));
  });
});
