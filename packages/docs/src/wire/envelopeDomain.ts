import { DOMAINS, type Domain } from '@coffre/crypto';
import { DocError } from './DocError.ts';
import { ENVELOPE } from './envelopeLayout.ts';

/** Updates and presence are sealed and signed under different domains, so one never passes as the other. */
export function envelopeDomain(kind: number): Domain {
  if (kind === ENVELOPE.KIND_UPDATE) return DOMAINS.docUpdate;
  if (kind === ENVELOPE.KIND_AWARENESS) return DOMAINS.docAwareness;
  if (kind === ENVELOPE.KIND_SNAPSHOT) return DOMAINS.docSnapshot;
  throw new DocError('ENVELOPE_MALFORMED', 'unknown kind');
}
