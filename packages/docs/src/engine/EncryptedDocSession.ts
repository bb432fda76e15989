import * as Y from 'yjs';
import { constantTimeEqual, toHex, type Identity, type SymmetricKey } from '@coffre/crypto';
import { DocError, type DocErrorCode } from '../wire/DocError.ts';
import { decodeEnvelope } from '../wire/decodeEnvelope.ts';
import type { DecodedEnvelope } from '../wire/EnvelopeHeader.ts';
import { envelopeHash } from '../wire/envelopeHash.ts';
import { ENVELOPE, ZERO_HASH } from '../wire/envelopeLayout.ts';
import type { DeviceChain } from '../wire/GuardState.ts';
import { createDeviceKey, type DeviceKey } from './DeviceKey.ts';
import { openUpdateEnvelope } from './openUpdateEnvelope.ts';
import { sealUpdateEnvelope } from './sealUpdateEnvelope.ts';

export type IntegrityEvent = { code: DocErrorCode; device?: string };

export type DocKeys = { current: { epoch: number; key: SymmetricKey }; byEpoch?: ReadonlyMap<number, SymmetricKey> };

export type EncryptedDocOptions = {
  docId: string;
  keys: DocKeys;
  identity: Identity;
  /** How long local edits are gathered into one envelope. */
  batchMs?: number;
  /** Membership check for an envelope's author; anything refused is never applied. */
  isAuthorAllowed?: (identityKey: Uint8Array) => boolean;
  now?: () => number;
};

const LOCAL = Symbol('coffre-local-envelope');
const REMOTE = Symbol('coffre-remote-update');
type Held = { bytes: Uint8Array; env: DecodedEnvelope };

/**
 * One open document: the plaintext `doc` stays here; only signed, encrypted
 * envelopes go into `envelope`, the Yjs document that the relay syncs.
 * Envelopes are applied in each device's sequence order; gaps are held back
 * (the session is then out of date) and anything failing a check is reported
 * as an integrity event and never applied.
 */
export class EncryptedDocSession {
  readonly doc = new Y.Doc();
  readonly envelope = new Y.Doc();
  private readonly device: DeviceKey;
  private seq = 0;
  private prevHash: Uint8Array = ZERO_HASH;
  private readonly chains = new Map<string, DeviceChain>();
  private readonly held = new Map<string, Map<number, Held>>();
  private readonly seen = new Set<string>();
  private buffer: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly integrityListeners = new Set<(e: IntegrityEvent) => void>();
  private readonly changeListeners = new Set<() => void>();
  private destroyed = false;
  private presenceCounter = 0;
  private readonly presenceSeen = new Map<string, number>();

