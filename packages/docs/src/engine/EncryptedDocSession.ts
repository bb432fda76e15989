import * as Y from 'yjs';
import { concatBytes, constantTimeEqual, randomBytes, signWriteCert, toBase64Url, toHex, type Identity, type SigningPublicKey, type SymmetricKey } from '@coffre/crypto';
import { DocError, type DocErrorCode } from '../wire/DocError.ts';
import { decodeEnvelope } from '../wire/decodeEnvelope.ts';
import type { DecodedEnvelope } from '../wire/EnvelopeHeader.ts';
import { envelopeHash } from '../wire/envelopeHash.ts';
import { verifyEnvelope } from '../wire/verifyEnvelope.ts';
import { verifyEnvelopeRuns, type HashedEnvelope } from '../wire/verifyEnvelopeRuns.ts';
import { ENVELOPE, ZERO_HASH } from '../wire/envelopeLayout.ts';
import type { DeviceChain } from '../wire/GuardState.ts';
import { readEnvelopeMeta } from '../wire/envelopeMeta.ts';
import type { DecodedSnapshot } from '../wire/SnapshotHeader.ts';
import { decodeSnapshot } from '../wire/snapshotCodec.ts';
import { checkWriteCert } from './checkWriteCert.ts';
import { createDeviceKey, type DeviceKey } from './DeviceKey.ts';
import { openSnapshot } from './openSnapshot.ts';
import { openUpdateEnvelope, openUpdatePart } from './openUpdateEnvelope.ts';
import { sealSnapshot } from './sealSnapshot.ts';
import { sealUpdateEnvelope } from './sealUpdateEnvelope.ts';
import type { WriteAccess } from './WriteAccess.ts';

export type IntegrityEvent = { code: DocErrorCode; device?: string };

export type DocKeys = {
  /** `write`: who may write this epoch (ADR 0016); absent only for an epoch made before write keys. */
  current: { epoch: number; key: SymmetricKey; write?: WriteAccess };
  byEpoch?: ReadonlyMap<number, SymmetricKey>;
  /** Public write keys of older epochs; an epoch missing here was made before write keys. */
  writersByEpoch?: ReadonlyMap<number, SigningPublicKey>;
};

export type EncryptedDocOptions = {
  docId: string;
  keys: DocKeys;
  identity: Identity;
  /** How long local edits are gathered into one envelope (a function: e.g. shorter when others are present). */
  batchMs?: number | (() => number);
  /** Membership check for an envelope's author; anything refused is never applied. */
  isAuthorAllowed?: (identityKey: Uint8Array) => boolean;
  /** The last snapshot this device saw of this document, kept across reloads: rollbacks and forks are refused. */
  trustAnchor?: { get(): SnapshotAnchor | null; set(anchor: SnapshotAnchor): void };
  now?: () => number;
};

export type SnapshotAnchor = { snapshotId: string; chainHash: Uint8Array };

/** How far back a client walks the snapshot chain to reach its anchor. */
const MAX_CHAIN_WALK = 64;
/** Plaintext bytes in one envelope: well inside ENVELOPE.MAX_ENVELOPE_BYTES after padding and sealing. */
const MAX_UPDATE_PER_ENVELOPE = 1024 * 1024;

