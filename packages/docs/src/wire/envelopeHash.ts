import { DOMAINS, domainHash } from '@coffre/crypto';

/** The hash that the next envelope of the same device carries as prevHash. */
export function envelopeHash(envelope: Uint8Array): Uint8Array {
  return domainHash(DOMAINS.envelopeHash, envelope);
}
