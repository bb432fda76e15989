import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { EncryptedDocSession } from './EncryptedDocSession.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'synced' | 'offline' | 'denied';

export type HocuspocusConnection = {
  provider: HocuspocusProvider;
  readonly status: ConnectionStatus;
  /** True while envelopes this client wrote have not been acknowledged by the server. */
  readonly unsynced: boolean;
  onStatus(fn: (s: ConnectionStatus) => void): () => void;
  destroy(): void;
};

/**
 * Syncs a session's envelope document through Hocuspocus. Authentication is
 * the web session cookie, sent by the browser with the WebSocket upgrade.
 */
export function connectHocuspocus(session: EncryptedDocSession, opts: { url: string; WebSocketPolyfill?: unknown }): HocuspocusConnection {
  let status: ConnectionStatus = 'connecting';
  const listeners = new Set<(s: ConnectionStatus) => void>();
  const set = (s: ConnectionStatus) => {
    status = s;
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
    token: 'session-cookie',
    onStatus: ({ status: s }) => {
      if (s === 'connected') set('connected');
      else if (s === 'connecting') set('connecting');
      else set('offline');
    },
    onSynced: () => set('synced'),
    onAuthenticationFailed: () => set('denied'),
  });
  provider.on('unsyncedChanges', () => {
    for (const fn of listeners) fn(status);
  });
  provider.attach();
  return {
    provider,
    get status() {
      return status;
    },
    get unsynced() {
      return provider.hasUnsyncedChanges;
    },
    onStatus(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}
