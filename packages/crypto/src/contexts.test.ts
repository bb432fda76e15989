import { describe, expect, it } from 'vitest';
import { DOMAINS, isDomain, KDF_CONTEXTS, SUBKEY_IDS, WRAP_DOMAINS } from './contexts.ts';

describe('contexts', () => {
  const domains = Object.values(DOMAINS);
  const kdfContexts = Object.values(KDF_CONTEXTS);

  it('has unique domain strings of the form coffre/<purpose>/v<n>', () => {
    expect(new Set(domains).size).toBe(domains.length);
    for (const domain of domains) expect(domain).toMatch(/^coffre\/[a-z0-9-]+(\/[a-z0-9-]+)*\/v[1-9][0-9]*$/);
  });

  it('has unique kdf contexts of exactly 8 bytes', () => {
    expect(new Set(kdfContexts).size).toBe(kdfContexts.length);
    for (const context of kdfContexts) expect(new TextEncoder().encode(context).length).toBe(8);
  });

  it('never reuses a string between the two registries', () => {
    const all: string[] = [...domains, ...kdfContexts];
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives every wrap purpose its own registered domain', () => {
    const wrapDomains = Object.entries(WRAP_DOMAINS);
    expect(new Set(wrapDomains.map(([, domain]) => domain)).size).toBe(wrapDomains.length);
    for (const [purpose, domain] of wrapDomains) {
      expect(domain).toBe(`coffre/wrap/${purpose}/v1`);
      expect(isDomain(domain)).toBe(true);
    }
  });

  it('uses u32 subkey ids', () => {
    for (const id of Object.values(SUBKEY_IDS)) expect(Number.isInteger(id) && id >= 0 && id <= 0xffff_ffff).toBe(true);
  });

  it('recognises only registered domains', () => {
    expect(isDomain('coffre/doc-update/v1')).toBe(true);
    expect(isDomain('coffre/doc-update/v2')).toBe(false);
  });
});
