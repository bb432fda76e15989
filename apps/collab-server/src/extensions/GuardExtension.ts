import type { Extension, beforeHandleMessagePayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { Document } from '@hocuspocus/server';
import { DocError, ENVELOPE, OTHER_AUTHOR, commitGuardState, decodeSnapshot, forgetAppliedItems, loadGuardState, readEnvelopeMeta, validateIncomingUpdate, type CoveredEntry, type GuardCommit, type GuardState, type Writer } from '@coffre/docs/wire';
import type { Storage } from '@coffre/storage';
import * as Y from 'yjs';
import { CLOSE_CODES, closeReason } from '../closeCodes.ts';
import { documentWriters } from '../documentWriters.ts';
import { JournalWriter } from '../JournalWriter.ts';
import { readStoredSnapshot } from '../readStoredSnapshot.ts';
import type { CollabContext } from './AuthExtension.ts';
import type { LogSink } from './LoggingExtension.ts';

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const MESSAGE_STATELESS = 5;
const MESSAGE_BROADCAST_STATELESS = 6;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The epoch every document starts at; key rotation raises it (written by the server into meta). */
const FIRST_EPOCH = 1;

/**
 * Decodes every incoming sync message and lets through only appends of valid
 * envelopes by the connection's own user, or by another current writer of the
 * document (see validateIncomingUpdate, ADR 0020). A refused message closes
 * the connection with UPDATE_REFUSED and its code. An accepted one is applied
 * (so relayed) at once, then written to the journal in the next group commit;
 * Hocuspocus acknowledges it to the sender only after that write.
 */
export class GuardExtension implements Extension {
  private readonly states = new WeakMap<Document, Promise<GuardState>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly journal: JournalWriter;

  constructor(
    private readonly storage: Storage,
    private readonly sink: LogSink = (l) => process.stdout.write(l + '\n'),
  ) {
    this.journal = new JournalWriter(storage);
  }

  /** The current snapshot's covered list. Unreadable, it gives none (logged): those devices' next envelopes are then refused, never let through. */
  private async snapshotHeads(docId: string, snapshotId: string): Promise<CoveredEntry[]> {
    try {
      return decodeSnapshot(await readStoredSnapshot(this.storage, docId, snapshotId)).header.covered;
    } catch (e) {
      const code = e instanceof DocError ? e.code : 'STORAGE_ERROR';
      this.sink(JSON.stringify({ t: new Date().toISOString(), level: 'warn', service: 'collab', event: 'guard.snapshot-unreadable', doc: docId, code }));
      return [];
    }
  }

  beforeHandleMessage(payload: beforeHandleMessagePayload): Promise<void> {
    // Hocuspocus runs this hook concurrently per message; envelopes must be checked in arrival order. The next
    // message of a socket waits for this one's check and relay only, not for its journal write: the writes of
    // one turn of the event loop share a commit (JournalWriter), and the acknowledgement waits for it.
    const prev = this.queues.get(payload.socketId) ?? Promise.resolve();
    const checked = prev.catch(() => undefined).then(() => this.check(payload));
    this.queues.set(payload.socketId, checked);
    void checked.finally(() => {
      if (this.queues.get(payload.socketId) === checked) this.queues.delete(payload.socketId);
    }).catch(() => undefined);
    return checked.then((accepted) => accepted?.written);
  }

  /**
   * The guard's view of a loaded document, shared with SnapshotExtension: each device's last
   * envelope, from the log and from the current snapshot, which pruned the envelopes it includes
   * (a device may have none left). Built at the document's first sync message or snapshot, so
   * opening a document to read it never waits for the snapshot to be read here.
   */
  stateOf(document: Document): Promise<GuardState> {
    let state = this.states.get(document);
    if (!state) {
      state = this.loadState(document);
      this.states.set(document, state);
    }
    return state;
  }

  private async loadState(document: Document): Promise<GuardState> {
    const meta = readEnvelopeMeta(document);
    const heads = meta.snapshotId ? await this.snapshotHeads(document.name, meta.snapshotId) : [];
    // The log is read after the wait: every change to it waits for this state first.
    return loadGuardState(document, meta.epoch || FIRST_EPOCH, heads);
  }

  /** Resolves once the message may go on to Hocuspocus; for accepted envelopes, with their journal write (wrapped: a promise in a promise would be waited for). */
  private async check({ update, document, documentName, context, connection }: beforeHandleMessagePayload): Promise<{ written: Promise<void> } | undefined> {
    if (update.length > ENVELOPE.MAX_MESSAGE_BYTES) this.refuse(documentName, 'ENVELOPE_TOO_LARGE', CLOSE_CODES.MESSAGE_TOO_LARGE);
    const decoder = decoding.createDecoder(update);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    // Stateless messages carry snapshots to SnapshotExtension; broadcasting them to peers is not allowed.
    if (type === MESSAGE_BROADCAST_STATELESS) this.refuse(documentName, 'FORBIDDEN_WRITE', CLOSE_CODES.UPDATE_REFUSED);
    if (type === MESSAGE_STATELESS) return;
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return;
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return;
    if (connection.readOnly) return; // Hocuspocus drops writes on read-only connections
    const yUpdate = decoding.readVarUint8Array(decoder);
    const ctx = context as CollabContext;
    const state = await this.stateOf(document);
    // Accepted items matter only until the document holds them (this hook applies them right after): forget them at once (memory per open document).
    if (state.acceptedLogItems.size > 0) forgetAppliedItems(state, document);
    try {
      const writer: Writer = { identityKey: ctx.identityKey, canWrite: ctx.role !== 'viewer' };
      let commit: GuardCommit;
      try {
        commit = validateIncomingUpdate(document, yUpdate, { docId: documentName, state, writer });
      } catch (e) {
        // Another member's envelopes (a device handing back what the server lost): validate once more with
        // the document's current writers. Validation changes nothing, and no await may come between a
        // validation and its commit: another connection's update could be accepted in between.
        if (!(e instanceof DocError && e.code === 'NOT_A_WRITER' && e.detail === OTHER_AUTHOR)) throw e;
        const others = await documentWriters(this.storage, documentName);
        commit = validateIncomingUpdate(document, yUpdate, { docId: documentName, state, writer: { ...writer, others } });
      }
      commitGuardState(state, commit);
      if (commit.logItems.length === 0) return;
      // Relayed before the journal write (ADR 0020); Hocuspocus acknowledges it to the sender only after this
      // hook, so once the write is durable: a crash after the ack loses nothing. A crash before it may lose an
      // envelope that peers already hold; they, or its author, hand it back on their next sync.
      Y.applyUpdate(document, yUpdate, connection);
      return { written: this.journal.append(documentName, yUpdate, Date.now()) };
    } catch (e) {
      if (e instanceof DocError) this.refuse(documentName, e.code, CLOSE_CODES.UPDATE_REFUSED, e.message);
      throw e;
    }
  }

  /** `detail` is a DocError's message: codes, ids, clocks and sequence numbers, never payload bytes. */
  private refuse(doc: string, code: string, closeCode: number, detail?: string): never {
    this.sink(JSON.stringify({ t: new Date().toISOString(), level: 'warn', service: 'collab', event: 'guard.refused', doc, code, ...(detail && detail !== code ? { detail } : {}) }));
    // Hocuspocus 3 closes one document of a multiplexed socket with a reason only; the code travels in it.
    throw Object.assign(new Error(code), { code: closeCode, reason: closeReason(closeCode, code) });
  }
}
