import { fromBase64Url, randomBytes, toBase64Url, type SymmetricKey } from '@coffre/crypto';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import type { CompactionPolicy } from './connectHocuspocus.ts';
import type { WriteAccess } from './WriteAccess.ts';
import type { EncryptedDocSession } from './EncryptedDocSession.ts';

type Incoming =
  | { t: 'snap'; id: string; b: string; push?: true }
  | { t: 'snap-ack'; id: string }
  | { t: 'snap-err'; code: string }
  | { t: 'snap-data'; rid: string; b: string }
  | { t: 'snap-versions'; rid: string; versions: Version[] };

/** A stored snapshot as the server lists it (the author is the server's claim; previews verify). */
export type Version = { id: string; createdAt: number; author: string; size: number };

export type SnapshotControl = {
  /** Compacts now, whatever the policy says (e.g. "save a version"). Resolves when the server answered. */
  snapshotNow(): Promise<boolean>;
  listVersions(): Promise<Version[]>;
  /**
   * Moves the document to a new epoch key: everything sent so far is
   * acknowledged, then a snapshot under the new key (which the server
   * accepts from admins only) replaces the log. Resolves to success.
   */
  rotate(epoch: number, key: SymmetricKey, write?: WriteAccess): Promise<boolean>;
  /** Raw snapshot bytes, for previews; verify them with session.readSnapshot. */
  fetchSnapshot(id: string): Promise<Uint8Array>;
  stop(): void;
};

const REQUEST_TIMEOUT_MS = 20_000;
/**
 * How long a snapshot the session wants is left to the push that answers the
 * hello before it is asked for: a server from before ADR 0017 ignores the
 * hello and pushes nothing.
 */
export const PUSH_WAIT_MS = 3_000;

/**
 * Fetches the snapshots a session asks for, and compacts: when the log
 * grows past the policy, after a random delay (so writers do not all try at
 * once), this writer uploads a snapshot; the server's compare-and-swap picks
 * one winner and the others simply see the new snapshot arrive.
 */
/** Where a client keeps snapshot ciphertext it has seen, to open documents offline. */
export type SnapshotCache = { get(id: string): Promise<Uint8Array | null>; put(id: string, bytes: Uint8Array): Promise<void> };

