import * as Y from 'yjs';
import { constantTimeEqual, toHex } from '@coffre/crypto';
import { DocError } from './DocError.ts';
import { decodeEnvelope } from './decodeEnvelope.ts';
import { envelopeHash } from './envelopeHash.ts';
import { ENVELOPE, ZERO_HASH } from './envelopeLayout.ts';
import type { DeviceChain, GuardCommit, GuardState } from './GuardState.ts';
import { verifyEnvelope } from './verifyEnvelope.ts';

/**
 * The connection's user: their identity key and role. Only admins may rotate a document's key.
 * `others`: hex identity keys of the document's other current writers, whose devices' envelopes
 * any writer's connection may hand back (ADR 0020); undefined until the caller has looked them up.
 */
export type Writer = { identityKey: Uint8Array; canWrite: boolean; canRotate?: boolean; others?: ReadonlySet<string> };

/** NOT_A_WRITER's message when an envelope is another member's and `Writer.others` was not given: look them up and validate again. */
export const OTHER_AUTHOR = 'another member’s envelope';

/**
 * The server guard's rule, as a pure function: an incoming Yjs update to an
 * envelope document may only append signed, well-chained envelopes of this
 * document and epoch to the `log` array, from a connection that may write. Each
 * envelope is its own user's, or another current writer's that the sender's
 * device holds and the server does not (ADR 0020: what a server lost comes back).
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
  // A resync repeats the whole delete set; only deletions the server itself made may appear.
  const notDeleted = decoded.ds.clients.size > 0 ? firstNotDeleted(doc, decoded.ds) : null;
  if (notDeleted) throw new DocError('DELETE_REFUSED', notDeleted);
  const log = doc.getArray(ENVELOPE.LOG);
  const newIds = new Map<string, string>();
  const heads = new Map<string, DeviceChain>();
  const clocks = new Map<number, number>();
  const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;
  const inLog = (id: Y.ID): boolean => {
    if (newIds.has(idKey(id)) || ctx.state.acceptedLogItems.has(idKey(id))) return true;
    try {
      return (Y.getItem(doc.store, id) as Y.Item).parent === log;
    } catch {
      return false;
    }
  };
  // First pass: shape and contiguity. Every new struct is one binary envelope and
  // continues its client's clock exactly; a range accepted but not yet applied
  // may only be repeated byte for byte.
  const fresh: Y.Item[] = [];
  const hashes = new Map<Y.Item, Uint8Array>(); // each fresh envelope is hashed once, for the accepted items and the device chain
  const watermark = new Map<number, number>();
  for (const struct of decoded.structs) {
    if (struct.constructor.name === 'Skip') continue;
    const client = struct.id.client;
    const stored = Y.getState(doc.store, client);
    if (struct.id.clock + struct.length <= stored) continue; // Yjs already has it and will ignore it
    const accepted = ctx.state.acceptedClocks.get(client) ?? 0;
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentBinary) || struct.parentSub !== null) {
      throw new DocError('FORBIDDEN_WRITE', 'only binary envelopes may be written');
    }
    const bytes = struct.content.content;
    if (struct.id.clock + struct.length <= accepted) {
      if (ctx.state.acceptedLogItems.get(idKey(struct.id)) !== toHex(envelopeHash(bytes))) throw new DocError('FORBIDDEN_WRITE', 'differs from what was accepted');
      continue;
    }
    const expected = watermark.get(client) ?? Math.max(stored, accepted);
    if (struct.id.clock !== expected) throw new DocError('SEQUENCE_BROKEN', 'missing dependency');
    watermark.set(client, expected + struct.length);
    fresh.push(struct);
  }
  // Second pass: placement. Yjs takes an item's parent from its left origin, else its right
  // origin, else the parent it names. Items may point at each other in any order within one
  // update (clients are written in descending id order), so resolve until nothing changes.
  const hashOf = (item: Y.Item): Uint8Array => {
    let h = hashes.get(item);
    if (!h) hashes.set(item, (h = envelopeHash((item.content as Y.ContentBinary).content)));
    return h;
  };
  let unresolved = fresh;
  while (unresolved.length > 0) {
    const next = unresolved.filter((item) => {
      const ok = item.origin ? inLog(item.origin) : item.rightOrigin ? inLog(item.rightOrigin) : (item.parent as unknown) === ENVELOPE.LOG; // decodeUpdate gives root parents by name
      if (ok) newIds.set(idKey(item.id), toHex(hashOf(item)));
      return !ok;
    });
    if (next.length === unresolved.length) throw new DocError('FORBIDDEN_WRITE', 'writes outside the log are refused');
    unresolved = next;
  }
  // Third pass: the envelopes themselves, in the update's order (per client, by clock).
  for (const item of fresh) {
    checkEnvelope((item.content as Y.ContentBinary).content, hashOf(item), ctx, heads);
    clocks.set(item.id.client, item.id.clock + item.length);
  }
  return { heads, clocks, logItems: [...newIds] };
}

/** Null when every range in `ds` is already deleted in the document; else which range is not (ids and clocks only). */
function firstNotDeleted(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds']): string | null {
  const mine = Y.createDeleteSetFromStructStore(doc.store).clients;
  for (const [client, ranges] of ds.clients) {
    const have = mine.get(client) ?? [];
    for (const r of ranges) {
      if (r.len === 0) continue;
      const end = r.clock + r.len;
      const known = Y.getState(doc.store, client);
      if (end > known) return `client ${client} clocks ${r.clock}+${r.len}: this document has clocks below ${known}`;
      if (!have.some((h) => h.clock <= r.clock && end <= h.clock + h.len)) return `client ${client} clocks ${r.clock}+${r.len}: not all deleted here`;
    }
  }
  return null;
}

function checkEnvelope(bytes: Uint8Array, hash: Uint8Array, ctx: { docId: string; state: GuardState; writer: Writer }, heads: Map<string, DeviceChain>): void {
  const env = decodeEnvelope(bytes);
  const h = env.header;
  if (h.kind !== ENVELOPE.KIND_UPDATE) throw new DocError('FORBIDDEN_WRITE', 'only update envelopes are stored');
  if (h.docId !== ctx.docId) throw new DocError('WRONG_DOCUMENT');
  if (h.epoch !== ctx.state.epoch) throw new DocError('STALE_EPOCH', `epoch ${h.epoch}, current ${ctx.state.epoch}`);
  if (!ctx.writer.canWrite) throw new DocError('NOT_A_WRITER');
  if (!constantTimeEqual(h.identityKey, ctx.writer.identityKey)) {
    if (!ctx.writer.others) throw new DocError('NOT_A_WRITER', OTHER_AUTHOR);
    if (!ctx.writer.others.has(toHex(h.identityKey))) throw new DocError('NOT_A_WRITER', 'not a writer of this document');
  }
  verifyEnvelope(env);
  const device = toHex(h.deviceKey);
  const last = heads.get(device) ?? ctx.state.devices.get(device) ?? { seq: 0, hash: ZERO_HASH };
  if (h.seq !== last.seq + 1 || !constantTimeEqual(h.prevHash, last.hash)) {
    throw new DocError('SEQUENCE_BROKEN', `seq ${h.seq} after ${last.seq}`);
  }
  heads.set(device, { seq: h.seq, hash });
}