  constructor(private readonly opts: EncryptedDocOptions) {
    this.device = createDeviceKey(opts.identity, this.now());
    this.envelope.getArray<Uint8Array>(ENVELOPE.LOG).observe((event, tx) => {
      if (tx.origin === LOCAL) return;
      const incoming: Uint8Array[] = [];
      for (const item of event.changes.added) for (const c of item.content.getContent()) incoming.push(c as Uint8Array);
      this.receive(incoming);
    });
    this.doc.on('updateV2', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || this.destroyed) return;
      this.buffer.push(update);
      this.timer ??= setTimeout(() => this.flush(), opts.batchMs ?? 100);
    });
  }

  get docId(): string {
    return this.opts.docId;
  }

  /** Envelopes from other devices that wait for a missing predecessor. */
  get outOfDate(): boolean {
    for (const m of this.held.values()) if (m.size > 0) return true;
    return false;
  }

  get hasPendingLocalChanges(): boolean {
    return this.buffer.length > 0;
  }

  onIntegrityError(fn: (e: IntegrityEvent) => void): () => void {
    this.integrityListeners.add(fn);
    return () => this.integrityListeners.delete(fn);
  }

  /** Called after envelopes were applied or held back, and after local flushes. */
  onChange(fn: () => void): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  /** Seals the gathered local edits into one envelope now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffer.length === 0) return;
    const update = this.buffer.length === 1 ? this.buffer[0]! : Y.mergeUpdatesV2(this.buffer);
    this.buffer = [];
    const bytes = sealUpdateEnvelope({
      docId: this.opts.docId,
      epoch: this.opts.keys.current.epoch,
      key: this.opts.keys.current.key,
      device: this.device,
      seq: this.seq + 1,
      prevHash: this.prevHash,
      baseSnapshotId: '',
      update,
      ts: this.now(),
    });
    this.seq += 1;
    this.prevHash = envelopeHash(bytes);
    this.seen.add(toHex(this.prevHash));
    this.envelope.transact(() => this.envelope.getArray<Uint8Array>(ENVELOPE.LOG).push([bytes]), LOCAL);
    this.emitChange();
  }

  /** Seals this session's presence state (cursor, name) for the awareness channel. */
  sealPresence(state: Uint8Array): Uint8Array {
    this.presenceCounter += 1;
    return sealUpdateEnvelope({
      kind: ENVELOPE.KIND_AWARENESS,
      docId: this.opts.docId,
      epoch: this.opts.keys.current.epoch,
      key: this.opts.keys.current.key,
      device: this.device,
      seq: this.presenceCounter,
      prevHash: ZERO_HASH,
      baseSnapshotId: '',
      update: state,
      ts: this.now(),
    });
  }

  /**
   * Opens another session's presence. Replays (a counter not above the last
   * one seen from that device) and anything failing a check return null.
   */
  openPresence(bytes: Uint8Array): { state: Uint8Array; identityKey: Uint8Array; device: string } | null {
    try {
      const env = decodeEnvelope(bytes);
      if (env.header.kind !== ENVELOPE.KIND_AWARENESS) return null;
      if (this.opts.isAuthorAllowed && !this.opts.isAuthorAllowed(env.header.identityKey)) return null;
      const device = toHex(env.header.deviceKey);
      if (env.header.seq <= (this.presenceSeen.get(device) ?? 0)) return null;
      const state = openUpdateEnvelope(env, this.opts.docId, (epoch) => this.keyFor(epoch));
      this.presenceSeen.set(device, env.header.seq);
      return { state, identityKey: env.header.identityKey, device };
    } catch {
      return null;
    }
  }

  destroy(): void {
    this.flush();
    this.destroyed = true;
    this.doc.destroy();
    this.envelope.destroy();
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  private report(code: DocErrorCode, device?: string): void {
    for (const fn of this.integrityListeners) fn({ code, device });
  }

  private emitChange(): void {
    for (const fn of this.changeListeners) fn();
  }

  private receive(batch: Uint8Array[]): void {
    const updates: Uint8Array[] = [];
    for (const bytes of batch) {
      const hash = toHex(envelopeHash(bytes));
      if (this.seen.has(hash)) continue; // duplicate or replay: harmless
      this.seen.add(hash);
      let env: DecodedEnvelope;
      try {
        env = decodeEnvelope(bytes);
        if (env.header.kind !== ENVELOPE.KIND_UPDATE) throw new DocError('FORBIDDEN_WRITE');
        if (env.header.docId !== this.opts.docId) throw new DocError('WRONG_DOCUMENT');
        if (this.opts.isAuthorAllowed && !this.opts.isAuthorAllowed(env.header.identityKey)) throw new DocError('NOT_A_WRITER');
      } catch (e) {
        this.report(e instanceof DocError ? e.code : 'ENVELOPE_MALFORMED');
        continue;
      }
      const device = toHex(env.header.deviceKey);
      const held = this.held.get(device) ?? new Map<number, Held>();
      this.held.set(device, held);
      const chain = this.chains.get(device) ?? { seq: 0, hash: ZERO_HASH };
      if (env.header.seq <= chain.seq || held.has(env.header.seq)) {
        this.report('EQUIVOCATION', device); // same device and seq, different bytes
        continue;
      }
      held.set(env.header.seq, { bytes, env });
      this.drain(device, updates);
    }
    if (updates.length > 0) Y.applyUpdateV2(this.doc, updates.length === 1 ? updates[0]! : Y.mergeUpdatesV2(updates), REMOTE);
    this.emitChange();
  }

  /** Opens this device's envelopes in sequence order for as long as the chain continues. */
  private drain(device: string, out: Uint8Array[]): void {
    const held = this.held.get(device)!;
    for (;;) {
      const chain = this.chains.get(device) ?? { seq: 0, hash: ZERO_HASH };
      const next = held.get(chain.seq + 1);
      if (!next) return;
      held.delete(chain.seq + 1);
      try {
        if (!constantTimeEqual(next.env.header.prevHash, chain.hash)) throw new DocError('SEQUENCE_BROKEN');
        out.push(openUpdateEnvelope(next.env, this.opts.docId, (epoch) => this.keyFor(epoch)));
        this.chains.set(device, { seq: next.env.header.seq, hash: envelopeHash(next.bytes) });
      } catch (e) {
        this.report(e instanceof DocError ? e.code : 'ENVELOPE_MALFORMED', device);
        return; // the chain stops here; later envelopes of this device stay held
      }
    }
  }

  private keyFor(epoch: number): SymmetricKey | undefined {
    if (epoch === this.opts.keys.current.epoch) return this.opts.keys.current.key;
    return this.opts.keys.byEpoch?.get(epoch);
  }
}