export function bindSnapshots(
  session: EncryptedDocSession,
  provider: HocuspocusProvider,
  policy: CompactionPolicy | null,
  canWrite: boolean,
  cache: SnapshotCache | null = null,
): SnapshotControl {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let sent: Uint8Array | null = null;
  let answered: ((ok: boolean) => void) | null = null;
  const pending = new Map<string, (msg: Incoming | null) => void>();
  const request = <T>(body: Record<string, unknown>, pick: (m: Incoming) => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      const rid = toBase64Url(randomBytes(9));
      const timeout = setTimeout(() => {
        pending.delete(rid);
        reject(new Error('The server did not answer in time.'));
      }, REQUEST_TIMEOUT_MS);
      pending.set(rid, (m) => {
        clearTimeout(timeout);
        pending.delete(rid);
        const value = m ? pick(m) : undefined;
        if (value === undefined) reject(new Error('The server refused the request.'));
        else resolve(value);
      });
      provider.sendStateless(JSON.stringify({ ...body, rid }));
    });
  const log = session.envelope.getArray<Uint8Array>(ENVELOPE.LOG);

  const fetch = (id: string) => {
    const fromServer = () => provider.sendStateless(JSON.stringify({ t: 'snap-get', id }));
    if (!cache) return fromServer();
    cache.get(id).then(
      (bytes) => (bytes ? session.receiveSnapshot(bytes) : fromServer()),
      () => fromServer(),
    );
  };

  // ADR 0017: on every connect the client says which snapshot it can open without the server (`have`), and
  // the server pushes its current one when that differs, with the sync instead of one round trip after it.
  let have = '';
  let awaitingPush = false;
  /** A snapshot wanted while the push was on its way; asked for if the push does not bring it. */
  let deferred: string | null = null;
  let pushTimer: ReturnType<typeof setTimeout> | null = null;
  let wantedMeanwhile = false;
  const stopWaiting = () => {
    awaitingPush = false;
    if (pushTimer) clearTimeout(pushTimer);
    pushTimer = null;
  };
  const armFallback = () => {
    pushTimer ??= setTimeout(() => {
      pushTimer = null;
      awaitingPush = false;
      const id = deferred;
      deferred = null;
      if (id) fetch(id);
    }, PUSH_WAIT_MS);
  };
  const onOpen = () => {
    have = session.currentSnapshotId || (cache ? session.lastSeenSnapshotId : '');
    awaitingPush = true;
    if (deferred) armFallback();
    provider.sendStateless(JSON.stringify({ t: 'snap-hello', have }));
  };
  const onClose = () => stopWaiting();
  // Synced with nothing deferred: the session needs no snapshot from the server, so nothing is waited for.
  const onSynced = () => {
    if (!deferred) stopWaiting();
  };
  provider.on('open', onOpen);
  provider.on('close', onClose);
  provider.on('synced', onSynced);

  const offWanted = session.onSnapshotWanted((id) => {
    wantedMeanwhile = true;
    if (awaitingPush && id !== have) {
      deferred = id;
      armFallback();
      return;
    }
    fetch(id);
  });

  /**
   * A pushed snapshot is checked like any other (receiveSnapshot). When the
   * session wanted another one meanwhile (a compaction between the push and
   * the sync), that one is asked for once the push is applied or refused;
   * not while the session walks back from the push towards its anchor.
   */
  const onPushed = (id: string, bytes: Uint8Array) => {
    stopWaiting();
    const wanted = deferred;
    deferred = null;
    wantedMeanwhile = false;
    session.receiveSnapshot(bytes);
    const applied = session.currentSnapshotId === id;
    if (wanted && wanted !== id && session.currentSnapshotId !== wanted && (applied || !wantedMeanwhile)) fetch(wanted);
  };

  const onStateless = ({ payload }: { payload: string }) => {
    let msg: Incoming;
    try {
      msg = JSON.parse(payload) as Incoming;
    } catch {
      return;
    }
    if (msg.t === 'snap' && typeof msg.b === 'string' && typeof msg.id === 'string') {
      let bytes: Uint8Array;
      try {
        bytes = fromBase64Url(msg.b);
      } catch {
        bytes = new Uint8Array(0); // receiveSnapshot reports it as malformed
      }
      if (msg.push) onPushed(msg.id, bytes);
      else session.receiveSnapshot(bytes);
      if (session.currentSnapshotId === msg.id) void cache?.put(msg.id, bytes).catch(() => undefined);
    }
    // Our own snapshot won: adopt it without fetching it back.
    if (msg.t === 'snap-ack' && sent) {
      session.receiveSnapshot(sent);
      void cache?.put(msg.id, sent).catch(() => undefined);
    }
    if (msg.t === 'snap-ack' || msg.t === 'snap-err') {
      inFlight = false;
      sent = null;
      answered?.(msg.t === 'snap-ack');
      answered = null;
    }
    if ((msg.t === 'snap-data' || msg.t === 'snap-versions') && typeof msg.rid === 'string') pending.get(msg.rid)?.(msg);
  };
  provider.on('stateless', onStateless);

  const logBytes = () => log.toArray().reduce((n, b) => n + b.length, 0);
  const due = () => policy !== null && (log.length >= policy.afterEnvelopes || logBytes() >= policy.afterBytes);
  const attempt = (force = false) => {
    timer = null;
    if (inFlight || (!force && !due())) return;
    // Only what the server has acknowledged may be covered: send what is gathered, wait for the ack.
    session.flush();
    if (!provider.isSynced || provider.hasUnsyncedChanges) {
      timer = setTimeout(() => attempt(force), 250);
      return;
    }
    const bytes = session.buildSnapshot();
    if (!bytes) {
      answered?.(false);
      answered = null;
      return;
    }
    inFlight = true;
    sent = bytes;
    setTimeout(() => (inFlight = false), 30_000); // no answer (connection lost): allow another try
    provider.sendStateless(JSON.stringify({ t: 'snap-put', b: toBase64Url(bytes) }));
  };
  const onLog = () => {
    if (!canWrite || timer || inFlight || !due()) return;
    timer = setTimeout(() => attempt(), Math.random() * (policy?.jitterMs ?? 0));
  };
  log.observe(onLog);

  return {
    snapshotNow() {
      if (!canWrite) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        answered = resolve;
        session.flush();
        if (timer) clearTimeout(timer);
        attempt(true);
      });
    },
    async rotate(epoch, key, write) {
      if (!canWrite) return false;
      session.flush();
      for (let i = 0; i < 100 && (provider.hasUnsyncedChanges || !provider.isSynced); i++) await new Promise((r) => setTimeout(r, 100));
      if (provider.hasUnsyncedChanges || inFlight) return false;
      session.setOnline(false); // nothing new is sealed until the server has the new epoch
      const undo = session.useKey(epoch, key, write);
      const ok = await new Promise<boolean>((resolve) => {
        answered = resolve;
        if (timer) clearTimeout(timer);
        attempt(true);
      });
      if (!ok) undo();
      session.setOnline(provider.isSynced);
      return ok;
    },
    listVersions: () => request({ t: 'snap-list' }, (m) => (m.t === 'snap-versions' ? m.versions : undefined)),
    fetchSnapshot: (id) => request({ t: 'snap-fetch', id }, (m) => (m.t === 'snap-data' ? fromBase64Url(m.b) : undefined)),
    stop() {
      offWanted();
      stopWaiting();
      provider.off('open', onOpen);
      provider.off('close', onClose);
      provider.off('synced', onSynced);
      provider.off('stateless', onStateless);
      log.unobserve(onLog);
      if (timer) clearTimeout(timer);
      for (const fn of pending.values()) fn(null);
    },
  };
}
