import type { Document, Extension, onStatelessPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import {
  DocError,
  coveredRecord,
  pruneCoveredEnvelopes,
  readEnvelopeMeta,
  validateSnapshot,
  writeEnvelopeMeta,
} from '@coffre/docs/wire';
import { StorageError, type Storage } from '@coffre/storage';
import { readStoredSnapshot } from '../readStoredSnapshot.ts';
import type { CollabContext } from './AuthExtension.ts';
import type { GuardExtension } from './GuardExtension.ts';
import type { LogSink } from './LoggingExtension.ts';

/** Client ⇄ server snapshot messages, carried as Hocuspocus stateless strings (ADR 0005, 0017). */
export type SnapshotMessage =
  | { t: 'snap-hello'; have: string }
  | { t: 'snap-put'; b: string }
  | { t: 'snap-get'; id: string }
  | { t: 'snap-fetch'; id: string; rid: string }
  | { t: 'snap-list'; rid: string }
  | { t: 'snap-data'; rid: string; b: string }
  | { t: 'snap-versions'; rid: string; versions: Array<{ id: string; createdAt: number; author: string; size: number }> }
  | { t: 'snap'; id: string; b: string; push?: true }
  | { t: 'snap-ack'; id: string }
  | { t: 'snap-err'; code: string };

const blobKey = (docId: string, snapshotId: string) => `s_${docId}_${snapshotId}`;

/**
 * Stores verified snapshots and prunes the envelopes they include: the
 * snapshot row and the pruned document state commit in one transaction,
 * then the live document is pruned the same way and the change broadcast.
 */
export class SnapshotExtension implements Extension {
  constructor(
    private readonly storage: Storage,
    private readonly guard: GuardExtension,
    private readonly sink: LogSink = (l) => process.stdout.write(l + '\n'),
  ) {}

  async onStateless({ payload, document, documentName, connection }: onStatelessPayload): Promise<void> {
    let msg: SnapshotMessage;
    try {
      msg = JSON.parse(payload) as SnapshotMessage;
    } catch {
      return connection.sendStateless(JSON.stringify({ t: 'snap-err', code: 'ENVELOPE_MALFORMED' }));
    }
    const ctx = connection.context as CollabContext;
    if (msg.t === 'snap-hello') return this.push(document, documentName, connection, typeof msg.have === 'string' ? msg.have : '');
    try {
      if (msg.t === 'snap-get' && typeof msg.id === 'string') {
        connection.sendStateless(JSON.stringify({ t: 'snap', id: msg.id, b: await this.read(documentName, msg.id) }));
      } else if (msg.t === 'snap-fetch' && typeof msg.id === 'string' && typeof msg.rid === 'string') {
        connection.sendStateless(JSON.stringify({ t: 'snap-data', rid: msg.rid, b: await this.read(documentName, msg.id) }));
      } else if (msg.t === 'snap-list' && typeof msg.rid === 'string') {
        const versions = [];
        for (const s of await this.storage.snapshots.list(documentName)) {
          const author = await this.storage.accounts.getById(s.authorUserId);
          versions.push({ id: s.snapshotId, createdAt: s.createdAt, author: author?.username ?? '(deleted account)', size: s.size });
        }
        connection.sendStateless(JSON.stringify({ t: 'snap-versions', rid: msg.rid, versions }));
      } else if (msg.t === 'snap-put' && typeof msg.b === 'string') {
        if (connection.readOnly || ctx.role === 'viewer') throw new DocError('NOT_A_WRITER');
        const id = await this.commit(document, documentName, new Uint8Array(Buffer.from(msg.b, 'base64url')), ctx);
        connection.sendStateless(JSON.stringify({ t: 'snap-ack', id }));
      }
    } catch (e) {
      const code = e instanceof DocError ? e.code : e instanceof StorageError && e.code === 'CONFLICT' ? 'SNAPSHOT_CONFLICT' : 'SNAPSHOT_INVALID';
      this.sink(JSON.stringify({ t: new Date().toISOString(), level: 'warn', service: 'collab', event: 'snapshot.refused', doc: documentName, code }));
      connection.sendStateless(JSON.stringify({ t: 'snap-err', code }));
    }
  }

  /**
   * Answers a client's hello on connect (ADR 0017): the current snapshot,
   * unless the client already has it. A client sends its hello before its
   * sync step, so the snapshot follows the sync instead of being asked for
   * after it. A failure is logged only: the client then asks with snap-get.
   */
  private async push(document: Document, docId: string, connection: onStatelessPayload['connection'], have: string): Promise<void> {
    const current = readEnvelopeMeta(document).snapshotId;
    if (!current || current === have) return;
    try {
      connection.sendStateless(JSON.stringify({ t: 'snap', id: current, b: await this.read(docId, current), push: true }));
    } catch (e) {
      const code = e instanceof DocError ? e.code : 'SNAPSHOT_INVALID';
      this.sink(JSON.stringify({ t: new Date().toISOString(), level: 'warn', service: 'collab', event: 'snapshot.push-failed', doc: docId, code }));
    }
  }

  /** A stored snapshot as base64url. @throws DocError SNAPSHOT_INVALID when unknown */
  private async read(docId: string, snapshotId: string): Promise<string> {
    return Buffer.from(await readStoredSnapshot(this.storage, docId, snapshotId)).toString('base64url');
  }

  private async commit(document: Document, docId: string, bytes: Uint8Array, ctx: CollabContext): Promise<string> {
    const state = await this.guard.stateOf(document);
    const meta = readEnvelopeMeta(document);
    const writer = { identityKey: ctx.identityKey, canWrite: ctx.role !== 'viewer', canRotate: ctx.role === 'admin' };
    const snap = validateSnapshot(bytes, { docId, state, writer, meta });
    const covered = new Map(Object.entries(coveredRecord(snap)));
    // A snapshot under the next epoch is a key rotation: from now on only that epoch is accepted.
    const nextMeta = { snapshotId: snap.header.snapshotId, chainHash: snap.chainHash, epoch: snap.header.epoch, covered: coveredRecord(snap) };
    // Durable order: blob, then (snapshot row + pruned state) in one transaction, then the live document.
    const key = blobKey(docId, snap.header.snapshotId);
    await this.storage.blobs.put(key, bytes);
    // Under the document's save lock: a debounced store that encoded the live document before this commit must not
    // write that older state over the one stored here (it would drop the new meta and the prune, and clients that
    // saw them would be refused after the document is loaded again). Hocuspocus also never unloads a locked document.
    let removed = 0;
    await document.saveMutex.runExclusive(async () => {
      // The copy writes `meta` as the live document's own client, so that the state stored here is item for item
      // what the live document becomes below: a server-side change schedules no store, and a document unloaded
      // before the next one is loaded from this state. Under another client id, its `meta` items would differ
      // from the ones clients hold, and their resync (which repeats every deletion) would be refused.
      // (Set after the copy: Yjs gives a document a new client id when a remote update brings items of its own.)
      const pruned = new Y.Doc();
      Y.applyUpdate(pruned, Y.encodeStateAsUpdate(document));
      pruned.clientID = document.clientID;
      pruneCoveredEnvelopes(pruned, covered);
      writeEnvelopeMeta(pruned, nextMeta);
      try {
        await this.storage.transaction(async (tx) => {
          await tx.snapshots.commit(
            {
              docId,
              snapshotId: snap.header.snapshotId,
              parentSnapshotId: meta.snapshotId || null,
              chainHash: snap.chainHash,
              blobKey: key,
              size: bytes.length,
              createdAt: Date.now(),
              authorUserId: ctx.userId,
            },
            meta.snapshotId || null,
          );
          await tx.documents.putState(docId, Y.encodeStateAsUpdate(pruned), Date.now());
        });
      } catch (e) {
        await this.storage.blobs.delete(key);
        throw e;
      }
      if (readEnvelopeMeta(document).snapshotId !== meta.snapshotId) throw new DocError('SNAPSHOT_CONFLICT'); // cannot happen: one commit at a time per document
      // One transaction, so clients see the prune and the new meta together.
      document.transact(() => {
        removed = pruneCoveredEnvelopes(document, covered);
        writeEnvelopeMeta(document, nextMeta);
      });
    });
    state.epoch = nextMeta.epoch;
    this.sink(JSON.stringify({ t: new Date().toISOString(), level: 'info', service: 'collab', event: 'snapshot.committed', doc: docId, bytes: bytes.length, pruned: removed }));
    return snap.header.snapshotId;
  }
}
