import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { EncryptedDocSession } from './EncryptedDocSession.ts';
import { bindSnapshots, type SnapshotCache, type SnapshotControl } from './bindSnapshots.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'synced' | 'offline' | 'denied';

export type HocuspocusConnection = {
  provider: HocuspocusProvider;
  /** Versions: list, fetch and save snapshots. */
  history: Omit<SnapshotControl, 'stop'>;
  readonly status: ConnectionStatus;
  /** True while envelopes this client wrote have not been acknowledged by the server. */
  readonly unsynced: boolean;
  /**
   * The code of a write of this client that the server's guard refused (it closed the document,
   * close code 4400), or null. Kept until the connection is destroyed: what this client holds is
   * not what the server accepts, and reconnecting sends it again. A write under a key that was just
   * rotated (STALE_EPOCH) is not counted: the session under the new key sends it again.
   */
  readonly refused: string | null;
  onStatus(fn: (s: ConnectionStatus) => void): () => void;
  destroy(): void;
};

/**
 * Syncs a session's envelope document through Hocuspocus. Authentication is
 * the web session cookie, sent by the browser with the WebSocket upgrade.
 */
/** When a writer compacts the log into a snapshot (DESIGN.md §3). */
export type CompactionPolicy = { afterEnvelopes: number; afterBytes: number; jitterMs: number };
/** The collab server's close code for a write its guard refused (the reason is `coffre:4400:<DocError code>`). */
const UPDATE_REFUSED = 4400;

export const DEFAULT_COMPACTION: CompactionPolicy = { afterEnvelopes: 300, afterBytes: 1024 * 1024, jitterMs: 3000 };

export function connectHocuspocus(
  session: EncryptedDocSession,
  opts: {
    url: string;
    WebSocketPolyfill?: unknown;
    compaction?: CompactionPolicy | false;
    canWrite?: boolean;
    snapshotCache?: SnapshotCache;
    /** Sent in Hocuspocus' auth message: a share link's `link.<id>.<proof>`; signed-in users go by their cookie. */
    token?: string;
  },
): HocuspocusConnection {
  let status: ConnectionStatus = 'connecting';
  let refused: string | null = null;
  const listeners = new Set<(s: ConnectionStatus) => void>();
  session.setOnline(false);
  const set = (s: ConnectionStatus) => {
    status = s;
    session.setOnline(s === 'synced');
    for (const fn of listeners) fn(s);
  };
  const socket = new HocuspocusProviderWebsocket({
    url: opts.url,
    ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill as typeof WebSocket } : {}),
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: session.docId,
    document: session.envelope,
    token: opts.token ?? 'session-cookie',
    onStatus: ({ status: s }) => {
      if (s === 'connected') set('connected');
      else if (s === 'connecting') set('connecting');
      else set('offline');
    },
    onSynced: () => set('synced'),
    onAuthenticationFailed: () => set('denied'),
    // A per-document close from the server carries `coffre:<code>:<reason>` (Hocuspocus 3 sends no code).
    onClose: ({ event }) => {
      const [, closeCode, errorCode] = String(event?.reason ?? '').split(':');
      const code = Number(closeCode);
      // STALE_EPOCH is an honest race with a key rotation: the next session (new key) re-seals what was refused.
      if (code === UPDATE_REFUSED && errorCode && errorCode !== 'STALE_EPOCH') refused ??= errorCode;
      set(code === 4401 || code === 4403 ? 'denied' : 'offline');
    },
  });
  provider.on('unsyncedChanges', () => {
    for (const fn of listeners) fn(status);
  });
  const snapshots = bindSnapshots(session, provider, opts.compaction === false ? null : opts.compaction ?? DEFAULT_COMPACTION, opts.canWrite ?? true, opts.snapshotCache ?? null);
  provider.attach();
  // React to the browser's own network state at once, instead of waiting for a heartbeat to time out.
  const goOffline = () => socket.disconnect();
  const goOnline = () => void socket.connect();
  const win = globalThis as { addEventListener?: (t: string, f: () => void) => void; removeEventListener?: (t: string, f: () => void) => void };
  win.addEventListener?.('offline', goOffline);
  win.addEventListener?.('online', goOnline);
  return {
    provider,
    history: snapshots,
    get status() {
      return status;
    },
    get unsynced() {
      return provider.hasUnsyncedChanges;
    },
    get refused() {
      return refused;
    },
    onStatus(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    destroy() {
      win.removeEventListener?.('offline', goOffline);
      win.removeEventListener?.('online', goOnline);
      snapshots.stop();
      provider.destroy();
      socket.destroy();
    },
  };
}