const LOCAL = Symbol('coffre-local-envelope');
const REMOTE = Symbol('coffre-remote-update');
/** An envelope waiting for its turn in its device's chain; `hash` is its envelopeHash. */
type Held = { bytes: Uint8Array; env: DecodedEnvelope; hash: Uint8Array };

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
  /** Parts of a change from another device, gathered until its last part arrives. */
  private readonly partial = new Map<string, { parts: Uint8Array[]; size: number; at: DeviceChain }>();
  /** Set when a local change could not be sent: nothing more is sealed, nor a snapshot built. */
  private stopped: DocErrorCode | null = null;
  private readonly seen = new Set<string>();
  private buffer: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly integrityListeners = new Set<(e: IntegrityEvent) => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly pendingListeners = new Set<(pending: Uint8Array[] | null) => void>();
  private destroyed = false;
  /** False while the transport is (re)connecting: envelopes are sealed only once it is synced. */
  private online = true;
  private snapshotId = '';
  /** The newest epoch of a snapshot applied here: after a key rotation nothing new may be sealed under an older key. */
  private snapshotEpoch = 0;
  private chainHash: Uint8Array = ZERO_HASH;
  /** Envelopes that arrived before the snapshot they build on. */
  private queued: Uint8Array[] = [];
  /** Queued envelopes whose signatures are already checked, by envelope hash (hex); see checkAhead. */
  private readonly checkedAhead = new Map<string, DecodedEnvelope>();
  private checkAheadTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly chainWalk: DecodedSnapshot[] = [];
  private readonly snapshotWanted = new Set<(id: string) => void>();
  private requestedSnapshot = '';
  private presenceCounter = 0;
  /** This device's write certificate per epoch, made once. */
  private readonly ownWriteCerts = new Map<number, Uint8Array>();
  private readonly presenceSeen = new Map<string, number>();

  constructor(private readonly opts: EncryptedDocOptions) {
    this.device = createDeviceKey(opts.identity, this.now());
    this.envelope.getArray<Uint8Array>(ENVELOPE.LOG).observe((event, tx) => {
      if (tx.origin === LOCAL) return;
      const incoming: Uint8Array[] = [];
      for (const item of event.changes.added) for (const c of item.content.getContent()) incoming.push(c as Uint8Array);
      if (event.changes.deleted.size > 0) this.checkOwnEnvelopes();
      if (this.waitingForSnapshot()) {
        this.queued.push(...incoming);
        this.checkAheadTimer ??= setTimeout(() => this.checkAhead(), 0);
      } else this.receive(incoming);
    });
    this.envelope.getMap(ENVELOPE.META).observe(() => this.waitingForSnapshot());
    const onLocalUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || this.destroyed || this.stopped) return;
      this.gather(update);
      if (!this.online) this.emitPending();
      this.timer ??= setTimeout(() => this.flush(), typeof opts.batchMs === 'function' ? opts.batchMs() : (opts.batchMs ?? 100));
    };
    // Yjs encodes every transaction as an update while anyone listens for one, and a remote transaction's
    // update is never used here: applying a snapshot would encode the whole document again. So the listener
    // is attached only for the other transactions. Yjs emits afterTransactionCleanup right before it looks
    // for update listeners, once per transaction, also for a local change an observer makes during a remote one.
    let listening = false;
    this.doc.on('afterTransactionCleanup', (tr: Y.Transaction) => {
      const wanted = tr.origin !== REMOTE;
      if (wanted === listening) return;
      listening = wanted;
      if (wanted) this.doc.on('updateV2', onLocalUpdate);
      else this.doc.off('updateV2', onLocalUpdate);
    });
  }

  get docId(): string {
    return this.opts.docId;
  }

  /** Envelopes from other devices that wait for a missing predecessor, or a change of which only some parts arrived. */
  get outOfDate(): boolean {
    for (const m of this.held.values()) if (m.size > 0) return true;
    return this.partial.size > 0;
  }

  /**
   * Why this session stopped sending (CHANGE_TOO_LARGE: a local change over
   * ENVELOPE.MAX_CHANGE_BYTES), or null. Once stopped, local edits stay on
   * this device only; the saved document is what it was before that change.
   */
  get sendingStopped(): DocErrorCode | null {
    return this.stopped;
  }

  /** The server's current snapshot is applied here and nothing waits for a predecessor: a snapshot built now covers all the server has. */
  get caughtUp(): boolean {
    const meta = readEnvelopeMeta(this.envelope);
    return (!meta.snapshotId || meta.snapshotId === this.snapshotId) && !this.outOfDate;
  }

  get hasPendingLocalChanges(): boolean {
    return this.buffer.length > 0;
  }

  onIntegrityError(fn: (e: IntegrityEvent) => void): () => void {
    this.integrityListeners.add(fn);
    return () => this.integrityListeners.delete(fn);
  }

  /**
   * Called with the edits not yet sealed into an envelope (plaintext, in
   * groups of at most 1 MiB) while offline, and with null once they are
   * sealed: for an encrypted offline store that survives a reload.
   */
  onPendingChange(fn: (pending: Uint8Array[] | null) => void): () => void {
    this.pendingListeners.add(fn);
    return () => this.pendingListeners.delete(fn);
  }

  /** Removes and returns the edits not yet sealed (in groups), e.g. to hand them to a session with a newer key. */
  takePending(): Uint8Array[] | null {
    if (this.buffer.length === 0) return null;
    const pending = this.buffer;
    this.buffer = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return pending;
  }

  /**
   * Re-applies edits saved by onPendingChange (after a reload) or taken with
   * takePending, one transaction per group, so that they are sealed in
   * envelopes of bounded size when online.
   */
  restorePending(pending: readonly Uint8Array[]): void {
    for (const update of pending) Y.applyUpdateV2(this.doc, update); // local origin: joins the buffer like a fresh edit
  }

  /**
   * Offline, edits pile up: each is merged into the last group while that
   * stays under one envelope's worth, so neither a keystroke nor the offline
   * store merges the whole backlog, and no group is too large to send.
   */
  private gather(update: Uint8Array): void {
    const last = this.buffer[this.buffer.length - 1];
    if (!this.online && last && last.length + update.length <= MAX_UPDATE_PER_ENVELOPE) this.buffer[this.buffer.length - 1] = Y.mergeUpdatesV2([last, update]);
    else this.buffer.push(update);
  }

  /** Called after envelopes were applied or held back, and after local flushes. */
  onChange(fn: () => void): () => void {
    this.changeListeners.add(fn);
    return () => this.changeListeners.delete(fn);
  }

  /**
   * Set by the transport. While not synced, local edits stay in memory and
   * are sealed into one envelope when it is: an envelope is never sent
   * ahead of the ones the server is still catching up on.
   */
  setOnline(online: boolean): void {
    this.online = online;
    if (online && this.buffer.length > 0) this.flush();
  }

  /** Seals the gathered local edits into one envelope now (when online). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffer.length === 0 || this.destroyed || this.stopped) return;
    if (!this.online || this.keyOutdated) {
      this.emitPending();
      return;
    }
    // Edits gathered together are sealed together, but never past what one envelope may carry: a large
    // import made of several transactions goes out as several envelopes, and one transaction too large
    // for an envelope goes out in parts (consecutive envelopes, applied by readers only once all arrived).
    const groups: Uint8Array[][] = [];
    let size = 0;
    for (const u of this.buffer) {
      if (groups.length === 0 || size + u.length > MAX_UPDATE_PER_ENVELOPE) {
        groups.push([]);
        size = 0;
      }
      groups[groups.length - 1]!.push(u);
      size += u.length;
    }
    this.buffer = [];
    for (const group of groups) {
      const update = group.length === 1 ? group[0]! : Y.mergeUpdatesV2(group);
      if (update.length > ENVELOPE.MAX_CHANGE_BYTES) {
        // Later edits may build on this one, and readers would hold them forever: send nothing more.
        this.stopped = 'CHANGE_TOO_LARGE';
        this.report('CHANGE_TOO_LARGE');
        break;
      }
      for (let at = 0; at < update.length; at += MAX_UPDATE_PER_ENVELOPE) {
        this.sealLocal(update.subarray(at, at + MAX_UPDATE_PER_ENVELOPE), at + MAX_UPDATE_PER_ENVELOPE < update.length);
      }
    }
    for (const fn of this.pendingListeners) fn(null);
    this.emitChange();
  }

  private sealLocal(update: Uint8Array, more: boolean): void {
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
      more,
      writeCert: this.ownWriteCert(),
    });
    this.seq += 1;
    this.prevHash = envelopeHash(bytes);
    this.seen.add(toHex(this.prevHash));
    this.envelope.transact(() => this.envelope.getArray<Uint8Array>(ENVELOPE.LOG).push([bytes]), LOCAL);
  }

  private emitPending(): void {
    if (this.pendingListeners.size === 0 || this.buffer.length === 0) return;
    const pending = this.buffer.slice();
    for (const fn of this.pendingListeners) fn(pending);
  }

  /** The epoch whose key seals new envelopes. */
  get currentEpoch(): number {
    return this.opts.keys.current.epoch;
  }

  /**
   * Switches to a new epoch key (a rotation); older keys stay for reading
   * older envelopes and versions. Seal nothing new until the rotation
   * snapshot is accepted (the transport handles that).
   */
  useKey(epoch: number, key: SymmetricKey, write?: WriteAccess): () => void {
    const previous = this.opts.keys;
    const byEpoch = new Map(previous.byEpoch ?? []);
    byEpoch.set(previous.current.epoch, previous.current.key);
    const writersByEpoch = new Map(previous.writersByEpoch ?? []);
    if (previous.current.write) writersByEpoch.set(previous.current.epoch, previous.current.write.publicKey);
    this.opts.keys = { current: { epoch, key, write }, byEpoch, writersByEpoch };
    return () => {
      this.opts.keys = previous;
    };
  }

  /** The server moved to an epoch this session has no key for (someone rotated): stop sealing. */
  get keyOutdated(): boolean {
    return readEnvelopeMeta(this.envelope).epoch > this.opts.keys.current.epoch;
  }

  /** The snapshot this session has verified and applied ('' for none). */
  get currentSnapshotId(): string {
    return this.snapshotId;
  }

  /** The snapshot applied here, or else the last one this device saw of the document (its trust anchor), or ''. */
  get lastSeenSnapshotId(): string {
    return this.snapshotId || this.opts.trustAnchor?.get()?.snapshotId || '';
  }

  /** Called with a snapshot id the session needs; the transport fetches it and calls receiveSnapshot. */
  onSnapshotWanted(fn: (snapshotId: string) => void): () => void {
    this.snapshotWanted.add(fn);
    return () => this.snapshotWanted.delete(fn);
  }

  /**
   * A new snapshot of the current state, built on the last one, covering
   * every envelope applied or sent here (edits not yet sealed are included
   * in the state but covered by no envelope, which is harmless). Null while the session is behind (a snapshot
   * to load, or envelopes missing) or has nothing to cover.
   */
  buildSnapshot(): Uint8Array | null {
    if (this.waitingForSnapshot() || this.outOfDate || this.stopped) return null;
    const covered = [...this.chains].map(([device, c]) => ({ deviceKey: fromHex(device), seq: c.seq, hash: c.hash }));
    if (this.seq > 0) covered.push({ deviceKey: this.device.publicKey, seq: this.seq, hash: this.prevHash });
    if (covered.length === 0) return null;
    return sealSnapshot({
      docId: this.opts.docId,
      epoch: this.opts.keys.current.epoch,
      key: this.opts.keys.current.key,
      device: this.device,
      snapshotId: toBase64Url(randomBytes(16)),
      parentSnapshotId: this.snapshotId,
      parentChainHash: this.chainHash,
      covered,
      state: Y.encodeStateAsUpdateV2(this.doc),
      ts: this.now(),
      writeCert: this.ownWriteCert(),
    });
  }

  /**
   * Verifies a snapshot sent by the server and, once it is known to descend
   * from the last snapshot this device saw, applies it. A snapshot that
   * does not descend (rollback, fork) is refused with ROLLBACK.
   */
  receiveSnapshot(bytes: Uint8Array): void {
    let snap: DecodedSnapshot;
    let state: Uint8Array;
    try {
      snap = decodeSnapshot(bytes);
      state = openSnapshot(snap, this.opts.docId, (epoch) => this.keyFor(epoch));
      checkWriteCert(snap.header, this.writerFor(snap.header.epoch));
      if (this.opts.isAuthorAllowed && !this.opts.isAuthorAllowed(snap.header.identityKey)) throw new DocError('NOT_A_WRITER');
    } catch (e) {
      this.report(e instanceof DocError ? e.code : 'SNAPSHOT_INVALID');
      return;
    }
    if (snap.header.snapshotId === this.snapshotId) return;
    const anchor = this.snapshotId ? { snapshotId: this.snapshotId, chainHash: this.chainHash } : this.opts.trustAnchor?.get() ?? null;
    // With no anchor (first visit on this device) the first validly signed snapshot is trusted.
    const descends = (s: DecodedSnapshot) =>
      anchor === null || (s.header.parentSnapshotId === anchor.snapshotId && constantTimeEqual(s.header.parentChainHash, anchor.chainHash));
    const isAnchor = (s: DecodedSnapshot) => anchor !== null && s.header.snapshotId === anchor.snapshotId && constantTimeEqual(s.chainHash, anchor.chainHash);
    // Walking back from the newest snapshot towards the anchor: each fetched one must be the parent of the previous.
    const child = this.chainWalk[this.chainWalk.length - 1];
    if (child && (child.header.parentSnapshotId !== snap.header.snapshotId || !constantTimeEqual(child.header.parentChainHash, snap.chainHash))) {
      this.chainWalk.length = 0;
      this.report('ROLLBACK');
      return;
    }
    if (anchor && !isAnchor(snap) && !descends(snap)) {
      if (!snap.header.parentSnapshotId || this.chainWalk.length >= MAX_CHAIN_WALK) {
        this.chainWalk.length = 0;
        this.report('ROLLBACK'); // the chain ends without reaching what this device saw
        return;
      }
      this.chainWalk.push(snap);
      this.requestSnapshot(snap.header.parentSnapshotId);
      return;
    }
    // Newest last: apply the walked chain back down (only the newest state matters; Yjs merges).
    const newest = this.chainWalk.length > 0 ? this.chainWalk[0]! : snap;
    const newestState = newest === snap ? state : openSnapshot(newest, this.opts.docId, (epoch) => this.keyFor(epoch));
    this.chainWalk.length = 0;
    this.applySnapshot(newest, newestState);
  }

  /**
   * Verifies and decrypts a snapshot into a separate document, for previews.
   * Changes nothing here. @throws DocError
   */
  readSnapshot(bytes: Uint8Array): { doc: Y.Doc; createdAt: number; identityKey: Uint8Array } {
    const snap = decodeSnapshot(bytes);
    const state = openSnapshot(snap, this.opts.docId, (epoch) => this.keyFor(epoch));
    checkWriteCert(snap.header, this.writerFor(snap.header.epoch));
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, state);
    return { doc, createdAt: snap.header.ts, identityKey: snap.header.identityKey };
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
      writeCert: this.ownWriteCert(),
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
    if (this.timer) clearTimeout(this.timer);
    if (this.checkAheadTimer) clearTimeout(this.checkAheadTimer);
    this.destroyed = true;
    this.doc.destroy();
    this.envelope.destroy();
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** True while the server's current snapshot is not yet applied here and nothing else was: hold envelopes. */
  private waitingForSnapshot(): boolean {
    const meta = readEnvelopeMeta(this.envelope);
    if (!meta.snapshotId || meta.snapshotId === this.snapshotId) return false;
    this.requestSnapshot(meta.snapshotId);
    return this.snapshotId === '' && this.chains.size === 0;
  }

  private requestSnapshot(id: string): void {
    if (this.requestedSnapshot === id) return;
    this.requestedSnapshot = id;
    for (const fn of this.snapshotWanted) fn(id);
  }

  private applySnapshot(snap: DecodedSnapshot, state: Uint8Array): void {
    Y.applyUpdateV2(this.doc, state, REMOTE);
    for (const c of snap.header.covered) {
      const device = toHex(c.deviceKey);
      if (device === toHex(this.device.publicKey)) continue;
      if (c.seq > (this.chains.get(device)?.seq ?? 0)) {
        this.chains.set(device, { seq: c.seq, hash: c.hash });
        this.partial.delete(device); // its parts are older than what the snapshot covers
        const held = this.held.get(device);
        if (held) for (const seq of [...held.keys()]) if (seq <= c.seq) held.delete(seq);
      }
    }
    this.snapshotId = snap.header.snapshotId;
    this.chainHash = snap.chainHash;
    this.snapshotEpoch = Math.max(this.snapshotEpoch, snap.header.epoch);
    this.requestedSnapshot = '';
    this.opts.trustAnchor?.set({ snapshotId: this.snapshotId, chainHash: this.chainHash });
    const queued = this.queued;
    this.queued = [];
    const updates: Uint8Array[] = [];
    for (const device of this.held.keys()) this.drain(device, updates);
    this.applyRemote(updates);
    this.receive(queued.length > 0 ? queued : this.envelope.getArray<Uint8Array>(ENVELOPE.LOG).toArray());
    this.checkedAhead.clear();
    this.checkOwnEnvelopes();
  }

  /**
   * While the snapshot is on its way, checks the signatures of the envelopes
   * that wait for it: Ed25519 is most of the cost of opening them, and it
   * depends on their bytes alone. Nothing is applied or reported here;
   * receive() skips the signature check of an envelope found here (by its
   * hash) and makes every other check as always, in order.
   */
  private checkAhead(): void {
    this.checkAheadTimer = null;
    if (this.destroyed) return;
    const batch: Array<HashedEnvelope & { hex: string }> = [];
    for (const bytes of this.queued) {
      const hash = envelopeHash(bytes);
      const hex = toHex(hash);
      if (this.seen.has(hex) || this.checkedAhead.has(hex)) continue;
      try {
        const env = decodeEnvelope(bytes);
        if (env.header.kind === ENVELOPE.KIND_UPDATE && env.header.docId === this.opts.docId) batch.push({ env, hash, hex });
      } catch {
        // receive() reports it when its turn comes
      }
    }
    const checked = verifyEnvelopeRuns(batch);
    for (const { env, hex } of batch) if (checked.get(env) === true) this.checkedAhead.set(hex, env);
  }

  /** Every envelope of this session that the current snapshot does not include must still be in the log. */
  private checkOwnEnvelopes(): void {
    if (this.seq === 0) return; // nothing sent from this session
    const own = toHex(this.device.publicKey);
    const covered = readEnvelopeMeta(this.envelope).covered[own] ?? 0;
    const present = new Set<number>();
    for (const bytes of this.envelope.getArray<Uint8Array>(ENVELOPE.LOG).toArray()) {
      try {
        const h = decodeEnvelope(bytes).header;
        if (toHex(h.deviceKey) === own) present.add(h.seq);
      } catch {
        // not ours to judge here
      }
    }
    for (let seq = covered + 1; seq <= this.seq; seq++) {
      if (!present.has(seq)) {
        this.report('SNAPSHOT_INVALID', own); // the server dropped an update of ours that no snapshot includes
        return;
      }
    }
  }

  private report(code: DocErrorCode, device?: string): void {
    for (const fn of this.integrityListeners) fn({ code, device });
  }

  private emitChange(): void {
    for (const fn of this.changeListeners) fn();
  }

  private receive(batch: Uint8Array[]): void {
    const updates: Uint8Array[] = [];
    // Decoded first, so that a device's run in this batch is verified with one signature (verifyEnvelopeRuns).
    const fresh: Array<{ bytes: Uint8Array; hash: Uint8Array; env: DecodedEnvelope | null; ahead: boolean }> = [];
    for (const bytes of batch) {
      const hash = envelopeHash(bytes);
      const hex = toHex(hash);
      if (this.seen.has(hex)) continue; // duplicate or replay: harmless
      this.seen.add(hex);
      const ahead = this.checkedAhead.get(hex);
      let env: DecodedEnvelope | null = ahead ?? null;
      try {
        env ??= decodeEnvelope(bytes);
      } catch {
        // reported below, in its turn
      }
      fresh.push({ bytes, hash, env, ahead: ahead !== undefined });
    }
    const runs = fresh.filter((f) => f.env && !f.ahead && f.env.header.docId === this.opts.docId) as HashedEnvelope[];
    const checked = runs.length > 1 ? verifyEnvelopeRuns(runs) : null;
    for (const { bytes, hash, env: decoded, ahead } of fresh) {
      let env: DecodedEnvelope;
      try {
        env = decoded ?? decodeEnvelope(bytes);
        if (env.header.kind !== ENVELOPE.KIND_UPDATE) throw new DocError('FORBIDDEN_WRITE');
        if (env.header.docId !== this.opts.docId) throw new DocError('WRONG_DOCUMENT');
        // Signatures first: nothing unsigned may touch a device's bookkeeping.
        const check = ahead ? true : checked?.get(env);
        if (check === undefined) verifyEnvelope(env);
        else if (check !== true) throw check;
        checkWriteCert(env.header, this.writerFor(env.header.epoch));
        if (this.opts.isAuthorAllowed && !this.opts.isAuthorAllowed(env.header.identityKey)) throw new DocError('NOT_A_WRITER');
      } catch (e) {
        this.report(e instanceof DocError ? e.code : 'ENVELOPE_MALFORMED');
        continue;
      }
      const device = toHex(env.header.deviceKey);
      const held = this.held.get(device) ?? new Map<number, Held>();
      this.held.set(device, held);
      const reached = this.partial.get(device)?.at.seq ?? this.chains.get(device)?.seq ?? 0;
      if (env.header.seq <= reached || held.has(env.header.seq)) {
        this.report('EQUIVOCATION', device); // same device and seq, different bytes
        continue;
      }
      held.set(env.header.seq, { bytes, env, hash });
      this.drain(device, updates);
    }
    this.applyRemote(updates);
    this.emitChange();
  }

  /**
   * Applies opened updates in one remote transaction: observers run once, and
   * nothing is merged first (merging 96 updates cost more than applying them).
   */
  private applyRemote(updates: Uint8Array[]): void {
    if (updates.length === 0) return;
    Y.transact(this.doc, () => updates.forEach((u) => Y.applyUpdateV2(this.doc, u, REMOTE)), REMOTE, false);
  }

  /**
   * Opens this device's envelopes in sequence order for as long as the chain
   * continues. The parts of a change are gathered and applied together; the
   * chain (what a snapshot built here covers) moves past them only then.
   */
  private drain(device: string, out: Uint8Array[]): void {
    const held = this.held.get(device)!;
    for (;;) {
      const earlier = this.partial.get(device);
      const at = earlier?.at ?? this.chains.get(device) ?? { seq: 0, hash: ZERO_HASH };
      const next = held.get(at.seq + 1);
      if (!next) return;
      held.delete(at.seq + 1);
      try {
        if (!constantTimeEqual(next.env.header.prevHash, at.hash)) throw new DocError('SEQUENCE_BROKEN');
        // A rotation snapshot includes every envelope of the older epoch (the server refuses one that does not):
        // one that comes after it was written with a key someone may have kept after losing access.
        if (next.env.header.epoch < this.snapshotEpoch) throw new DocError('STALE_EPOCH', `epoch ${next.env.header.epoch} after a snapshot of epoch ${this.snapshotEpoch}`);
        const part = openUpdatePart(next.env, this.opts.docId, (epoch) => this.keyFor(epoch), { verified: true });
        const size = (earlier?.size ?? 0) + part.update.length;
        if (size > ENVELOPE.MAX_CHANGE_BYTES) throw new DocError('ENVELOPE_TOO_LARGE', 'change');
        const reached = { seq: next.env.header.seq, hash: next.hash };
        if (part.more) {
          this.partial.set(device, { parts: [...(earlier?.parts ?? []), part.update], size, at: reached });
          continue;
        }
        const update = earlier ? concatBytes(...earlier.parts, part.update) : part.update;
        assertYjsUpdate(update);
        this.partial.delete(device);
        out.push(update);
        this.chains.set(device, reached);
      } catch (e) {
        this.report(e instanceof DocError ? e.code : 'ENVELOPE_MALFORMED', device);
        return; // the chain stops here; later envelopes of this device stay held
      }
    }
  }

  /** The public write key of an epoch, or undefined for an epoch made before write keys. */
  private writerFor(epoch: number): SigningPublicKey | undefined {
    if (epoch === this.opts.keys.current.epoch) return this.opts.keys.current.write?.publicKey;
    return this.opts.keys.writersByEpoch?.get(epoch);
  }

  /** The current epoch's public write key (ADR 0016), or undefined for an epoch made before write keys. */
  get writer(): SigningPublicKey | undefined {
    return this.opts.keys.current.write?.publicKey;
  }

  /** False for a reader of a document with a write key: nothing it seals would be applied by anyone (ADR 0016). */
  get canWrite(): boolean {
    const write = this.opts.keys.current.write;
    return !write || write.secretKey !== undefined;
  }

  private ownWriteCert(): Uint8Array | undefined {
    const { epoch, write } = this.opts.keys.current;
    if (!write?.secretKey) return undefined;
    let cert = this.ownWriteCerts.get(epoch);
    if (!cert) {
      cert = signWriteCert(write.secretKey, { docId: this.opts.docId, epoch, deviceKey: this.device.publicKey });
      this.ownWriteCerts.set(epoch, cert);
    }
    return cert;
  }

  private keyFor(epoch: number): SymmetricKey | undefined {
    if (epoch === this.opts.keys.current.epoch) return this.opts.keys.current.key;
    return this.opts.keys.byEpoch?.get(epoch);
  }
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** A member could sign and encrypt bytes that are not a Yjs update; they must not break the batch. */
function assertYjsUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdateV2(update);
  } catch {
    throw new DocError('ENVELOPE_MALFORMED', 'not a Yjs update');
  }
}
