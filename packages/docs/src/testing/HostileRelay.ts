import type { EncryptedDocSession } from '../engine/EncryptedDocSession.ts';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import { injectIntoLog } from './buildSession.ts';

/**
 * A relay that stores what honest peers upload and delivers whatever it
 * likes: the envelopes in any order, some of them, twice, or bytes of its own
 * (as new log items of a client id of its own, as a server can).
 */
export class HostileRelay {
  /** Everything honest peers uploaded, per document, in upload order. */
  readonly store = new Map<string, Uint8Array[]>();
  private readonly outboxes = new Map<EncryptedDocSession, Uint8Array[]>();

  /** Starts collecting the envelopes `peer` writes. */
  attach(peer: EncryptedDocSession): EncryptedDocSession {
    const outbox: Uint8Array[] = [];
    this.outboxes.set(peer, outbox);
    const log = peer.envelope.getArray<Uint8Array>(ENVELOPE.LOG);
    log.observe((event, tx) => {
      if (!tx.local) return;
      for (const item of event.changes.added) for (const c of item.content.getContent()) outbox.push(c as Uint8Array);
    });
    return peer;
  }

  /** Takes what `peer` wrote since the last upload into the store, and returns it. */
  upload(peer: EncryptedDocSession): Uint8Array[] {
    const outbox = this.outboxes.get(peer);
    if (!outbox) throw new Error('peer not attached');
    const taken = outbox.splice(0);
    this.store.set(peer.docId, [...(this.store.get(peer.docId) ?? []), ...taken]);
    return taken;
  }

  deliver(to: EncryptedDocSession, envelopes: readonly Uint8Array[]): void {
    injectIntoLog(to.envelope, envelopes);
  }

  /** What an honest relay does: upload `from`'s new envelopes and deliver them to `to`. */
  relay(from: EncryptedDocSession, to: EncryptedDocSession): Uint8Array[] {
    const taken = this.upload(from);
    this.deliver(to, taken);
    return taken;
  }
}
