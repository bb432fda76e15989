import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS } from './contexts.ts';
import { domainHash } from './domainHash.ts';
import { initCrypto } from './initCrypto.ts';
import { toHex } from './toHex.ts';
import { utf8Encode } from './utf8Encode.ts';

describe('domainHash', () => {
  beforeAll(initCrypto);
  it('is a fixed 32-byte value per (domain, data) and differs across domains and data', () => {
    const a = domainHash(DOMAINS.envelopeHash, utf8Encode('abc'));
    expect(a).toHaveLength(32);
    expect(toHex(domainHash(DOMAINS.envelopeHash, utf8Encode('abc')))).toBe(toHex(a));
    expect(toHex(domainHash(DOMAINS.deviceCert, utf8Encode('abc')))).not.toBe(toHex(a));
    expect(toHex(domainHash(DOMAINS.envelopeHash, utf8Encode('abd')))).not.toBe(toHex(a));
  });
});
