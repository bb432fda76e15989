import * as Y from 'yjs';
import { constantTimeEqual, toHex } from '@coffre/crypto';
import { DocError } from './DocError.ts';
import { decodeEnvelope } from './decodeEnvelope.ts';
import { envelopeHash } from './envelopeHash.ts';
import { ENVELOPE, ZERO_HASH } from './envelopeLayout.ts';
import type { DeviceChain, GuardCommit, GuardState } from './GuardState.ts';
import { verifyEnvelope } from './verifyEnvelope.ts';

export type Writer = { identityKey: Uint8Array; canWrite: boolean };

/**
 * The server guard's rule, as a pure function: an incoming Yjs update to an
 * envelope document may only append signed, well-chained envelopes of this
 * document and epoch, from the connection's own user, to the `log` array.
 * Deletes, writes to `meta` or anywhere else, and anything not new are refused.
 * On success the caller passes the result to commitGuardState.
 * @throws DocError — nothing in `state` or `doc` has changed
 */
export function validateIncomingUpdate(doc: Y.Doc, update: Uint8Array, ctx: { docId: string; state: GuardState; writer: Writer }): GuardCommit {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new DocError('ENVELOPE_MALFORMED', 'not a Yjs update');
  }
  if (decoded.ds.clients.size > 0) throw new DocError('DELETE_REFUSED');
  const log = doc.getArray(ENVELOPE.LOG);
  const newIds = new Set<string>();
  const heads = new Map<string, DeviceChain>();
  const clocks = new Map<number, number>();
  const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;
  const known = (client: number) => Math.max(Y.getState(doc.store, client), ctx.state.acceptedClocks.get(client) ?? 0);
  const inLog = (id: Y.ID | null): boolean => {
    if (!id) return false;
    if (newIds.has(idKey(id)) || ctx.state.acceptedLogItems.has(idKey(id))) return true;
    try {
      return (Y.getItem(doc.store, id) as Y.Item).parent === log;
    } catch {
      return false;
    }
  };
  for (const struct of decoded.structs) {
    if (struct.constructor.name === 'Skip') continue;
    if (struct.id.clock + struct.length <= known(struct.id.client)) continue; // already known or accepted
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentBinary) || struct.parentSub !== null) {
      throw new DocError('FORBIDDEN_WRITE', 'only binary envelopes may be written');
    }
    const parentOk = typeof struct.parent === 'string' ? struct.parent === ENVELOPE.LOG : struct.parent === null && (inLog(struct.origin) || inLog(struct.rightOrigin));
    if (!parentOk) throw new DocError('FORBIDDEN_WRITE', 'writes outside the log are refused');
    checkEnvelope(struct.content.content, ctx, heads);
    newIds.add(idKey(struct.id));
    clocks.set(struct.id.client, Math.max(struct.id.clock + struct.length, clocks.get(struct.id.client) ?? 0));
  }
  return { heads, clocks, logItems: [...newIds] };
}

function checkEnvelope(bytes: Uint8Array, ctx: { docId: string; state: GuardState; writer: Writer }, heads: Map<string, DeviceChain>): void {
  const env = decodeEnvelope(bytes);
  const h = env.header;
  if (h.kind !== ENVELOPE.KIND_UPDATE) throw new DocError('FORBIDDEN_WRITE', 'only update envelopes are stored');
  if (h.docId !== ctx.docId) throw new DocError('WRONG_DOCUMENT');
  if (h.epoch !== ctx.state.epoch) throw new DocError('STALE_EPOCH', `epoch ${h.epoch}, current ${ctx.state.epoch}`);
  if (!ctx.writer.canWrite || !constantTimeEqual(h.identityKey, ctx.writer.identityKey)) throw new DocError('NOT_A_WRITER');
  verifyEnvelope(env);
  const device = toHex(h.deviceKey);
  const last = heads.get(device) ?? ctx.state.devices.get(device) ?? { seq: 0, hash: ZERO_HASH };
  if (h.seq !== last.seq + 1 || !constantTimeEqual(h.prevHash, last.hash)) {
    throw new DocError('SEQUENCE_BROKEN', `seq ${h.seq} after ${last.seq}`);
  }
  heads.set(device, { seq: h.seq, hash: envelopeHash(bytes) });
}
